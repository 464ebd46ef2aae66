import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, revocations } from '../../schema';
import { appendAudit } from '../audit';
import { planRevocationRequest, type RevocationRequestFacts } from '../../../lib/revocations/plan-request';
import { OPEN_STATUSES } from '../../../lib/revocations/statuses';

/**
 * The one place a revocation request is inserted, whatever its origin (a campaign decision, a
 * campaign's close, an admin's direct request from the principal page, the API or the CLI). Reads
 * the facts the planner needs (the account's source, an open request of the same entitlement for
 * an admin request), writes the planned row and, for an admin request, its audit entry. Call it
 * inside the caller's write transaction.
 */
export function insertRevocationRequest(database: AppDatabase, request: Omit<RevocationRequestFacts, 'accountSource' | 'openRevocationId'>): { id: number } {
  const accountSource = database.select({ source: accounts.source }).from(accounts).where(eq(accounts.id, request.accountId)).get()?.source;
  const openRevocationId =
    request.origin === 'admin'
      ? (database
          .select({ id: revocations.id })
          .from(revocations)
          .where(and(eq(revocations.entitlementKey, request.entitlementKey), inArray(revocations.status, [...OPEN_STATUSES])))
          .get()?.id ?? null)
      : null;
  const plan = planRevocationRequest({ ...request, accountSource, openRevocationId });
  const row = database.insert(revocations).values(plan.row).returning({ id: revocations.id }).get();
  if (plan.audit) appendAudit(database, { actor: plan.audit.actor, action: plan.audit.action, objectType: 'revocation', objectId: row.id, after: plan.audit.after }, request.now);
  return row;
}
