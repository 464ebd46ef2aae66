import type { AppDatabase } from '../client';
import { recommendFromUsage, type HeldAction, type UsageRecommendation } from '../../lib/usage/recommend-from-usage';
import { getPrincipalUsage, type PrincipalUsage } from './usage-principal';

export interface PrincipalUsageView {
  usage: PrincipalUsage;
  heldActionCount: number;
  usedHeldActionCount: number;
  recommendations: UsageRecommendation[];
}

/** What the usage panel of a principal shows: its evidence, the headline counts and the recommendations. */
export function getPrincipalUsageView(database: AppDatabase, scanId: number, principal: { arn: string; accountId: string }, held: readonly HeldAction[]): PrincipalUsageView {
  const usage = getPrincipalUsage(database, scanId, principal.arn);
  const heldActions = new Set(held.map((entry) => entry.action));
  const usedHeldActionCount = [...heldActions].filter((action) => (usage.detail.actions[action]?.calls ?? 0) > 0).length;
  const recommendations = recommendFromUsage({ principalArn: principal.arn, accountId: principal.accountId, held, detail: usage.detail, hasCloudTrail: usage.hasCloudTrail, accessAdvisor: usage.accessAdvisor, standingSourceCount: usage.standingSourceCount, asOf: new Date(usage.asOf) });
  return { usage, heldActionCount: heldActions.size, usedHeldActionCount, recommendations };
}
