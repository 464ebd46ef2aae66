/**
 * What a scope would give before it is launched: how many items, principals and reviewers. It
 * runs the rules launch runs (`matchesScope`, then `assignReviewer` per item), so the numbers
 * shown in the form are the numbers the launch creates on the same snapshot.
 */
import { assignReviewer, type OwnerMappingRule, type ReviewerSubject } from './reviewer';
import { matchesScope, type CampaignScope, type ScopeCandidate } from './scope';

/** One entitlement of the snapshot with the facts scope and reviewer rules read. */
export interface ScopePreviewCandidate extends ScopeCandidate {
  principalId: number;
  reviewerSubject: ReviewerSubject;
}

export interface ScopePreviewContext {
  mappings: readonly OwnerMappingRule[];
  /** Account id to the account owner's email. */
  accountOwners: ReadonlyMap<string, string | null>;
  fallbackReviewers: readonly string[];
}

export interface ScopePreview {
  itemCount: number;
  principalCount: number;
  accountCount: number;
  reviewerCount: number;
  /** Reviewers with the most items first (then by email), at most `reviewerLimit`. */
  topReviewers: { email: string; itemCount: number }[];
  /** Items whose natural reviewer was the principal itself (they go to a fallback reviewer). */
  selfReviewAvoidedCount: number;
}

/** Counts the items and reviewers a scope gives over the candidates (the snapshot's entitlements). */
export function previewScope(candidates: readonly ScopePreviewCandidate[], scope: CampaignScope, context: ScopePreviewContext, reviewerLimit = 5): ScopePreview {
  const reviewerCounts = new Map<string, number>();
  const principalIds = new Set<number>();
  const accountIds = new Set<string>();
  let itemCount = 0;
  let selfReviewAvoidedCount = 0;
  for (const candidate of candidates) {
    if (!matchesScope(candidate, scope)) continue;
    const reviewer = assignReviewer(candidate.reviewerSubject, {
      mappings: context.mappings,
      accountOwnerEmail: context.accountOwners.get(candidate.accountId) ?? null,
      fallbackReviewers: context.fallbackReviewers,
    });
    itemCount += 1;
    principalIds.add(candidate.principalId);
    accountIds.add(candidate.accountId);
    if (reviewer.selfReviewAvoided) selfReviewAvoidedCount += 1;
    reviewerCounts.set(reviewer.email, (reviewerCounts.get(reviewer.email) ?? 0) + 1);
  }
  const topReviewers = [...reviewerCounts]
    .map(([email, count]) => ({ email, itemCount: count }))
    .sort((a, b) => b.itemCount - a.itemCount || a.email.localeCompare(b.email))
    .slice(0, reviewerLimit);
  return { itemCount, principalCount: principalIds.size, accountCount: accountIds.size, reviewerCount: reviewerCounts.size, topReviewers, selfReviewAvoidedCount };
}
