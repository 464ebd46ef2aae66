import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import type { RevocationRequestFacts } from '../revocations/plan-request';
import { summarizeItemUsage, type PrincipalActionUsageRow } from '../usage/item-usage-evidence';
import type { OutgoingEmail } from './email';
import type { CampaignItemContext } from './item-context';
import type { ItemStatus } from './item-statuses';
import { isSelfReview } from './reviewer';
import { attestJustificationError } from './attest-justification';

export type DecisionInput =
  | { kind: 'attest'; justification: string; keepUntil?: string | null }
  | { kind: 'revoke'; justification: string }
  | { kind: 'delegate'; delegateTo: string; note: string };

/** The reviewer's own item as stored, with its campaign: what a decision is checked against. */
export interface DecisionItemFacts {
  id: number;
  campaignId: number;
  campaignName: string;
  campaignStatus: string;
  scanId: number;
  principalArn: string;
  principalName: string;
  principalType: string;
  accountId: string;
  entitlementKey: string;
  status: ItemStatus;
  keepUntil: string | null;
  version: number;
}

export interface DecisionFacts {
  /** The item, read with the caller as its reviewer; undefined when it is not theirs (or does not exist). */
  item: DecisionItemFacts | undefined;
  /** The version of the item the caller saw. */
  expectedVersion: number;
  /** The signed-in user, as given. */
  reviewerEmail: string;
  decision: DecisionInput;
  now: Date;
  /** Who decided the item last, for the message of a stale decision. */
  lastDecision: { decidedBy: string; decidedAt: string } | null;
  /** Delegations only: the active user named by `delegateEmailOf(decision)`, if any. */
  delegate?: { email: string; role: string } | undefined;
  /** Delegations and attestations: the parts of the item's stored context the rules read. */
  context?: Partial<Pick<CampaignItemContext, 'principalEmailTag' | 'actions'>> & { tiers?: readonly string[]; recommendation?: Pick<CampaignItemContext['recommendation'], 'decision' | 'reason'> };
  /** Attestations only: the principal's calls in the usage window (the evidence the reviewer sees). */
  usage?: { rows: readonly PrincipalActionUsageRow[]; hasCloudTrail: boolean; windowDays: number };
}

/** The audit `after` of a decision; the ids are placeholders the writer fills in once the rows exist. */
export interface DecisionAuditAfter {
  campaignId: number;
  entitlementKey: string;
  decisionId: number;
  status: ItemStatus;
  justification: string;
  keepUntil: string | null;
  delegateTo: string | null;
  scanId: number;
  version: number;
  revocationId: number | null;
  withdrawnRevocations: number;
}

/** What one decision writes, in order: the decision row, the item (compare-and-set), the revocation side, notifications, the audit entry. */
export interface DecisionPlan {
  decision: { itemId: number; campaignId: number; kind: DecisionInput['kind']; justification: string; keepUntil: string | null; delegateTo: string | null; decidedBy: string; decidedAt: string; scanId: number };
  /** The item's new state; applies only where the item still has `expectedVersion` and `reviewerEmail`. */
  itemUpdate: {
    set: { status: ItemStatus; keepUntil: string | null; version: number; reviewerEmail?: string; reviewerReason?: string };
    where: { itemId: number; expectedVersion: number; reviewerEmail: string };
  };
  /** A revoke of an item not revoked yet requests its revocation. */
  revocationRequest: Omit<RevocationRequestFacts, 'accountSource' | 'openRevocationId'> | null;
  /** An attest of a revoked item withdraws its revocation requests not acted on yet. */
  withdrawal: { campaignItemId: number; status: 'rejected'; error: string } | null;
  notifications: { userEmail: string; kind: 'delegated'; message: string; link: string; createdAt: string }[];
  /** Emails to send once the transaction has committed. */
  emails: OutgoingEmail[];
  audit: { actor: string; action: string; objectType: 'campaign_item'; objectId: number; before: { status: ItemStatus; keepUntil: string | null; reviewerEmail: string; version: number }; after: DecisionAuditAfter };
  result: { itemId: number; status: ItemStatus; version: number; reviewerEmail: string; emails: OutgoingEmail[] };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The user a delegation names, normalised as it is stored: null for other decisions. */
export function delegateEmailOf(decision: DecisionInput): string | null {
  return decision.kind === 'delegate' ? decision.delegateTo.trim().toLowerCase() : null;
}

/** Why a decision lost the race: who decided the item last, and when. */
export function staleDecisionMessage(lastDecision: { decidedBy: string; decidedAt: string } | null): string {
  return lastDecision
    ? `This item was decided by ${lastDecision.decidedBy} at ${lastDecision.decidedAt}; reload to see it.`
    : 'This item was changed by someone else; reload to see it.';
}

/**
 * Plans one reviewer decision on their own item. Refuses (typed errors) another reviewer's item,
 * a closed campaign, a stale version, a delegation to oneself, to an inactive user or auditor or to
 * the principal itself, a keep-until that is not a future date, an empty justification, and an
 * attestation of unused access without a real reason. A revoke requests the revocation once; an
 * attest of a revoked item withdraws the request; a delegation notifies and emails the delegate.
 */
export function planDecision(facts: DecisionFacts): DecisionPlan {
  const caller = facts.reviewerEmail.toLowerCase();
  const item = facts.item;
  if (!item) throw new NotFoundError('No such item in your reviews.');
  if (item.campaignStatus !== 'active') throw new ConflictError('This campaign is closed: its decisions can no longer change.');
  if (item.version !== facts.expectedVersion) throw new ConflictError(staleDecisionMessage(facts.lastDecision));

  const decision = facts.decision;
  const at = facts.now.toISOString();
  let keepUntil: string | null = null;
  const delegateTo = delegateEmailOf(decision);
  let justification: string;
  if (decision.kind === 'delegate') {
    justification = decision.note.trim();
    if (delegateTo === caller) throw new ValidationError('Delegate to someone else: the item is already yours.');
    if (!facts.delegate || facts.delegate.role === 'auditor') throw new ValidationError(`${delegateTo} is not an active owner or admin.`);
    if (isSelfReview({ type: item.principalType as 'user' | 'role', name: item.principalName, emailTag: facts.context?.principalEmailTag ?? null }, delegateTo ?? '')) {
      throw new ValidationError(`${delegateTo} cannot review their own access.`);
    }
  } else {
    justification = decision.justification.trim();
    if (decision.kind === 'attest' && decision.keepUntil) {
      if (!DATE_ONLY.test(decision.keepUntil)) throw new ValidationError('Keep until must be a date (YYYY-MM-DD).');
      if (decision.keepUntil <= at.slice(0, 10)) throw new ValidationError('Keep until must be a date in the future.');
      keepUntil = decision.keepUntil;
    }
  }
  if (!justification) throw new ValidationError(decision.kind === 'delegate' ? 'A note is required.' : 'A justification is required.');
  if (decision.kind === 'attest') {
    // The same evidence the reviewer sees beside the item: the calls of its own actions in the window.
    const usage = facts.usage ?? { rows: [], hasCloudTrail: false, windowDays: 90 };
    const evidence = summarizeItemUsage(usage.rows, facts.context?.actions ?? [], usage.hasCloudTrail, usage.windowDays);
    // Unused, recommended for revocation or over-broad: the justification must answer why it stays.
    const concernError = attestJustificationError(decision.kind, { usage: evidence, recommendation: facts.context?.recommendation, tiers: facts.context?.tiers ?? [] }, justification);
    if (concernError) throw new ValidationError(concernError);
  }

  const status = decision.kind === 'attest' ? 'attested' : decision.kind === 'revoke' ? 'revoked' : item.status;
  const version = item.version + 1;
  const revocationRequest: DecisionPlan['revocationRequest'] =
    decision.kind === 'revoke' && item.status !== 'revoked'
      ? { origin: 'decision', campaignItemId: item.id, principalArn: item.principalArn, accountId: item.accountId, entitlementKey: item.entitlementKey, justification, requestedBy: caller, now: facts.now, plan: null }
      : null;
  // A changed mind before close withdraws the request that was not acted on yet.
  const withdrawal: DecisionPlan['withdrawal'] =
    decision.kind === 'attest' && item.status === 'revoked' ? { campaignItemId: item.id, status: 'rejected', error: `Withdrawn: the reviewer changed the decision to attest (${at}).` } : null;

  const notifications: DecisionPlan['notifications'] = [];
  const emails: OutgoingEmail[] = [];
  if (delegateTo) {
    const message = `${caller} delegated the review of ${item.principalName} (${item.accountId}) in "${item.campaignName}" to you: ${justification}`;
    notifications.push({ userEmail: delegateTo, kind: 'delegated', message, link: '/inbox', createdAt: at });
    emails.push({ to: delegateTo, subject: `Access review delegated to you: ${item.principalName}`, text: `${message}\n\nOpen My reviews: /inbox` });
  }

  return {
    decision: { itemId: item.id, campaignId: item.campaignId, kind: decision.kind, justification, keepUntil, delegateTo, decidedBy: caller, decidedAt: at, scanId: item.scanId },
    itemUpdate: {
      set: { status, keepUntil: decision.kind === 'delegate' ? item.keepUntil : keepUntil, version, ...(delegateTo ? { reviewerEmail: delegateTo, reviewerReason: 'delegated' } : {}) },
      where: { itemId: item.id, expectedVersion: facts.expectedVersion, reviewerEmail: caller },
    },
    revocationRequest,
    withdrawal,
    notifications,
    emails,
    audit: {
      actor: caller,
      action: `campaign-item.${decision.kind}`,
      objectType: 'campaign_item',
      objectId: item.id,
      before: { status: item.status, keepUntil: item.keepUntil, reviewerEmail: caller, version: item.version },
      after: { campaignId: item.campaignId, entitlementKey: item.entitlementKey, decisionId: 0, status, justification, keepUntil, delegateTo, scanId: item.scanId, version, revocationId: null, withdrawnRevocations: 0 },
    },
    result: { itemId: item.id, status, version, reviewerEmail: delegateTo ?? caller, emails },
  };
}
