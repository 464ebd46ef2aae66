import { BEDROCK_EVENT_SOURCES, type CloudTrailRecord, type CloudTrailUserIdentity } from './cloudtrail-record';
import type { AttributedCall, AttributionResult, Caller, CredentialKind, PrincipalKind, SessionOrigin, SessionOriginLookup } from './types';

/**
 * API names that are not IAM actions: the action that authorises them (Converse and
 * ConverseStream need InvokeModel / InvokeModelWithResponseStream; async invoke needs InvokeModel).
 */
const AUTHORISING_ACTION: Readonly<Record<string, string>> = {
  Converse: 'InvokeModel',
  ConverseStream: 'InvokeModelWithResponseStream',
  StartAsyncInvoke: 'InvokeModel',
};

/** Error codes that mean the request was refused by authorisation (IAM, SCP, resource policy). */
const DENIED_ERROR_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'UnauthorizedException']);

const SSO_ROLE_PREFIX = 'AWSReservedSSO_';

/** Origins that say more than "some earlier session": kept as they are through a chain. */
const KEPT_ORIGIN_BASES = new Set<Caller['basis']>(['oidc-subject', 'saml-subject', 'aws-service', 'source-identity']);

export function isDeniedErrorCode(errorCode: string | null | undefined): boolean {
  return typeof errorCode === 'string' && DENIED_ERROR_CODES.has(errorCode);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** `arn:aws:sts::123:assumed-role/Role/Session` -> `Session`. */
export function sessionNameOf(identity: CloudTrailUserIdentity): string | null {
  const arn = text(identity.arn);
  if (arn !== null && arn.includes(':assumed-role/')) {
    const parts = arn.split('/');
    if (parts.length >= 3) return parts.slice(2).join('/');
  }
  const principalId = text(identity.principalId);
  if (principalId !== null && principalId.includes(':')) return principalId.slice(principalId.indexOf(':') + 1);
  return null;
}

function isBearerTokenCall(record: CloudTrailRecord): boolean {
  return record.additionalEventData?.callWithBearerToken === true || record.additionalEventData?.callWithBearerToken === 'true';
}

function unattributed(reason: NonNullable<Caller['reason']>, name: string | null): Caller {
  return { kind: 'unattributed', name: name ?? 'unknown', identityCenterUserId: null, basis: 'none', reason };
}

function hostOf(provider: string): string {
  // `arn:aws:iam::123:oidc-provider/token.actions.githubusercontent.com` -> the host part
  const marker = ':oidc-provider/';
  return provider.includes(marker) ? provider.slice(provider.indexOf(marker) + marker.length) : provider;
}

interface Resolved {
  principalArn: string | null;
  principalKind: PrincipalKind;
  caller: Caller;
  credential: CredentialKind;
  isStandingCredential: boolean;
}

/**
 * The principal and identity behind a `userIdentity` element. Shared by Bedrock calls and by the
 * STS events that start sessions (whose caller becomes the origin of the session).
 */
export function resolveIdentity(identity: CloudTrailUserIdentity | undefined, isBearerToken: boolean, lookupOrigin: SessionOriginLookup): Resolved {
  if (identity === undefined || identity === null || typeof identity !== 'object') {
    return { principalArn: null, principalKind: 'unknown', caller: unattributed('no-user-identity', null), credential: 'unknown', isStandingCredential: false };
  }
  const accessKeyId = text(identity.accessKeyId);
  const isLongTermKey = accessKeyId !== null && accessKeyId.startsWith('AKIA');
  switch (identity.type) {
    case 'IAMUser': {
      const userName = text(identity.userName) ?? text(identity.arn)?.split('/').pop() ?? 'unknown';
      const credential: CredentialKind = isBearerToken ? 'bedrock-api-key' : isLongTermKey ? 'access-key' : accessKeyId === null ? 'access-key' : 'temporary';
      const basis = credential === 'bedrock-api-key' ? 'bedrock-api-key' : credential === 'access-key' ? 'access-key' : 'user-session';
      return {
        principalArn: text(identity.arn),
        principalKind: 'user',
        caller: { kind: 'iam-user', name: userName, identityCenterUserId: null, basis, reason: null },
        credential,
        // An IAM user is a standing identity whatever signed this one request; a console session
        // of a user is still that user's password, which is a long-term credential too.
        isStandingCredential: true,
      };
    }
    case 'Root':
      return { principalArn: text(identity.arn), principalKind: 'root', caller: unattributed('root-user', text(identity.arn)), credential: isLongTermKey ? 'access-key' : 'temporary', isStandingCredential: true };
    case 'AWSService': {
      const service = text(identity.invokedBy) ?? 'unknown service';
      return { principalArn: null, principalKind: 'service', caller: { kind: 'workload', name: service, identityCenterUserId: null, basis: 'aws-service', reason: null }, credential: 'service', isStandingCredential: false };
    }
    case 'AWSAccount':
      return {
        principalArn: null,
        principalKind: 'unknown',
        caller: text(identity.accountId) === 'anonymous' || identity.accountId === undefined ? unattributed('anonymous', null) : unattributed('caller-in-other-account', `account ${identity.accountId}`),
        credential: 'unknown',
        isStandingCredential: false,
      };
    case 'WebIdentityUser': {
      const subject = text(identity.userName) ?? 'unknown subject';
      const provider = text(identity.identityProvider);
      return { principalArn: null, principalKind: 'unknown', caller: { kind: 'workload', name: provider === null ? subject : `${hostOf(provider)}:${subject}`, identityCenterUserId: null, basis: 'oidc-subject', reason: null }, credential: 'temporary', isStandingCredential: false };
    }
    case 'SAMLUser': {
      const subject = text(identity.userName) ?? 'unknown subject';
      return { principalArn: null, principalKind: 'unknown', caller: { kind: 'person', name: subject, identityCenterUserId: null, basis: 'saml-subject', reason: null }, credential: 'temporary', isStandingCredential: false };
    }
    case 'FederatedUser': {
      const issuer = identity.sessionContext?.sessionIssuer;
      const userName = text(issuer?.userName) ?? 'unknown';
      return { principalArn: text(issuer?.arn), principalKind: 'user', caller: { kind: 'iam-user', name: userName, identityCenterUserId: null, basis: 'federation-token', reason: null }, credential: 'temporary', isStandingCredential: true };
    }
    case 'AssumedRole':
      return resolveRoleSession(identity, accessKeyId, isBearerToken, lookupOrigin);
    default:
      return { principalArn: text(identity.arn), principalKind: 'unknown', caller: unattributed('unknown-identity-type', text(identity.arn)), credential: 'unknown', isStandingCredential: false };
  }
}

function resolveRoleSession(identity: CloudTrailUserIdentity, accessKeyId: string | null, isBearerToken: boolean, lookupOrigin: SessionOriginLookup): Resolved {
  const issuer = identity.sessionContext?.sessionIssuer;
  const roleArn = text(issuer?.arn);
  const roleName = text(issuer?.userName) ?? roleArn?.split('/').pop() ?? null;
  const sessionName = sessionNameOf(identity);
  const credential: CredentialKind = isBearerToken ? 'short-term-api-key' : 'temporary';
  const base = { principalArn: roleArn, principalKind: 'role' as const, credential };
  const person = (name: string, basis: Caller['basis'], identityCenterUserId: string | null = null): Resolved => ({
    ...base,
    caller: { kind: 'person', name, identityCenterUserId, basis, reason: null },
    isStandingCredential: false,
  });

  const onBehalfOfUserId = text(identity.onBehalfOf?.userId);
  if (onBehalfOfUserId !== null) return person(sessionName ?? onBehalfOfUserId, 'identity-center-user-id', onBehalfOfUserId);
  if (roleName?.startsWith(SSO_ROLE_PREFIX) && sessionName !== null) return person(sessionName, 'identity-center-session');
  const sourceIdentity = text(identity.sessionContext?.sourceIdentity);
  if (sourceIdentity !== null) return person(sourceIdentity, 'source-identity');

  const origin: SessionOrigin | undefined = accessKeyId === null ? undefined : lookupOrigin(accessKeyId);
  return throughSessionOrigin(resolveUnchainedSession(identity, base, roleName, sessionName), origin);
}

/** Who made a role session's call when no earlier AssumeRole* event says who started the session. */
function resolveUnchainedSession(identity: CloudTrailUserIdentity, base: Pick<Resolved, 'principalArn' | 'principalKind' | 'credential'>, roleName: string | null, sessionName: string | null): Resolved {
  const federatedProvider = text(identity.sessionContext?.webIdFederationData?.federatedProvider);
  if (federatedProvider !== null) {
    return { ...base, caller: { kind: 'workload', name: `${hostOf(federatedProvider)} as ${roleName ?? 'unknown role'}`, identityCenterUserId: null, basis: 'oidc-provider', reason: null }, isStandingCredential: false };
  }
  if (text(identity.sessionContext?.ec2RoleDelivery) !== null) {
    return { ...base, caller: { kind: 'workload', name: `ec2:${sessionName ?? 'unknown instance'}`, identityCenterUserId: null, basis: 'ec2-instance', reason: null }, isStandingCredential: false };
  }
  return { ...base, caller: unattributed('arbitrary-session-name', base.principalArn), isStandingCredential: false };
}

/**
 * A role session's call once the origin of its session is known (`undefined`: none was seen).
 * An attributed origin names the caller: a chain keeps what its origin was established by (an
 * OIDC subject stays `oidc-subject`); a plain AssumeRole from a known caller is `role-chain`. An
 * unattributed origin still tells whether the session came from a standing credential.
 * `unchained` is the call as `resolveUnchainedSession` saw it; this is the only place an origin
 * changes a call, so a call attributed without origins can be completed later (digest-records.ts).
 */
export function throughSessionOrigin<Call extends Pick<Resolved, 'caller' | 'isStandingCredential'>>(unchained: Call, origin: SessionOrigin | undefined): Call {
  if (origin === undefined) return unchained;
  if (origin.caller.kind !== 'unattributed') {
    const basis = KEPT_ORIGIN_BASES.has(origin.caller.basis) ? origin.caller.basis : 'role-chain';
    return { ...unchained, caller: { ...origin.caller, basis }, isStandingCredential: origin.isStandingCredential };
  }
  return unchained.caller.kind === 'unattributed' ? { ...unchained, isStandingCredential: origin.isStandingCredential } : unchained;
}

/** The IAM action a Bedrock record needs (`bedrock:InvokeModel` for Converse), or null for other services. */
export function iamActionOf(record: CloudTrailRecord): string | null {
  const prefix = BEDROCK_EVENT_SOURCES[record.eventSource ?? ''];
  const eventName = text(record.eventName);
  if (prefix === undefined || eventName === null) return null;
  return `${prefix}:${AUTHORISING_ACTION[eventName] ?? eventName}`;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Ties one Bedrock CloudTrail record to its calling principal and identity. Records of other
 * services, and records without a time or action, are skipped with the reason (never thrown).
 * `lookupOrigin` answers for temporary keys whose AssumeRole* event was seen in the same logs.
 */
export function attributeEvent(record: CloudTrailRecord, lookupOrigin: SessionOriginLookup): AttributionResult {
  if (record === null || typeof record !== 'object') return { ok: false, skip: 'not an object' };
  const action = iamActionOf(record);
  if (action === null) return { ok: false, skip: `not a Bedrock event (${String(record.eventSource)})` };
  const eventTime = text(record.eventTime);
  if (eventTime === null || !ISO_TIME.test(eventTime)) return { ok: false, skip: 'no eventTime' };
  const resolved = resolveIdentity(record.userIdentity, isBearerTokenCall(record), lookupOrigin);
  const accountId = text(record.recipientAccountId) ?? text(record.userIdentity?.accountId) ?? 'unknown';
  const errorCode = text(record.errorCode);
  const call: AttributedCall = {
    eventTime,
    day: eventTime.slice(0, 10),
    accountId,
    region: text(record.awsRegion) ?? 'unknown',
    action,
    eventName: record.eventName as string,
    modelId: text(record.requestParameters?.modelId),
    errorCode,
    isDenied: isDeniedErrorCode(errorCode),
    principalArn: resolved.principalArn,
    principalKind: resolved.principalKind,
    caller: resolved.caller,
    credential: resolved.credential,
    isStandingCredential: resolved.isStandingCredential,
    sourceIpAddress: text(record.sourceIPAddress),
  };
  return { ok: true, call };
}
