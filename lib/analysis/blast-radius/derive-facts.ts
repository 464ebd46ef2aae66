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

/** What the score reads of an exposure. */
export function exposureFactsOf(exposure: Exposure): BlastRadiusFacts['exposure'] {
  return {
    kinds: [...new Set<TrustKind>(exposure.trusts.map((entry) => entry.kind))].sort(),
    hasUnpinnedOidc: exposure.hasUnpinnedOidcTrust,
    hasPublicTrust: exposure.hasPublicTrust,
    assumableByCount: distinctStartingPrincipals(exposure),
  };
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
  return factsOf(summarizeGrants(input.grants), input, exposureFactsOf(input.exposure));
}

/**
 * What one grants array contributes to a union of arrays, kept as sets so that unions merge
 * exactly: the summary of a concatenation is computed from its parts.
 */
interface MergeableGrantSummary {
  heldTiers: ReadonlySet<BlastRadiusFacts['tiers'][number]>;
  coversAllModels: boolean;
  modelPatterns: ReadonlySet<string>;
  /** An invoke grant with a region pattern: the region count is 'all'. */
  hasRegionPattern: boolean;
  regions: ReadonlySet<string>;
  allInvokeRequiresGuardrail: boolean;
}
const mergeableByGrants = new WeakMap<readonly Grant[], MergeableGrantSummary>();

function mergeableSummaryOf(grants: readonly Grant[]): MergeableGrantSummary {
  let summary = mergeableByGrants.get(grants);
  if (!summary) {
    const invokeGrants = grants.filter((grant) => grant.tier === 'invoke');
    const regionCount = regionCountOf(invokeGrants);
    summary = {
      heldTiers: new Set(grants.map((grant) => grant.tier)),
      coversAllModels: invokeGrants.some((grant) => coversAllModels(grant)),
      modelPatterns: new Set(invokeGrants.flatMap((grant) => grant.resources)),
      hasRegionPattern: regionCount === 'all',
      regions: new Set(regionCount === 'all' ? [] : invokeGrants.flatMap((grant) => grant.regions)),
      allInvokeRequiresGuardrail: invokeGrants.every((grant) => grant.requiresGuardrail),
    };
    mergeableByGrants.set(grants, summary);
  }
  return summary;
}

/**
 * The grant summary of the concatenation of `grantArrays`, merged from each array's cached
 * summary: a person holding the grants of many roles is summarised without concatenating them
 * (#14 scale: about 57 roles and 17,000 grants a person). Equal to summarizeGrants(concatenation).
 */
function summarizeGrantUnion(grantArrays: ReadonlyArray<readonly Grant[]>): GrantSummary {
  const parts = [...new Set(grantArrays)].map(mergeableSummaryOf);
  const heldTiers = new Set(parts.flatMap((part) => [...part.heldTiers]));
  const isAllModels = parts.some((part) => part.coversAllModels);
  const modelPatterns = new Set<string>();
  const regions = new Set<string>();
  for (const part of parts) {
    for (const pattern of part.modelPatterns) modelPatterns.add(pattern);
    for (const region of part.regions) regions.add(region);
  }
  return {
    tiers: TIERS.filter((tier) => heldTiers.has(tier)),
    modelScope: { isAllModels, modelPatternCount: modelPatterns.size },
    regionCount: parts.some((part) => part.hasRegionPattern) ? 'all' : regions.size,
    controls: { allInvokeRequiresGuardrail: parts.every((part) => part.allInvokeRequiresGuardrail), modelsPinned: !isAllModels },
  };
}

/**
 * deriveBlastRadiusFacts for an identity holding several grant arrays at once (a person and the
 * roles their assignments become): the same facts as for the arrays' concatenation.
 */
export function deriveBlastRadiusFactsOfUnion(input: Omit<DeriveFactsInput, 'grants'> & { grantArrays: ReadonlyArray<readonly Grant[]> }): BlastRadiusFacts {
  return factsOf(summarizeGrantUnion(input.grantArrays), input, exposureFactsOf(input.exposure));
}

/**
 * deriveBlastRadiusFactsOfUnion with the exposure already summarised (exposureFactsOf of the
 * union's exposure): a person's roles can be summarised once each, and their union counted
 * without concatenating every role's trust and assume-role paths for every person.
 */
export function deriveBlastRadiusFactsOfUnionWithExposureFacts(input: Omit<DeriveFactsInput, 'grants' | 'exposure'> & { grantArrays: ReadonlyArray<readonly Grant[]>; exposureFacts: BlastRadiusFacts['exposure'] }): BlastRadiusFacts {
  return factsOf(summarizeGrantUnion(input.grantArrays), input, input.exposureFacts);
}

function factsOf(summary: GrantSummary, input: Omit<DeriveFactsInput, 'grants' | 'exposure'>, exposure: BlastRadiusFacts['exposure']): BlastRadiusFacts {
  const credentials = input.credentials;
  return {
    tiers: summary.tiers,
    modelScope: summary.modelScope,
    regionCount: summary.regionCount,
    totalRegionCount: input.totalRegionCount ?? DEFAULT_TOTAL_REGION_COUNT,
    accountCount: input.accountCount,
    exposure,
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
