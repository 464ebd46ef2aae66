import { isSessionRecord, type CloudTrailRecord } from './cloudtrail-record';
import { resolveIdentity } from './attribute-event';
import type { Caller, SessionOrigin, SessionOriginLookup } from './types';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The origin of the session an `AssumeRole`, `AssumeRoleWithWebIdentity` or `AssumeRoleWithSAML`
 * event created: the temporary access key it returned, and who asked for it. Failed calls and
 * other events give `null`. Role chains resolve through `lookupOrigin` (the caller's own key).
 */
export function readSessionOrigin(event: CloudTrailRecord, lookupOrigin: SessionOriginLookup): SessionOrigin | null {
  if (!isSessionRecord(event) || text(event.errorCode) !== null) return null;
  const response = record(event.responseElements);
  const credentials = record(response?.credentials);
  const accessKeyId = text(credentials?.accessKeyId);
  if (accessKeyId === null) return null;
  const expiration = text(credentials?.expiration);
  const sourceIdentity = text(response?.sourceIdentity) ?? text(record(event.requestParameters)?.sourceIdentity);

  if (event.eventName === 'AssumeRoleWithWebIdentity') {
    const subject = text(response?.subjectFromWebIdentityToken) ?? text(event.userIdentity?.userName);
    const provider = text(response?.provider) ?? text(event.userIdentity?.identityProvider);
    const host = provider === null ? null : provider.includes(':oidc-provider/') ? provider.slice(provider.indexOf(':oidc-provider/') + ':oidc-provider/'.length) : provider;
    const caller: Caller =
      subject === null
        ? { kind: 'unattributed', name: 'unknown', identityCenterUserId: null, basis: 'none', reason: 'arbitrary-session-name' }
        : { kind: 'workload', name: host === null ? subject : `${host}:${subject}`, identityCenterUserId: null, basis: 'oidc-subject', reason: null };
    return { accessKeyId, caller, isStandingCredential: false, expiration };
  }
  if (event.eventName === 'AssumeRoleWithSAML') {
    const subject = text(response?.subject) ?? text(event.userIdentity?.userName);
    const caller: Caller =
      subject === null
        ? { kind: 'unattributed', name: 'unknown', identityCenterUserId: null, basis: 'none', reason: 'arbitrary-session-name' }
        : { kind: 'person', name: subject, identityCenterUserId: null, basis: 'saml-subject', reason: null };
    return { accessKeyId, caller, isStandingCredential: false, expiration };
  }
  if (sourceIdentity !== null) {
    return { accessKeyId, caller: { kind: 'person', name: sourceIdentity, identityCenterUserId: null, basis: 'source-identity', reason: null }, isStandingCredential: false, expiration };
  }
  const resolved = resolveIdentity(event.userIdentity, false, lookupOrigin);
  if (resolved.caller.basis === 'aws-service') {
    // A service assumed the role (Lambda, ECS, Bedrock agents): the session name names the workload.
    const sessionName = text(record(event.requestParameters)?.roleSessionName);
    const name = sessionName === null ? resolved.caller.name : `${resolved.caller.name}:${sessionName}`;
    return { accessKeyId, caller: { ...resolved.caller, name }, isStandingCredential: false, expiration };
  }
  return { accessKeyId, caller: resolved.caller, isStandingCredential: resolved.isStandingCredential, expiration };
}

/** The ISO expiry of a session (`Oct 11, 2026, 10:00:00 PM` in CloudTrail, or ISO), or null. */
export function expiryOf(origin: SessionOrigin): string | null {
  if (origin.expiration === null) return null;
  const time = new Date(origin.expiration);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/**
 * Session origins seen so far, by temporary access key. Bounded by the number of sessions, not
 * of events; expired sessions can be dropped with `forgetBefore`.
 */
export class SessionOriginIndex {
  private readonly origins = new Map<string, SessionOrigin>();

  readonly lookup: SessionOriginLookup = (accessKeyId) => this.origins.get(accessKeyId);

  /** Records the session an STS event started; returns whether it was one. */
  observe(event: CloudTrailRecord): boolean {
    const origin = readSessionOrigin(event, this.lookup);
    if (origin === null) return false;
    this.origins.set(origin.accessKeyId, origin);
    return true;
  }

  get size(): number {
    return this.origins.size;
  }

  /** Adds an origin seen by an earlier import (a later AssumeRole of the same key wins). */
  restore(origin: SessionOrigin): void {
    if (!this.origins.has(origin.accessKeyId)) this.origins.set(origin.accessKeyId, origin);
  }

  /** The sessions that may still sign calls at or after `time` (ISO); an unknown expiry is not carried over. */
  liveAfter(time: string): SessionOrigin[] {
    const live: SessionOrigin[] = [];
    for (const origin of this.origins.values()) {
      const expiry = expiryOf(origin);
      if (expiry !== null && expiry >= time) live.push(origin);
    }
    return live;
  }

  /** Drops sessions that expired before `time` (ISO); their keys can sign nothing later. */
  forgetBefore(time: string): void {
    for (const [key, origin] of this.origins) if (origin.expiration !== null && new Date(origin.expiration).toISOString() < time) this.origins.delete(key);
  }
}
