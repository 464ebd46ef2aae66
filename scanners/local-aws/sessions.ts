import type { RawRoleDetail } from '../raw-types';
import type { CallContext } from './call-context';
import { AwsApiError } from './errors';
import type { LocalAwsState } from './state';

/** STS: a session obtained with role credentials (role chaining) lasts at most one hour. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;
const MIN_SESSION_SECONDS = 900;

/**
 * The duration AssumeRole grants, validated as STS validates it: at least 900 seconds, at most
 * the role's MaxSessionDuration (default 3600), and at most one hour when the caller is itself a
 * role session (role chaining). `sessionDurationSeconds` in the faults shortens every session, so
 * tests can watch credentials expire.
 */
export function grantedSessionSeconds(context: CallContext, role: RawRoleDetail & { MaxSessionDuration?: number }, requested: string | null): number {
  const duration = requested === null ? 3600 : Number(requested);
  if (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS) {
    throw new AwsApiError('ValidationError', `1 validation error detected: Value '${requested ?? ''}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_SESSION_SECONDS}`, 400);
  }
  const isChained = context.state.sessions.has(context.accessKeyId) || /:role\//.test(context.state.baseIdentity.principalArn);
  if (isChained && duration > ROLE_CHAINING_MAX_SECONDS) throw new AwsApiError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 400);
  if (duration > (role.MaxSessionDuration ?? 3600)) throw new AwsApiError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400);
  const cap = context.faults.current.sessionDurationSeconds;
  return cap > 0 ? Math.min(duration, cap) : duration;
}

/** A call signed with an expired session's key answers ExpiredToken (403), as AWS does. */
export function assertSessionCurrent(state: LocalAwsState, accessKeyId: string, isJson: boolean): void {
  const session = state.sessions.get(accessKeyId);
  if (session?.expiresAt !== undefined && state.now() >= session.expiresAt) {
    throw new AwsApiError(isJson ? 'ExpiredTokenException' : 'ExpiredToken', 'The security token included in the request is expired', 403);
  }
}
