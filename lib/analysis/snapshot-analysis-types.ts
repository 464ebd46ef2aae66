import type {
  AccountFacts,
  BlastRadius,
  DeniedAction,
  Exposure,
  Grant,
  GroupFacts,
  PrincipalFacts,
  Recommendation,
  SodConflict,
  Tier,
} from './types';

/** Standing-credential facts of one principal, measured against the clock passed to the engine. */
export interface CredentialSummary {
  activeAccessKeyCount: number;
  oldestActiveKeyAgeDays: number | null;
  lastKeyUseDaysAgo: number | null;
  hasBedrockApiKey: boolean;
  hasConsolePasswordWithoutMfa: boolean;
  roleLastUsedDaysAgo: number | null;
  /** Days since any use the snapshot can show; null when unknown (no credential data). */
  lastBedrockUseDaysAgo: number | null;
}

/** Everything the engine concludes about one principal of a snapshot. */
export interface AnalyzedPrincipal {
  facts: PrincipalFacts;
  /** Users: their groups with policies; roles: empty. */
  groups: GroupFacts[];
  account: AccountFacts;
  ownerEmail: string | null;
  grants: Grant[];
  supportingGrants: Grant[];
  denied: DeniedAction[];
  tiers: Tier[];
  actions: string[];
  exposure: Exposure;
  credentials: CredentialSummary;
  blastRadius: BlastRadius;
  conflicts: SodConflict[];
  recommendations: Recommendation[];
  reachAccountIds: string[];
  lastUsedAt: string | null;
  errors: string[];
}

/**
 * What a scan keeps of an analysed principal once its rows are written, for the passes that read
 * the whole organisation after that (people, controls, usage, the summary): not the
 * recommendations, credentials or score factors, which only its row needs. At 100,000 principals
 * those were gigabytes held to the end of the scan.
 */
export type RetainedPrincipal = Omit<AnalyzedPrincipal, 'recommendations' | 'credentials' | 'blastRadius'> & { blastRadius: Pick<BlastRadius, 'score'> };

export interface SnapshotAnalysis {
  principals: AnalyzedPrincipal[];
  /** Catalogue actions without a tier: reported, never dropped. */
  unclassifiedActions: string[];
}
