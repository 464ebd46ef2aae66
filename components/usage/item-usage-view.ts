import type { InboxItemView } from '@/components/campaigns/inbox-items';
import type { PrincipalsUsage } from '@/db/queries/usage-item-evidence';
import { summarizeItemUsage } from '@/lib/usage/item-usage-evidence';

/** Adds the usage evidence of the item's own actions to an inbox item. */
export function withItemUsage(view: InboxItemView, actions: readonly string[], usage: PrincipalsUsage): InboxItemView {
  return { ...view, usage: summarizeItemUsage(usage.byPrincipal.get(view.principalArn) ?? [], actions, usage.hasCloudTrail, usage.windowDays) };
}
