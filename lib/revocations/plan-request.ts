import { ConflictError, ValidationError } from '../http/errors';
import type { RevocationPlan } from './types';

/** Where a revocation request comes from (the schema's `origin` enum takes this list). */
export const REVOCATION_ORIGINS = ['decision', 'admin', 'campaign-close'] as const;
export type RevocationOrigin = (typeof REVOCATION_ORIGINS)[number];

/** How a revocation is carried out, decided by the account's source: live accounts through the remediation role, offline ones as an AWS CLI script. */
export type RevocationMode = 'live' | 'offline';

export interface RevocationRequestFacts {
  origin: RevocationOrigin;
  /** The campaign item behind a decision or a close; null for an admin's direct request. */
  campaignItemId: number | null;
  principalArn: string;
  accountId: string;
  entitlementKey: string;
  /** The source of the principal's account; undefined when the account row is gone (treated as live). */
  accountSource: 'live' | 'offline' | undefined;
  justification: string;
  requestedBy: string;
  now: Date;
  /** An admin request is planned at once; campaign requests are planned at approval. */
  plan: RevocationPlan | null;
  /**
   * Admin requests only: an open revocation of the same entitlement (a second one is refused). Campaign
   * decisions and closes do not ask: their request belongs to the item and is withdrawn with it.
   */
  openRevocationId?: number | null;
}

/** The row of a new revocation request, as written to `revocations`. */
export interface RevocationRequestRow {
  status: 'requested';
  origin: RevocationOrigin;
  campaignItemId: number | null;
  principalArn: string;
  accountId: string;
  entitlementKey: string;
  mode: RevocationMode;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  plan: string | null;
}

export interface RevocationRequestPlan {
  row: RevocationRequestRow;
  /**
   * The audit entry of an admin's direct request, without its object id (the row's id, known once
   * written). Campaign requests are audited in the decision's or the close's own entry: null.
   */
  audit: { actor: string; action: 'revocation.requested'; after: { entitlementKey: string; justification: string; planKind: RevocationPlan['kind']; calls: string[] } } | null;
}

/** The mode of a revocation in an account of this source. */
export function revocationModeFor(accountSource: 'live' | 'offline' | undefined): RevocationMode {
  return accountSource === 'offline' ? 'offline' : 'live';
}

/** The justification of an admin's direct request, trimmed; checked first, before anything is loaded. */
export function requireAdminJustification(text: string): string {
  const justification = text.trim();
  if (!justification) throw new ValidationError('A justification is required.');
  return justification;
}

/**
 * Plans one revocation request, whatever its origin: the row to insert (mode from the account's
 * source, status 'requested') and, for an admin's direct request, its audit entry. An admin request
 * needs a justification and a plan that is not refused, and is refused while another revocation of
 * the same entitlement is open (ValidationError, ConflictError).
 */
export function planRevocationRequest(facts: RevocationRequestFacts): RevocationRequestPlan {
  const justification = facts.origin === 'admin' ? requireAdminJustification(facts.justification) : facts.justification;
  if (facts.origin === 'admin') {
    if (!facts.plan) throw new ValidationError('An admin request is planned at once: the plan is missing.');
    if (facts.plan.kind === 'refused') throw new ValidationError(facts.plan.reason);
    if (facts.openRevocationId != null) throw new ConflictError(`Revocation #${facts.openRevocationId} for this entitlement is already under way.`);
  }
  const row: RevocationRequestRow = {
    status: 'requested',
    origin: facts.origin,
    campaignItemId: facts.campaignItemId,
    principalArn: facts.principalArn,
    accountId: facts.accountId,
    entitlementKey: facts.entitlementKey,
    mode: revocationModeFor(facts.accountSource),
    justification,
    requestedBy: facts.requestedBy,
    requestedAt: facts.now.toISOString(),
    plan: facts.plan ? JSON.stringify(facts.plan) : null,
  };
  const audit: RevocationRequestPlan['audit'] =
    facts.origin === 'admin' && facts.plan
      ? { actor: facts.requestedBy, action: 'revocation.requested', after: { entitlementKey: facts.entitlementKey, justification, planKind: facts.plan.kind, calls: facts.plan.calls.map((call) => call.action) } }
      : null;
  return { row, audit };
}
