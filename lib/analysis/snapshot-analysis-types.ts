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

export interface SnapshotAnalysis {
  principals: AnalyzedPrincipal[];
  /** Catalogue actions without a tier: reported, never dropped. */
  unclassifiedActions: string[];
}
