import type { CredentialSummary } from '../snapshot-analysis-types';
import { TIERS, type BedrockUsageFact, type BlastRadiusFacts, type Environment, type Exposure, type Grant, type TrustKind } from '../types';
import type { AccountControlCoverage } from './account-controls';
import { coversAllModels } from './model-scope';

/**
 * Regions counted as "all" when the caller does not know better: roughly the commercial
 * regions that offer Bedrock. Pass the real count (e.g. from the catalogue) when available.
 */
export const DEFAULT_TOTAL_REGION_COUNT = 30;

export interface DeriveFactsInput {
  principalType: 'user' | 'role';
  /** The principal's Bedrock grants (not the supporting IAM grants). */
  grants: Grant[];
  exposure: Exposure;
  credentials: CredentialSummary;
  environment: Environment;
  /** Accounts where the identity holds Bedrock access directly or through assumption. */
  accountCount: number;
  totalRegionCount?: number;
  /** Controls of the principal's account over its invoke regions (lib/controls/coverage.ts); null when not read. */
  accountControls?: AccountControlCoverage | null;
  /** CloudTrail's Bedrock use of the principal (usage-fact.ts); null or absent when none was read. */
  usage?: BedrockUsageFact | null;
}

function distinctStartingPrincipals(exposure: Exposure): number {
  return new Set(exposure.assumableBy.map((path) => path.chain[0]).filter((arn) => arn !== undefined)).size;
}

function regionCountOf(invokeGrants: Grant[]): number | 'all' {
  const regions = new Set<string>();
  for (const grant of invokeGrants) {
    // A region pattern such as `eu-*` is counted as no limit: over-reporting beats guessing.
    if (grant.regions.some((region) => region.includes('*') || region.includes('?'))) return 'all';
    for (const region of grant.regions) regions.add(region);
  }
  return regions.size;
}

/** What the score reads from the grants alone: shared by every principal holding the same grants array. */
interface GrantSummary {
  tiers: BlastRadiusFacts['tiers'];
  modelScope: BlastRadiusFacts['modelScope'];
  regionCount: BlastRadiusFacts['regionCount'];
  controls: BlastRadiusFacts['controls'];
}
const summaryByGrants = new WeakMap<Grant[], GrantSummary>();

function summarizeGrants(grants: Grant[]): GrantSummary {
  let summary = summaryByGrants.get(grants);
  if (!summary) {
    const invokeGrants = grants.filter((grant) => grant.tier === 'invoke');
    const coveringAll = invokeGrants.filter((grant) => coversAllModels(grant));
    const modelPatterns = new Set(invokeGrants.flatMap((grant) => grant.resources));
    const heldTiers = new Set(grants.map((grant) => grant.tier));
    summary = {
      tiers: TIERS.filter((tier) => heldTiers.has(tier)),
      modelScope: { isAllModels: coveringAll.length > 0, modelPatternCount: modelPatterns.size },
      regionCount: regionCountOf(invokeGrants),
      controls: {
        allInvokeRequiresGuardrail: invokeGrants.every((grant) => grant.requiresGuardrail),
        modelsPinned: coveringAll.length === 0,
      },
    };
    summaryByGrants.set(grants, summary);
  }
  return summary;
}

/**
 * Turns a principal's grants, exposure and credentials into the facts the score reads.
 *
 * Models and regions look at invoke-tier grants only (what can be invoked where). Controls are
 * vacuously true without invoke grants, so that adding a non-invoke tier never switches a
 * control; the score bounds the reduction by the model and region points, which are 0 then.
 * Grant paths are not read: grants equal but for their policy ARNs give equal facts.
 */
export function deriveBlastRadiusFacts(input: DeriveFactsInput): BlastRadiusFacts {
  const summary = summarizeGrants(input.grants);
  const trustKinds = new Set<TrustKind>(input.exposure.trusts.map((entry) => entry.kind));
  const credentials = input.credentials;
  return {
    tiers: summary.tiers,
    modelScope: summary.modelScope,
    regionCount: summary.regionCount,
    totalRegionCount: input.totalRegionCount ?? DEFAULT_TOTAL_REGION_COUNT,
    accountCount: input.accountCount,
    exposure: {
      kinds: [...trustKinds].sort(),
      hasUnpinnedOidc: input.exposure.hasUnpinnedOidcTrust,
      hasPublicTrust: input.exposure.hasPublicTrust,
      assumableByCount: distinctStartingPrincipals(input.exposure),
    },
    credentials: {
      type: input.principalType,
      activeAccessKeys: credentials.activeAccessKeyCount,
      oldestKeyAgeDays: credentials.oldestActiveKeyAgeDays ?? 0,
      hasBedrockApiKey: credentials.hasBedrockApiKey,
      consoleWithoutMfa: credentials.hasConsolePasswordWithoutMfa,
    },
    environment: input.environment,
    controls: input.accountControls === undefined ? summary.controls : { ...summary.controls, account: input.accountControls },
    ...(input.usage ? { usage: input.usage } : {}),
  };
}
