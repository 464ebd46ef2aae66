import { z } from 'zod';
import type { CredentialSummary } from '../../lib/analysis/snapshot-analysis-types';
import type {
  AccessKeyFacts,
  BlastRadius,
  BlastRadiusFactor,
  DeniedAction,
  DenialSource,
  Exposure,
  GroupFacts,
  InlinePolicyFacts,
  PrincipalFacts,
  ReachPath,
  Recommendation,
  RoleFacts,
  ServiceCredentialFacts,
  TrustEntry,
  TrustKind,
  UserCredentialFacts,
  UserFacts,
} from '../../lib/analysis/types';
import type { StoredPrincipalAnalysis, StoredPrincipalFacts } from '../schema/stored-json';
import { conditionEntrySchema, decidedConditionSchema, recommendationSchema, tierSchema, stringListSchema } from './engine-schemas';
import { readStoredJson } from './read-stored-json';
import { enumOfUnion, type ShapeOf } from './shape-of';

// ---------------------------------------------------------------------------
// principals.facts: what the snapshot said about the principal and its groups
// ---------------------------------------------------------------------------

/** A policy document as read: the JSON text (possibly URL-encoded) or the parsed object. */
const policyDocumentSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

const inlinePolicySchema = z.object({ name: z.string(), document: policyDocumentSchema } satisfies ShapeOf<InlinePolicyFacts>);

const accessKeySchema = z.object({
  id: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createDate: z.string(),
  lastUsedDate: z.string().nullable(),
  lastUsedService: z.string().nullable(),
} satisfies ShapeOf<AccessKeyFacts>);

const serviceCredentialSchema = z.object({
  id: z.string(),
  serviceName: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createDate: z.string(),
  expirationDate: z.string().nullable(),
} satisfies ShapeOf<ServiceCredentialFacts>);

const userCredentialsSchema = z.object({
  accessKeys: z.array(accessKeySchema),
  serviceCredentials: z.array(serviceCredentialSchema),
  hasConsolePassword: z.boolean(),
  passwordLastUsed: z.string().nullable(),
  hasMfa: z.boolean(),
} satisfies ShapeOf<UserCredentialFacts>);

const principalBaseShape = {
  arn: z.string(),
  id: z.string(),
  name: z.string(),
  path: z.string(),
  accountId: z.string(),
  createDate: z.string(),
  inlinePolicies: z.array(inlinePolicySchema),
  attachedManagedPolicyArns: stringListSchema,
  permissionsBoundaryArn: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
};

const userFactsSchema = z.object({
  ...principalBaseShape,
  type: z.literal('user'),
  groupNames: stringListSchema,
  credentials: userCredentialsSchema.nullable(),
} satisfies ShapeOf<UserFacts>);

const roleFactsSchema = z.object({
  ...principalBaseShape,
  type: z.literal('role'),
  trustPolicy: policyDocumentSchema,
  lastUsedDate: z.string().nullable(),
  lastUsedRegion: z.string().nullable(),
  permissionSetName: z.string().nullable(),
  isServiceLinked: z.boolean(),
} satisfies ShapeOf<RoleFacts>);

const groupFactsSchema = z.object({
  arn: z.string(),
  id: z.string(),
  name: z.string(),
  path: z.string(),
  inlinePolicies: z.array(inlinePolicySchema),
  attachedManagedPolicyArns: stringListSchema,
} satisfies ShapeOf<GroupFacts>);

const storedPrincipalFactsSchema = z.object({
  principal: z.discriminatedUnion('type', [userFactsSchema, roleFactsSchema]),
  groups: z.array(groupFactsSchema),
} satisfies ShapeOf<StoredPrincipalFacts>);

/** `principals.facts` of one row. */
export function readPrincipalFacts(text: string, principalId: number): StoredPrincipalFacts {
  return readStoredJson(storedPrincipalFactsSchema, text, { column: 'principals.facts', row: principalId });
}

/** What the reviewer rules read of a principal: its type, its tags, whether a user has a console password. */
export interface PrincipalReviewerFacts {
  type: PrincipalFacts['type'];
  tags: Record<string, string>;
  credentials?: Pick<UserCredentialFacts, 'hasConsolePassword'> | null;
}

/** Only the reviewer facts of `principals.facts`: checked and kept, the policies and keys are not (reads over every in-scope principal). */
const reviewerFactsSchema = z.object({
  principal: z.object({
    type: z.enum(['user', 'role']),
    tags: z.record(z.string(), z.string()).default({}),
    credentials: userCredentialsSchema.pick({ hasConsolePassword: true }).nullish(),
  } satisfies ShapeOf<PrincipalReviewerFacts>),
});

/** The reviewer facts of `principals.facts` of one row (launch and its preview decide self-review with them). */
export function readPrincipalReviewerFacts(text: string, principalId: number): PrincipalReviewerFacts {
  return readStoredJson(reviewerFactsSchema, text, { column: 'principals.facts', row: principalId }).principal;
}

// ---------------------------------------------------------------------------
// principals.analysis: the engine's results for the principal
// ---------------------------------------------------------------------------

const denialSourceSchema = z.object({
  source: z.enum(['identity', 'boundary', 'scp']),
  kind: z.enum(['explicit', 'implicit']),
  policyName: z.string(),
  policyArn: z.string().nullable(),
  statementId: z.string().nullable(),
  statementIndex: z.number().nullable(),
  decided: z.array(decidedConditionSchema).optional(),
} satisfies ShapeOf<DenialSource>);

const deniedActionSchema = z.object({ action: z.string(), tier: tierSchema, deniedBy: denialSourceSchema } satisfies ShapeOf<DeniedAction>);

const trustEntrySchema = z.object({
  kind: enumOfUnion<TrustKind>()(['same-account', 'organization-account', 'external-account', 'aws-service', 'saml', 'oidc', 'public']),
  principal: z.string(),
  accountId: z.string().nullable(),
  isConditional: z.boolean(),
  conditions: z.array(conditionEntrySchema),
  isSubjectPinned: z.boolean().nullable(),
  oidcProvider: z.string().nullable(),
} satisfies ShapeOf<TrustEntry>);

const exposureSchema = z.object({
  trusts: z.array(trustEntrySchema),
  assumableBy: z.array(z.object({ chain: stringListSchema } satisfies ShapeOf<ReachPath>)),
  isReachableFromOutsideOrganization: z.boolean(),
  hasUnpinnedOidcTrust: z.boolean(),
  hasPublicTrust: z.boolean(),
} satisfies ShapeOf<Exposure>);

const blastRadiusFactorSchema = z.object({
  id: enumOfUnion<BlastRadiusFactor['id']>()(['actions', 'models', 'regions', 'accounts', 'exposure', 'credentials', 'environment', 'controls', 'usage']),
  label: z.string(),
  value: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  sentence: z.string(),
} satisfies ShapeOf<BlastRadiusFactor>);

const blastRadiusSchema = z.object({ score: z.number(), factors: z.array(blastRadiusFactorSchema) } satisfies ShapeOf<BlastRadius>);

const credentialSummarySchema = z.object({
  activeAccessKeyCount: z.number(),
  oldestActiveKeyAgeDays: z.number().nullable(),
  lastKeyUseDaysAgo: z.number().nullable(),
  hasBedrockApiKey: z.boolean(),
  hasConsolePasswordWithoutMfa: z.boolean(),
  roleLastUsedDaysAgo: z.number().nullable(),
  lastBedrockUseDaysAgo: z.number().nullable(),
} satisfies ShapeOf<CredentialSummary>);

const storedPrincipalAnalysisSchema = z.object({
  tiers: z.array(tierSchema),
  blastRadius: blastRadiusSchema,
  exposure: exposureSchema,
  denied: z.array(deniedActionSchema),
  recommendations: z.array(recommendationSchema),
  credentials: credentialSummarySchema,
  reachAccountIds: stringListSchema,
  errors: stringListSchema,
} satisfies ShapeOf<StoredPrincipalAnalysis>);

/** `principals.analysis` of one row, every part checked: for the one principal a page shows, or an export. */
export function readPrincipalAnalysis(text: string, principalId: number): StoredPrincipalAnalysis {
  return readStoredJson(storedPrincipalAnalysisSchema, text, { column: 'principals.analysis', row: principalId });
}

const recommendationsOnlySchema = storedPrincipalAnalysisSchema.pick({ recommendations: true });

/**
 * Only the recommendations of `principals.analysis`, for reads over many principals (a launch):
 * the rest of the ~100 KB (denials, exposure) is parsed as JSON but neither checked nor kept.
 */
export function readPrincipalRecommendations(text: string, principalId: number): Recommendation[] {
  return readStoredJson(recommendationsOnlySchema, text, { column: 'principals.analysis', row: principalId }).recommendations;
}

/**
 * The effective Bedrock actions of principal `principalId`: the `action_lists` text its
 * `actions_hash` names (what an offline verification compares with a plan, what an export lists).
 */
export function readPrincipalActions(text: string, principalId: number): string[] {
  return readStoredJson(stringListSchema, text, { column: 'action_lists.list of principals.actions_hash', row: principalId });
}
