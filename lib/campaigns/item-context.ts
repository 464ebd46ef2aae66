import type { EntitlementPath } from '../analysis/entitlements';
import type { Recommendation, Severity, Tier } from '../analysis/types';

/** `campaign_items.context`: the facts frozen at launch, shown beside the item. */
export interface CampaignItemContext {
  tiers: Tier[];
  actions: string[];
  /** How the policy reaches the principal (the engine's `EntitlementPath`). */
  grantPath: EntitlementPath;
  isConditional: boolean;
  /** The principal's blast radius at launch. */
  score: number;
  conflicts: { ruleId: string; severity: Severity; title: string }[];
  lastUsedAt: string | null;
  /** Other principals in the same account that hold an entitlement through the same policy. */
  peerCount: number;
  recommendation: ItemRecommendation;
  /** Principal's `email` tag, kept to refuse a delegation to the principal itself. */
  principalEmailTag: string | null;
  principalPath: string;
  permissionSetName: string | null;
  /** When the natural reviewer was the principal itself. */
  selfReviewAvoided: string | null;
  /** Micro-certification: why the item is here. */
  change: { kind: 'new' | 'widened' | 'attestation-expired'; addedActions: string[]; previousItemId: number | null } | null;
}

export interface ItemRecommendation {
  decision: 'revoke' | 'attest' | 'review';
  reason: string;
}

const UNUSED_DAYS = 90;

/**
 * The recommendation beside an item: revoke when the engine flagged the access as unused for
 * 90 days (for this grant path or the principal as a whole), look closer when the principal has
 * SoD conflicts, otherwise keep.
 */
export function recommendFor(input: {
  grantPath: CampaignItemContext['grantPath'];
  recommendations: readonly Recommendation[];
  conflictCount: number;
  lastUsedAt: string | null;
  now: Date;
}): ItemRecommendation {
  const unused = input.recommendations.find(
    (recommendation) =>
      recommendation.kind === 'revoke-unused' &&
      (recommendation.path === null ||
        (recommendation.path.policyName === input.grantPath.policyName &&
          recommendation.path.policyKind === input.grantPath.policyKind &&
          recommendation.path.attachedVia === input.grantPath.attachedVia)),
  );
  if (unused) return { decision: 'revoke', reason: unused.detail || unused.title };
  if (input.lastUsedAt && input.now.getTime() - new Date(input.lastUsedAt).getTime() > UNUSED_DAYS * 86_400_000) {
    return { decision: 'revoke', reason: `No Bedrock use in the last ${UNUSED_DAYS} days.` };
  }
  if (input.conflictCount > 0) return { decision: 'review', reason: `The principal has ${input.conflictCount} separation-of-duties conflict(s).` };
  return { decision: 'attest', reason: 'In use and no separation-of-duties conflict.' };
}

/** Identity of "the same policy" for peer counts: the managed policy ARN, or the inline policy's name. */
export function policyIdentity(path: { policyKind: 'managed' | 'inline'; policyArn: string | null; policyName: string }): string {
  return path.policyKind === 'managed' ? `managed:${path.policyArn ?? path.policyName}` : `inline:${path.policyName}`;
}
