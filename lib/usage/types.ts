/** Who stands behind a Bedrock call, as far as the logs show. */
export const CALLER_KINDS = ['person', 'workload', 'iam-user', 'unattributed'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** How the identity was established: shown beside it so a reviewer can weigh it. */
export const ATTRIBUTION_BASES = [
  'identity-center-user-id', // userIdentity.onBehalfOf.userId
  'identity-center-session', // AWSReservedSSO_* role, session name is the Identity Center user name
  'source-identity', // sessionContext.sourceIdentity
  'role-chain', // the AssumeRole event that created the session names the original caller
  'saml-subject', // AssumeRoleWithSAML event names the subject
  'oidc-subject', // AssumeRoleWithWebIdentity event names the token's subject
  'oidc-provider', // web identity session without its AssumeRoleWithWebIdentity event: provider only
  'aws-service', // an AWS service made the call, or assumed the role the call was made with
  'ec2-instance', // instance-profile credentials (sessionContext.ec2RoleDelivery)
  'access-key', // IAM user long-term access key
  'bedrock-api-key', // bearer token (Bedrock API key) of an IAM user
  'user-session', // IAM user with temporary credentials (console, GetSessionToken)
  'federation-token', // GetFederationToken session: the IAM user that issued it
  'none',
] as const;
export type AttributionBasis = (typeof ATTRIBUTION_BASES)[number];

/** Why a call is not tied to a person, a named workload or an IAM user. */
export const UNATTRIBUTED_REASONS = [
  'no-user-identity',
  'root-user',
  'arbitrary-session-name',
  'caller-in-other-account',
  'anonymous',
  'unknown-identity-type',
] as const;
export type UnattributedReason = (typeof UNATTRIBUTED_REASONS)[number];

export interface Caller {
  kind: CallerKind;
  /** Person: user name (session name); workload: subject, service or instance; iam-user: user name; unattributed: the principal ARN or `unknown`. */
  name: string;
  /** Identity Center `UserId` (from `onBehalfOf.userId`), to join to people later. */
  identityCenterUserId: string | null;
  basis: AttributionBasis;
  reason: UnattributedReason | null;
}

/** The credential the call was signed with. Long-term ones are standing credentials. */
export const CREDENTIAL_KINDS = ['temporary', 'access-key', 'bedrock-api-key', 'short-term-api-key', 'service', 'unknown'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export type PrincipalKind = 'user' | 'role' | 'root' | 'service' | 'unknown';

/** One Bedrock call, tied to its principal and identity. The unit that aggregates count. */
export interface AttributedCall {
  eventTime: string;
  /** UTC day `YYYY-MM-DD` of `eventTime`: the bucket of charts. */
  day: string;
  accountId: string;
  region: string;
  /** IAM action, `bedrock:InvokeModel` (Converse is authorised by InvokeModel, so it counts as it). */
  action: string;
  /** The API name as CloudTrail records it (`Converse`). */
  eventName: string;
  /** `requestParameters.modelId`: a model id, model ARN or inference profile, as the caller sent it. */
  modelId: string | null;
  errorCode: string | null;
  /** Denied by IAM, an SCP or a resource policy: an attempt, not use. */
  isDenied: boolean;
  /** The IAM user or role ARN (`arn:aws:iam::…:role/…`, never the session ARN), root ARN, or null. */
  principalArn: string | null;
  principalKind: PrincipalKind;
  caller: Caller;
  credential: CredentialKind;
  /** Made with, or derived from, an IAM user's long-term key or Bedrock API key. */
  isStandingCredential: boolean;
  sourceIpAddress: string | null;
}

/** What a session-creating STS event tells about the calls later made with its credentials. */
export interface SessionOrigin {
  /** `responseElements.credentials.accessKeyId` of the AssumeRole* response. */
  accessKeyId: string;
  caller: Caller;
  isStandingCredential: boolean;
  expiration: string | null;
}

/** Looks up the origin of a temporary access key, from STS events seen in the same logs. */
export type SessionOriginLookup = (accessKeyId: string) => SessionOrigin | undefined;

export type AttributionResult = { ok: true; call: AttributedCall } | { ok: false; skip: string };
