import { z } from 'zod';
import type { AssignmentItemContext } from '../../lib/campaigns/assignment-items';
import type { CampaignItemContext, ItemRecommendation } from '../../lib/campaigns/item-context';
import { entitlementPathSchema, severitySchema, stringListSchema, tierSchema } from './engine-schemas';
import { readStoredJson } from './read-stored-json';
import type { ShapeOf } from './shape-of';

/** `campaign_items.context`: the facts frozen at launch (lib/campaigns/item-context.ts), plus the assignment of an assignment item. */

const itemRecommendationSchema = z.object({ decision: z.enum(['revoke', 'attest', 'review']), reason: z.string() } satisfies ShapeOf<ItemRecommendation>);

const campaignItemContextShape = {
  tiers: z.array(tierSchema),
  actions: stringListSchema,
  grantPath: entitlementPathSchema,
  isConditional: z.boolean(),
  score: z.number(),
  conflicts: z.array(z.object({ ruleId: z.string(), severity: severitySchema, title: z.string() })),
  lastUsedAt: z.string().nullable(),
  peerCount: z.number(),
  recommendation: itemRecommendationSchema,
  principalEmailTag: z.string().nullable(),
  principalPath: z.string(),
  permissionSetName: z.string().nullable(),
  selfReviewAvoided: z.string().nullable(),
  change: z.object({ kind: z.enum(['new', 'widened', 'attestation-expired']), addedActions: stringListSchema, previousItemId: z.number().nullable() }).nullable(),
} satisfies ShapeOf<CampaignItemContext>;

type Assignment = AssignmentItemContext['assignment'];

const assignmentSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  permissionSetArn: z.string(),
  permissionSetName: z.string(),
  via: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  groupMemberCount: z.number().nullable(),
  roleArn: z.string(),
  roleName: z.string(),
  entitlements: z.array(z.object({ policyName: z.string(), policyKind: z.enum(['managed', 'inline']), tiers: z.array(tierSchema), actionCount: z.number() })),
  person: z.object({ tiers: z.array(tierSchema), score: z.number(), accountCount: z.number(), conflictCount: z.number() }),
  otherAccess: z.array(z.object({ accountId: z.string(), permissionSetName: z.string(), via: z.string(), tiers: z.array(tierSchema) })),
  otherAccessCount: z.number(),
} satisfies ShapeOf<Assignment>);

/** An entitlement item's context, or an assignment item's (the same facts with its `assignment`). */
export type StoredItemContext = CampaignItemContext & { assignment?: Assignment };

const itemContextSchema = z.object({ ...campaignItemContextShape, assignment: assignmentSchema.optional() } satisfies ShapeOf<StoredItemContext>);

/** `campaign_items.context` of one row (the inbox and a campaign's item table read one page of them). */
export function readItemContext(text: string, itemId: number): StoredItemContext {
  return readStoredJson(itemContextSchema, text, { column: 'campaign_items.context', row: itemId });
}

/**
 * The parts of `campaign_items.context` a decision reads: the principal's email tag (no
 * delegation to the principal itself), the item's actions (its usage evidence) and the
 * recommendation frozen at launch (attesting against a revoke recommendation needs a reason).
 */
const decisionContextSchema = z.object({
  principalEmailTag: campaignItemContextShape.principalEmailTag.optional(),
  actions: campaignItemContextShape.actions.optional(),
  tiers: campaignItemContextShape.tiers.optional(),
  recommendation: itemRecommendationSchema.optional(),
});

export type StoredDecisionContext = z.infer<typeof decisionContextSchema>;

/** What a decision reads of `campaign_items.context` of one row. */
export function readDecisionContext(text: string, itemId: number): StoredDecisionContext {
  return readStoredJson(decisionContextSchema, text, { column: 'campaign_items.context', row: itemId });
}
