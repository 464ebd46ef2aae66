import type { StoredScanSummary } from '../../db/schema/stored-json';
import type { AnalyzedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import { TIERS, type Tier } from '../../lib/analysis/types';

/** What the summary reads of an analysed principal (the query tests' seed summarises its fixtures through it too). */
export interface SummarizedPrincipal {
  grants: readonly unknown[];
  tiers: AnalyzedPrincipal['tiers'];
  facts: Pick<AnalyzedPrincipal['facts'], 'accountId'>;
  blastRadius: Pick<AnalyzedPrincipal['blastRadius'], 'score'>;
  conflicts: ReadonlyArray<Pick<AnalyzedPrincipal['conflicts'][number], 'ruleId' | 'severity'>>;
  exposure: Pick<AnalyzedPrincipal['exposure'], 'isReachableFromOutsideOrganization' | 'hasUnpinnedOidcTrust' | 'hasPublicTrust'>;
}

/** Counts for the overview and its trends, computed once per scan. */
export function summarizeScan(input: {
  principals: readonly SummarizedPrincipal[];
  accountCount: number;
  failedAccountCount: number;
  unclassifiedActions: string[];
}): StoredScanSummary {
  const byTier = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;
  const byAccount: Record<string, number> = {};
  const scoreBuckets = new Array<number>(10).fill(0);
  const openConflictsByRule: Record<string, number> = {};
  const openConflictsBySeverity: Record<string, number> = {};
  let bedrockPrincipalCount = 0;
  let exposedOutsideOrgCount = 0;
  let unpinnedOidcCount = 0;
  let publicTrustCount = 0;
  for (const principal of input.principals) {
    if (principal.grants.length === 0) continue;
    bedrockPrincipalCount += 1;
    for (const tier of principal.tiers) byTier[tier] += 1;
    byAccount[principal.facts.accountId] = (byAccount[principal.facts.accountId] ?? 0) + 1;
    scoreBuckets[Math.min(9, Math.floor(principal.blastRadius.score / 10))] += 1;
    for (const conflict of principal.conflicts) {
      openConflictsByRule[conflict.ruleId] = (openConflictsByRule[conflict.ruleId] ?? 0) + 1;
      openConflictsBySeverity[conflict.severity] = (openConflictsBySeverity[conflict.severity] ?? 0) + 1;
    }
    if (principal.exposure.isReachableFromOutsideOrganization) exposedOutsideOrgCount += 1;
    if (principal.exposure.hasUnpinnedOidcTrust) unpinnedOidcCount += 1;
    if (principal.exposure.hasPublicTrust) publicTrustCount += 1;
  }
  return {
    principalCount: input.principals.length,
    bedrockPrincipalCount,
    byTier,
    byAccount,
    scoreBuckets,
    openConflictsByRule,
    openConflictsBySeverity,
    exposedOutsideOrgCount,
    unpinnedOidcCount,
    publicTrustCount,
    accountCount: input.accountCount,
    failedAccountCount: input.failedAccountCount,
    unclassifiedActions: input.unclassifiedActions,
  };
}
