import { and, eq, ne } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignItems, campaigns, decisions, notifications, revocations, users } from '../../schema';
import { appendAudit } from '../audit';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/http/errors';
import { isSelfReview } from '../../../lib/campaigns/reviewer';
import type { CampaignItemContext } from '../../../lib/campaigns/item-context';
import type { OutgoingEmail } from '../../../lib/campaigns/email';
import { inWriteTransaction } from './transaction';
import { listUsageOfPrincipals } from '../usage-item-evidence';
import { summarizeItemUsage } from '../../../lib/usage/item-usage-evidence';
import { attestJustificationError } from '../../../lib/campaigns/attest-justification';

export type DecisionInput =
  | { kind: 'attest'; justification: string; keepUntil?: string | null }
  | { kind: 'revoke'; justification: string }
  | { kind: 'delegate'; delegateTo: string; note: string };

export interface DecideItemInput {
  itemId: number;
  /** The version of the item the caller saw: the decision applies only if nobody changed it since. */
  expectedVersion: number;
  /** The signed-in user: only their own items can be decided, admins included. */
  reviewerEmail: string;
  decision: DecisionInput;
  now: Date;
}

export interface DecideItemResult {
  itemId: number;
  decisionId: number;
  status: string;
  version: number;
  reviewerEmail: string;
  /** The revocation request a revoke decision created (null otherwise), so the reviewer can follow it. */
  revocationId: number | null;
  emails: OutgoingEmail[];
}

function loadOwnItem(database: AppDatabase, itemId: number, reviewerEmail: string) {
  return database
    .select({
      id: campaignItems.id,
      campaignId: campaignItems.campaignId,
      campaignName: campaigns.name,
      campaignStatus: campaigns.status,
      scanId: campaigns.scanId,
      principalArn: campaignItems.principalArn,
      principalName: campaignItems.principalName,
      principalType: campaignItems.principalType,
      accountId: campaignItems.accountId,
      entitlementKey: campaignItems.entitlementKey,
      status: campaignItems.status,
      keepUntil: campaignItems.keepUntil,
      version: campaignItems.version,
      context: campaignItems.context,
    })
    .from(campaignItems)
    .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
    // Owner scoping lives in the WHERE: another reviewer's item is "not found", whatever the role.
    .where(and(eq(campaignItems.id, itemId), eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase())))
    .get();
}

function staleMessage(database: AppDatabase, itemId: number): string {
  const last = database
    .select({ decidedBy: decisions.decidedBy, decidedAt: decisions.decidedAt })
    .from(campaignItems)
    .innerJoin(decisions, eq(decisions.id, campaignItems.lastDecisionId))
    .where(eq(campaignItems.id, itemId))
    .get();
  return last
    ? `This item was decided by ${last.decidedBy} at ${last.decidedAt}; reload to see it.`
    : 'This item was changed by someone else; reload to see it.';
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records one decision with compare-and-set on the item's version, in one transaction with its
 * audit entry, its decision-history row and (for revoke) the revocation request. A stale version
 * throws ConflictError naming who decided and when; another reviewer's item throws NotFoundError.
 */
export function decideItem(database: AppDatabase, input: DecideItemInput): DecideItemResult {
  return inWriteTransaction(database, () => {
    const caller = input.reviewerEmail.toLowerCase();
    const item = loadOwnItem(database, input.itemId, caller);
    if (!item) throw new NotFoundError('No such item in your reviews.');
    if (item.campaignStatus !== 'active') throw new ConflictError('This campaign is closed: its decisions can no longer change.');
    if (item.version !== input.expectedVersion) throw new ConflictError(staleMessage(database, item.id));

    const decision = input.decision;
    const at = input.now.toISOString();
    let keepUntil: string | null = null;
    let delegateTo: string | null = null;
    let justification: string;
    if (decision.kind === 'delegate') {
      delegateTo = decision.delegateTo.trim().toLowerCase();
      justification = decision.note.trim();
      if (delegateTo === caller) throw new ValidationError('Delegate to someone else: the item is already yours.');
      const delegate = database.select({ email: users.email, role: users.role }).from(users).where(and(eq(users.email, delegateTo), eq(users.isActive, true))).get();
      if (!delegate || delegate.role === 'auditor') throw new ValidationError(`${delegateTo} is not an active owner or admin.`);
      const context = JSON.parse(item.context) as Pick<CampaignItemContext, 'principalEmailTag'>;
      if (isSelfReview({ type: item.principalType as 'user' | 'role', name: item.principalName, emailTag: context.principalEmailTag ?? null }, delegateTo)) {
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
      const context = JSON.parse(item.context) as Pick<CampaignItemContext, 'actions' | 'recommendation' | 'tiers'>;
      const usage = listUsageOfPrincipals(database, [item.principalArn]);
      const evidence = summarizeItemUsage(usage.byPrincipal.get(item.principalArn) ?? [], context.actions ?? [], usage.hasCloudTrail, usage.windowDays);
      // Unused, recommended for revocation or over-broad: the justification must answer why it stays.
      const concernError = attestJustificationError(decision.kind, { usage: evidence, recommendation: context.recommendation, tiers: context.tiers ?? [] }, justification);
      if (concernError) throw new ValidationError(concernError);
    }

    const status = decision.kind === 'attest' ? 'attested' : decision.kind === 'revoke' ? 'revoked' : item.status;
    const inserted = database
      .insert(decisions)
      .values({ itemId: item.id, campaignId: item.campaignId, kind: decision.kind, justification, keepUntil, delegateTo, decidedBy: caller, decidedAt: at, scanId: item.scanId })
      .returning({ id: decisions.id })
      .get();
    const updated = database
      .update(campaignItems)
      .set({
        status,
        keepUntil: decision.kind === 'delegate' ? item.keepUntil : keepUntil,
        lastDecisionId: inserted.id,
        version: item.version + 1,
        ...(delegateTo ? { reviewerEmail: delegateTo, reviewerReason: 'delegated' } : {}),
      })
      // Compare-and-set: the version and the reviewer are checked again by the write itself.
      .where(and(eq(campaignItems.id, item.id), eq(campaignItems.version, input.expectedVersion), eq(campaignItems.reviewerEmail, caller)))
      .run();
    if (updated.changes !== 1) throw new ConflictError(staleMessage(database, item.id));

    let revocationId: number | null = null;
    let withdrawnRevocations = 0;
    if (decision.kind === 'revoke' && item.status !== 'revoked') {
      const account = database.select({ source: accounts.source }).from(accounts).where(eq(accounts.id, item.accountId)).get();
      revocationId = database
        .insert(revocations)
        .values({
          status: 'requested',
          origin: 'decision',
          campaignItemId: item.id,
          principalArn: item.principalArn,
          accountId: item.accountId,
          entitlementKey: item.entitlementKey,
          mode: account?.source === 'offline' ? 'offline' : 'live',
          justification,
          requestedBy: caller,
          requestedAt: at,
        })
        .returning({ id: revocations.id })
        .get().id;
    } else if (decision.kind === 'attest' && item.status === 'revoked') {
      // A changed mind before close withdraws the request that was not acted on yet.
      withdrawnRevocations = database
        .update(revocations)
        .set({ status: 'rejected', error: `Withdrawn: the reviewer changed the decision to attest (${at}).` })
        .where(and(eq(revocations.campaignItemId, item.id), eq(revocations.status, 'requested')))
        .run().changes;
    }

    const emails: OutgoingEmail[] = [];
    if (delegateTo) {
      const message = `${caller} delegated the review of ${item.principalName} (${item.accountId}) in "${item.campaignName}" to you: ${justification}`;
      database.insert(notifications).values({ userEmail: delegateTo, kind: 'delegated', message, link: '/inbox', createdAt: at }).run();
      emails.push({ to: delegateTo, subject: `Access review delegated to you: ${item.principalName}`, text: `${message}\n\nOpen My reviews: /inbox` });
    }

    appendAudit(
      database,
      {
        actor: caller,
        action: `campaign-item.${decision.kind}`,
        objectType: 'campaign_item',
        objectId: item.id,
        before: { status: item.status, keepUntil: item.keepUntil, reviewerEmail: caller, version: item.version },
        after: {
          campaignId: item.campaignId,
          entitlementKey: item.entitlementKey,
          decisionId: inserted.id,
          status,
          justification,
          keepUntil,
          delegateTo,
          scanId: item.scanId,
          version: item.version + 1,
          revocationId,
          withdrawnRevocations,
        },
      },
      input.now,
    );
    return { itemId: item.id, decisionId: inserted.id, status, version: item.version + 1, reviewerEmail: delegateTo ?? caller, revocationId, emails };
  });
}

export interface BulkDecisionResult {
  applied: { itemId: number; version: number; status: string }[];
  skipped: { itemId: number; reason: string }[];
  emails: OutgoingEmail[];
}

/**
 * Applies one decision to many items, each under the same rule as a single decision (own items
 * only, compare-and-set on the version the caller saw). Items that fail are reported as skipped
 * with the reason; the others are applied.
 */
export function decideItems(
  database: AppDatabase,
  input: { items: { id: number; version: number }[]; reviewerEmail: string; decision: DecisionInput; now: Date },
): BulkDecisionResult {
  const result: BulkDecisionResult = { applied: [], skipped: [], emails: [] };
  inWriteTransaction(database, () => {
    for (const target of input.items) {
      try {
        // Nested transaction = savepoint: a refused item leaves nothing behind.
        const outcome = decideItem(database, { itemId: target.id, expectedVersion: target.version, reviewerEmail: input.reviewerEmail, decision: input.decision, now: input.now });
        result.applied.push({ itemId: outcome.itemId, version: outcome.version, status: outcome.status });
        result.emails.push(...outcome.emails);
      } catch (error) {
        if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof ValidationError) {
          result.skipped.push({ itemId: target.id, reason: error.message });
        } else {
          throw error;
        }
      }
    }
  });
  return result;
}

/** Users an item can be delegated to: active owners and admins other than the caller. */
export function listDelegateCandidates(database: AppDatabase, callerEmail: string): { email: string; name: string }[] {
  return database
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.isActive, true), ne(users.role, 'auditor'), ne(users.email, callerEmail.toLowerCase())))
    .orderBy(users.name)
    .all();
}
