import type { InboxItemView } from '@/components/campaigns/inbox-items';
import type { PrincipalsUsage } from '@/db/queries/usage-item-evidence';
import { callsOfPerson, summarizeItemUsage } from '@/lib/usage/item-usage-evidence';

/**
 * Adds the usage evidence of the item's own actions to an inbox item: the principal's calls, or,
 * for an Identity Center assignment, the person's own calls through the role.
 */
export function withItemUsage(view: InboxItemView, actions: readonly string[], usage: PrincipalsUsage): InboxItemView {
  const rows = usage.byPrincipal.get(view.principalArn) ?? [];
  const own = view.assignment ? callsOfPerson(rows, { userId: view.assignment.userId, userName: view.assignment.userName, email: view.assignment.email }) : rows;
  return { ...view, usage: summarizeItemUsage(own, actions, usage.hasCloudTrail, usage.windowDays) };
}
