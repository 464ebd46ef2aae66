import { z } from 'zod';
import type { AnalyzedPrincipal, CredentialSummary } from '../../lib/analysis/snapshot-analysis-types';
import type {
  AccountFacts,
  GroupFacts,
  PrincipalFacts,
  Tier,
} from '../../lib/analysis/types';

/**
 * Shapes of the JSON columns. Written by the scan pipeline (scanners/persist), read by pages
 * through the readers of db/stored-json/, whose schemas are checked against these types.
 */

/** `principals.facts`: what the snapshot said about the principal, including its groups' policies. */
export interface StoredPrincipalFacts {
  principal: PrincipalFacts;
  /** For users: the groups they are in, with their policies. */
  groups: GroupFacts[];
}

/** Standing-credential facts shown on the principal page: the engine's summary, stored as is. */
export type StoredCredentialSummary = CredentialSummary;

/**
 * `principals.analysis`: the engine's results for one principal (`AnalyzedPrincipal`), without
 * what has its own table (grants, conflicts) or column (facts, account, owner, last use; the
 * effective actions are an `action_lists` text that `principals.actions_hash` names, shared by
 * every principal with the same access).
 */
export type StoredPrincipalAnalysis = Pick<AnalyzedPrincipal, 'tiers' | 'blastRadius' | 'exposure' | 'denied' | 'recommendations' | 'credentials' | 'reachAccountIds' | 'errors'>;

/** A principal's analysis as a page or an export reads it: the stored JSON and the effective actions its row names. */
export type PrincipalAnalysis = StoredPrincipalAnalysis & Pick<AnalyzedPrincipal, 'actions'>;

/** `scans.summary`: counts for the overview and its trends. */
export interface StoredScanSummary {
  principalCount: number;
  bedrockPrincipalCount: number;
  /** Every tier as the pipeline writes it; a scan summarised before a tier existed lacks that tier. */
  byTier: Partial<Record<Tier, number>>;
  byAccount: Record<string, number>;
  scoreBuckets: number[]; // 10 buckets: 0-9, 10-19, ... 90-100
  openConflictsByRule: Record<string, number>;
  openConflictsBySeverity: Record<string, number>;
  exposedOutsideOrgCount: number;
  unpinnedOidcCount: number;
  publicTrustCount: number;
  accountCount: number;
  failedAccountCount: number;
  unclassifiedActions: string[];
}

export type StoredAccountFacts = AccountFacts;

/**
 * `sod_conflicts.side_a` / `side_b`: the grants on one side of a conflict, one entry per grant
 * path and statement with the actions it gives (not one entry per action: an AdministratorAccess
 * holder would store hundreds per side).
 */
export interface StoredConflictSide {
  path: import('../../lib/analysis/types').GrantPath;
  tiers: string[];
  actions: string[];
}

/**
 * A JSON list of strings (actions, resources, regions, destinations, ...), checked instead of cast.
 * Readers that name the column and row on corrupt JSON live in db/stored-json/.
 */
export const storedStringListSchema = z.array(z.string());

export function parseStoredStringList(text: string): string[] {
  return storedStringListSchema.parse(JSON.parse(text));
}
