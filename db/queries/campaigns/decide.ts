import { and, eq, ne } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns, decisions, notifications, revocations, users } from '../../schema';
import { readDecisionContext } from '../../stored-json/campaign-item-context';
import { appendAudit } from '../audit';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/http/errors';
import type { OutgoingEmail } from '../../../lib/campaigns/email';
import { delegateEmailOf, planDecision, staleDecisionMessage, type DecisionFacts, type DecisionInput, type DecisionPlan } from '../../../lib/campaigns/plan-decision';
import { inWriteTransaction } from '../../write-transaction';
import { listUsageOfPrincipals } from '../usage-item-evidence';
import { callsOfPerson } from '../../../lib/usage/item-usage-evidence';
import { insertRevocationRequest } from '../revocations/insert-revocation-request';

export type { DecisionInput } from '../../../lib/campaigns/plan-decision';

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
      personUserId: campaignItems.personUserId,
      personUserName: campaignItems.personUserName,
      personEmail: campaignItems.personEmail,
    })
    .from(campaignItems)
    .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
    // Owner scoping lives in the WHERE: another reviewer's item is "not found", whatever the role.
    .where(and(eq(campaignItems.id, itemId), eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase())))
    .get();
}

function lastDecisionOf(database: AppDatabase, itemId: number): DecisionFacts['lastDecision'] {
  return (
    database
      .select({ decidedBy: decisions.decidedBy, decidedAt: decisions.decidedAt })
      .from(campaignItems)
      .innerJoin(decisions, eq(decisions.id, campaignItems.lastDecisionId))
      .where(eq(campaignItems.id, itemId))
      .get() ?? null
  );
}

/** The facts a decision is planned from: the caller's own item, who decided it last, the delegate, the stored context and the usage evidence. */
function readDecisionFacts(database: AppDatabase, input: DecideItemInput): DecisionFacts {
  const row = loadOwnItem(database, input.itemId, input.reviewerEmail.toLowerCase());
  const facts: DecisionFacts = { item: undefined, expectedVersion: input.expectedVersion, reviewerEmail: input.reviewerEmail, decision: input.decision, now: input.now, lastDecision: null };
  if (!row) return facts;
  const { context, personUserId, personUserName, personEmail, ...item } = row;
  facts.item = item;
  facts.lastDecision = lastDecisionOf(database, row.id);
  const delegateTo = delegateEmailOf(input.decision);
  if (delegateTo) facts.delegate = database.select({ email: users.email, role: users.role }).from(users).where(and(eq(users.email, delegateTo), eq(users.isActive, true))).get();
  if (input.decision.kind !== 'revoke') facts.context = readDecisionContext(context, row.id);
  if (input.decision.kind === 'attest') {
    const usage = listUsageOfPrincipals(database, [row.principalArn]);
    const rows = usage.byPrincipal.get(row.principalArn) ?? [];
    // An assignment item is about one person: their own calls through the role are the evidence.
    const person = personUserId && personUserName ? { userId: personUserId, userName: personUserName, email: personEmail } : null;
    facts.usage = { rows: person ? callsOfPerson(rows, person) : rows, hasCloudTrail: usage.hasCloudTrail, windowDays: usage.windowDays };
  }
  return facts;
}

/** Writes a decision plan; the item update is a compare-and-set, so a lost race throws ConflictError and the transaction rolls back. */
function writeDecisionPlan(database: AppDatabase, plan: DecisionPlan, now: Date): { decisionId: number; revocationId: number | null } {
  const inserted = database.insert(decisions).values(plan.decision).returning({ id: decisions.id }).get();
  const where = plan.itemUpdate.where;
  const updated = database
    .update(campaignItems)
    .set({ ...plan.itemUpdate.set, lastDecisionId: inserted.id })
    // Compare-and-set: the version and the reviewer are checked again by the write itself.
    .where(and(eq(campaignItems.id, where.itemId), eq(campaignItems.version, where.expectedVersion), eq(campaignItems.reviewerEmail, where.reviewerEmail)))
    .run();
  if (updated.changes !== 1) throw new ConflictError(staleDecisionMessage(lastDecisionOf(database, where.itemId)));

  const revocationId = plan.revocationRequest ? insertRevocationRequest(database, plan.revocationRequest).id : null;
  const withdrawnRevocations = plan.withdrawal
    ? database
        .update(revocations)
        .set({ status: plan.withdrawal.status, error: plan.withdrawal.error })
        .where(and(eq(revocations.campaignItemId, plan.withdrawal.campaignItemId), eq(revocations.status, 'requested')))
        .run().changes
    : 0;
  for (const notification of plan.notifications) database.insert(notifications).values(notification).run();
  appendAudit(database, { ...plan.audit, after: { ...plan.audit.after, decisionId: inserted.id, revocationId, withdrawnRevocations } }, now);
  return { decisionId: inserted.id, revocationId };
}

/**
 * Records one decision with compare-and-set on the item's version, in one transaction with its
 * audit entry, its decision-history row and (for revoke) the revocation request. A stale version
 * throws ConflictError naming who decided and when; another reviewer's item throws NotFoundError.
 * The rules live in lib/campaigns/plan-decision.ts; this reads the facts and writes the plan.
 */
export function decideItem(database: AppDatabase, input: DecideItemInput): DecideItemResult {
  return inWriteTransaction(database, () => {
    const plan = planDecision(readDecisionFacts(database, input));
    const { decisionId, revocationId } = writeDecisionPlan(database, plan, input.now);
    return { itemId: plan.result.itemId, decisionId, status: plan.result.status, version: plan.result.version, reviewerEmail: plan.result.reviewerEmail, revocationId, emails: plan.result.emails };
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
