import type { Severity } from '../analysis/types';

/** Lifecycle of an exception request that waits for a second admin. */
export const SOD_EXCEPTION_REQUEST_STATUSES = ['pending', 'approved', 'withdrawn'] as const;
export type SodExceptionRequestStatus = (typeof SOD_EXCEPTION_REQUEST_STATUSES)[number];

/** Severities whose exceptions need a second admin while four-eyes is on. */
export const SECOND_ADMIN_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['critical']);

export type ExceptionAcceptance = 'apply' | 'await-second-admin';

/**
 * Whether accepting a conflict as an exception applies at once or waits for a second admin.
 * Uses the same switch as revocation approval (`revocations.requireFourEyes`): one setting says
 * whether one admin may act alone on the riskiest changes.
 */
export function planExceptionAcceptance(input: { severity: Severity; requireFourEyes: boolean }): ExceptionAcceptance {
  return input.requireFourEyes && SECOND_ADMIN_SEVERITIES.has(input.severity) ? 'await-second-admin' : 'apply';
}

/**
 * Why a pending exception request may not be approved by this admin, or null when it may.
 * The requester never approves their own request (compared case-insensitively, as e-mail
 * addresses are), a decided request stays decided, and a request whose expiry has passed
 * would create an exception that is already void.
 */
export function refuseExceptionApproval(input: { status: SodExceptionRequestStatus; requestedBy: string; approver: string; expiresAt: string; now: Date }): string | null {
  if (input.status !== 'pending') return `This exception request is already ${input.status}.`;
  if (input.requestedBy.trim().toLowerCase() === input.approver.trim().toLowerCase()) return 'Four-eyes approval: an admin other than the one who asked for the exception must approve it.';
  if (new Date(input.expiresAt).getTime() <= input.now.getTime()) return 'The requested expiry date has passed; ask for a new exception.';
  return null;
}

export const MAX_EXCEPTION_DAYS = 366;

/**
 * The instant an exception given until `expiresOn` (YYYY-MM-DD) lapses: the end of that day
 * in UTC. Returns an error text for a date in the past or further than MAX_EXCEPTION_DAYS away.
 */
export function resolveExceptionExpiry(expiresOn: string, now: Date): { expiresAt: Date } | { error: string } {
  const expiresAt = new Date(`${expiresOn}T23:59:59.999Z`);
  if (Number.isNaN(expiresAt.getTime())) return { error: 'The expiry is not a valid date.' };
  if (expiresAt.getTime() <= now.getTime()) return { error: 'The expiry date must be in the future.' };
  if (expiresAt.getTime() - now.getTime() > MAX_EXCEPTION_DAYS * 86_400_000) return { error: `An exception may last at most ${MAX_EXCEPTION_DAYS} days.` };
  return { expiresAt };
}

/** The expiry form's default (90 days) and latest allowed date (YYYY-MM-DD, UTC) for today. */
export function exceptionExpiryBounds(now: Date): { defaultExpiry: string; maxExpiry: string } {
  const day = 86_400_000;
  return { defaultExpiry: new Date(now.getTime() + 90 * day).toISOString().slice(0, 10), maxExpiry: new Date(now.getTime() + (MAX_EXCEPTION_DAYS - 1) * day).toISOString().slice(0, 10) };
}
