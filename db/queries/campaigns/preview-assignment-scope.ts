import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, identityCenterInstances, ownerMappings } from '../../schema';
import { planAssignmentItems } from '../../../lib/campaigns/assignment-items';
import type { CampaignScope } from '../../../lib/campaigns/scope';
import type { ScopePreview } from '../../../lib/campaigns/scope-preview';
import { readAssignmentFacts } from './assignment-facts';

const EMPTY: ScopePreview = { itemCount: 0, principalCount: 0, accountCount: 0, reviewerCount: 0, topReviewers: [], selfReviewAvoidedCount: 0 };

/**
 * What launching an assignment campaign (#14) on `scanId` would create, without writing: the same
 * item planner launch uses (lib/campaigns/assignment-items), counted. "Principals" are people here.
 */
export function previewAssignmentScope(database: AppDatabase, scanId: number, scope: CampaignScope, fallbackReviewers: readonly string[], now: Date, reviewerLimit = 5): ScopePreview {
  if (!database.select({ scanId: identityCenterInstances.scanId }).from(identityCenterInstances).where(eq(identityCenterInstances.scanId, scanId)).get()) return EMPTY;
  const accountOwners = new Map(database.select({ id: accounts.id, ownerEmail: accounts.ownerEmail }).from(accounts).all().map((account) => [account.id, account.ownerEmail]));
  const mappings = database.select().from(ownerMappings).all();
  let drafts;
  try {
    drafts = planAssignmentItems(readAssignmentFacts(database, scanId), scope, { mappings, accountOwners, fallbackReviewers }, now);
  } catch {
    // The planner throws when an item has nobody but the person to review it: the launch would refuse too.
    return EMPTY;
  }
  const reviewerCounts = new Map<string, number>();
  for (const draft of drafts) reviewerCounts.set(draft.reviewerEmail, (reviewerCounts.get(draft.reviewerEmail) ?? 0) + 1);
  return {
    itemCount: drafts.length,
    principalCount: new Set(drafts.map((draft) => draft.personUserId)).size,
    accountCount: new Set(drafts.map((draft) => draft.accountId)).size,
    reviewerCount: reviewerCounts.size,
    topReviewers: [...reviewerCounts].map(([email, itemCount]) => ({ email, itemCount })).sort((left, right) => right.itemCount - left.itemCount || left.email.localeCompare(right.email)).slice(0, reviewerLimit),
    selfReviewAvoidedCount: drafts.filter((draft) => draft.context.selfReviewAvoided).length,
  };
}
