import type { AccountBuilder } from './account-builder';
import type { AccountKind, OrganizationPlan, PlannedAccount } from './organization-plan';
import { OWNER_EMAILS } from './organization-plan';
import type { SeededRandom } from './random';

/** Everything a recipe needs to add principals to one account. */
export interface RecipeContext {
  plan: OrganizationPlan;
  account: PlannedAccount;
  random: SeededRandom;
  builder: AccountBuilder;
  /** Groups the account defines, for human users added by the filler. */
  humanGroups: string[];
}

/** An `owner` tag (plus a team tag) on most principals; `probability` of having one. */
export function ownerTags(context: RecipeContext, probability = 0.85, team?: string): Record<string, string> | undefined {
  if (!context.random.chance(probability)) return team ? { team } : undefined;
  const tags: Record<string, string> = { owner: context.random.pick(OWNER_EMAILS) };
  if (team) tags.team = team;
  return tags;
}

/** Days since last use: mostly recent, some stale (over 90 days), some never. */
export function lastUsedDays(context: RecipeContext, profile: 'busy' | 'mixed' | 'rare'): number | null {
  const roll = context.random.next();
  if (profile === 'busy') return roll < 0.95 ? context.random.integer(0, 3) + context.random.integer(0, 23) / 24 : context.random.integer(95, 200);
  if (profile === 'mixed') return roll < 0.6 ? context.random.integer(0, 30) : roll < 0.85 ? context.random.integer(91, 400) : null;
  return roll < 0.3 ? context.random.integer(10, 80) : roll < 0.7 ? context.random.integer(120, 600) : null;
}

/** The other accounts of a kind (for cross-account trusts). */
export function accountsOfKind(context: RecipeContext, kind: AccountKind): PlannedAccount[] {
  return context.plan.accounts.filter((account) => account.kind === kind && account.id !== context.account.id);
}

/** A few of them at most: large organisations must not produce trust policies with a thousand entries. */
export function someAccountsOfKind(context: RecipeContext, kind: AccountKind, limit: number): PlannedAccount[] {
  const candidates = accountsOfKind(context, kind);
  if (candidates.length <= limit) return candidates;
  const start = context.account.index % candidates.length;
  return Array.from({ length: limit }, (_, offset) => candidates[(start + offset) % candidates.length]);
}
