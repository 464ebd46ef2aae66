import { z } from 'zod';
import type { IamLimitViolation } from '../../lib/revocations/iam-limits';
import { PROTECTION_KINDS, type PrincipalProtection } from '../../lib/revocations/protected-principal';
import {
  IDENTITY_CENTER_CALL_ACTIONS,
  IDENTITY_CENTER_PLAN_KINDS,
  type AffectedPerson,
  type IdentityCenterBeforeState,
  type IdentityCenterCall,
  type IdentityCenterCallOutcomeRecord,
  type IdentityCenterPlan,
} from '../../lib/revocations/identity-center/types';
import {
  CALL_OUTCOMES,
  EMPTY_RESULT,
  IAM_CALL_ACTIONS,
  PLAN_KINDS,
  REFUSAL_CODES,
  type CallOutcome,
  type IamCall,
  type PlanRefusal,
  type PrincipalLoss,
  type PrincipalState,
  type RevocationPlan,
  type RevocationResult,
  type VerificationOutcome,
  type VerificationStep,
} from '../../lib/revocations/types';
import { entitlementPathSchema, stringListSchema } from './engine-schemas';
import { readStoredJson } from './read-stored-json';
import { enumOfUnion, type ShapeOf } from './shape-of';

/** The JSON columns of a `revocations` row: `plan`, `before_state` and `result` (lib/revocations/types.ts). */

const iamCallSchema = z.object({
  action: z.enum(IAM_CALL_ACTIONS),
  principalType: z.enum(['user', 'role']),
  principalName: z.string(),
  policyArn: z.string().optional(),
  policyName: z.string().optional(),
  groupName: z.string().optional(),
  policyDocument: z.string().optional(),
} satisfies ShapeOf<IamCall>);

const iamLimitViolationSchema = z.object({
  kind: enumOfUnion<IamLimitViolation['kind']>()(['inline-policy-size', 'managed-policy-count', 'policy-version-count', 'group-count', 'name']),
  limit: z.number(),
  actual: z.number(),
  message: z.string(),
} satisfies ShapeOf<IamLimitViolation>);

const planRefusalSchema = z.object({ code: z.enum(REFUSAL_CODES), reason: z.string(), limits: z.array(iamLimitViolationSchema) } satisfies ShapeOf<PlanRefusal>);

const principalProtectionSchema = z.object({
  kind: z.enum(PROTECTION_KINDS),
  iamError: z.literal('UnmodifiableEntity'),
  reason: z.string(),
  permissionSetName: z.string().nullable(),
} satisfies ShapeOf<PrincipalProtection>);

const identityCenterCallSchema = z.object({
  service: z.enum(['sso-admin', 'identitystore']),
  action: z.enum(IDENTITY_CENTER_CALL_ACTIONS),
  input: z.record(z.string(), z.union([z.string(), z.object({ UserId: z.string() })])),
  pollsRequestOf: z.number().optional(),
} satisfies ShapeOf<IdentityCenterCall>);

const affectedPersonShape = { userId: z.string(), userName: z.string(), via: z.string() } satisfies ShapeOf<AffectedPerson>;

const identityCenterPlanSchema = z.object({
  version: z.literal(1),
  kind: z.enum(IDENTITY_CENTER_PLAN_KINDS),
  instanceArn: z.string(),
  identityStoreId: z.string(),
  permissionSetArn: z.string(),
  permissionSetName: z.string(),
  reason: z.string(),
  calls: z.array(identityCenterCallSchema),
  rollbackCalls: z.array(identityCenterCallSchema),
  losing: z.array(z.object({ ...affectedPersonShape, accountIds: stringListSchema })),
  keeping: z.array(z.object(affectedPersonShape)),
  accountIds: stringListSchema,
  notes: stringListSchema,
} satisfies ShapeOf<IdentityCenterPlan>);

const revocationPlanSchema = z.object({
  version: z.literal(1),
  kind: z.enum(PLAN_KINDS),
  principalArn: z.string(),
  principalType: z.enum(['user', 'role']),
  principalName: z.string(),
  accountId: z.string(),
  entitlementKey: z.string(),
  path: entitlementPathSchema,
  reason: z.string(),
  entitlementActions: stringListSchema,
  calls: z.array(iamCallSchema),
  before: z.object({ actions: stringListSchema }),
  after: z.object({ actions: stringListSchema, isEntitlementGone: z.boolean() }),
  lostActions: stringListSchema,
  collateralActions: stringListSchema,
  otherPrincipals: z.array(z.object({ principalArn: z.string(), lostActions: stringListSchema } satisfies ShapeOf<PrincipalLoss>)),
  notes: stringListSchema,
  snapshotCapturedAt: z.string(),
  evaluationErrors: stringListSchema,
  refusal: planRefusalSchema.nullable().optional(),
  protection: principalProtectionSchema.nullable().optional(),
  identityCenter: identityCenterPlanSchema.nullable().optional(),
} satisfies ShapeOf<RevocationPlan>);

/** `revocations.plan` of one row. */
export function readRevocationPlan(text: string, revocationId: number): RevocationPlan {
  return readStoredJson(revocationPlanSchema, text, { column: 'revocations.plan', row: revocationId });
}

const revocationPlanPathSchema = revocationPlanSchema.pick({ path: true });

/** Only the path of `revocations.plan` (what a list of a principal's revocations names), not its calls and action lists. */
export function readRevocationPlanPath(text: string, revocationId: number): Pick<RevocationPlan, 'path'> {
  return readStoredJson(revocationPlanPathSchema, text, { column: 'revocations.plan', row: revocationId });
}

const inlinePolicyTextShape = { name: z.string(), document: z.string() };

const principalStateSchema = z.object({
  principalType: z.enum(['user', 'role']),
  principalName: z.string(),
  principalArn: z.string(),
  accountId: z.string(),
  readAt: z.string(),
  source: z.enum(['live', 'snapshot']),
  inlinePolicies: z.array(z.object(inlinePolicyTextShape)),
  attachedManagedPolicyArns: stringListSchema,
  permissionsBoundaryArn: z.string().nullable(),
  groupNames: stringListSchema,
  groups: z.array(z.object({ name: z.string(), arn: z.string(), inlinePolicies: z.array(z.object(inlinePolicyTextShape)), attachedManagedPolicyArns: stringListSchema })),
  managedPolicies: z.array(z.object({ arn: z.string(), name: z.string(), defaultVersionId: z.string(), document: z.string() })),
} satisfies ShapeOf<PrincipalState>);

const identityCenterBeforeStateSchema = z.object({
  source: z.literal('identity-center'),
  recordedAt: z.string(),
  rollbackCalls: z.array(identityCenterCallSchema),
} satisfies ShapeOf<IdentityCenterBeforeState>);

const beforeStateSchema = z.discriminatedUnion('source', [principalStateSchema, identityCenterBeforeStateSchema]);

/** `revocations.before_state` of one row: the IAM principal as it was, or the Identity Center calls that restore it. */
export function readRevocationBeforeState(text: string, revocationId: number): PrincipalState | IdentityCenterBeforeState {
  return readStoredJson(beforeStateSchema, text, { column: 'revocations.before_state', row: revocationId });
}

/** `revocations.before_state` of an IAM revocation (a rollback of IAM calls reads it). */
export function readPrincipalBeforeState(text: string, revocationId: number): PrincipalState {
  return readStoredJson(principalStateSchema, text, { column: 'revocations.before_state', row: revocationId });
}

/** `revocations.before_state` of an Identity Center revocation (its rollback runs the recorded calls). */
export function readIdentityCenterBeforeState(text: string, revocationId: number): IdentityCenterBeforeState {
  return readStoredJson(identityCenterBeforeStateSchema, text, { column: 'revocations.before_state', row: revocationId });
}

/** What one call did: IAM's and Identity Center's outcomes have these in common. */
const outcomeShape = { status: z.enum(CALL_OUTCOMES), error: z.string().optional() };

const callOutcomeSchema = z.object({ ...outcomeShape, call: iamCallSchema, at: z.string().optional() } satisfies ShapeOf<CallOutcome>);

const verificationOutcomeSchema = z.object({
  isVerified: z.boolean(),
  reason: z.string(),
  checkedAt: z.string(),
  remainingActions: stringListSchema,
  reread: z.string().optional(),
  steps: z.array(z.object({ change: z.string(), isConfirmed: z.boolean().nullable() } satisfies ShapeOf<VerificationStep>)).optional(),
} satisfies ShapeOf<VerificationOutcome>);

const identityCenterOutcomeSchema = z.object({ ...outcomeShape, call: identityCenterCallSchema, requestId: z.string().optional() } satisfies ShapeOf<IdentityCenterCallOutcomeRecord>);

/** A part the stored result lacks reads as EMPTY_RESULT's (the reader has always merged them so). */
const revocationResultSchema = z.object({
  pending: z.enum(['execute', 'rollback']).nullable().default(EMPTY_RESULT.pending),
  claim: z.object({ pid: z.number(), at: z.string() }).nullable().default(EMPTY_RESULT.claim),
  calls: z.array(callOutcomeSchema).default(() => []),
  rollbackCalls: z.array(callOutcomeSchema).default(() => []),
  verification: verificationOutcomeSchema.nullable().default(EMPTY_RESULT.verification),
  identityCenterCalls: z.array(identityCenterOutcomeSchema).optional(),
  identityCenterRollbackCalls: z.array(identityCenterOutcomeSchema).optional(),
} satisfies ShapeOf<RevocationResult>);

/** `revocations.result` of one row; EMPTY_RESULT when nothing has run yet (null). */
export function readRevocationResult(text: string | null, revocationId: number): RevocationResult {
  if (!text) return { ...EMPTY_RESULT };
  return readStoredJson(revocationResultSchema, text, { column: 'revocations.result', row: revocationId });
}
