import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { auditLog, principals, revocations, type RevocationStatus } from '../../schema';
import type { UserRole } from '../../schema/users';
import { readRevocationBeforeState, readRevocationPlan, readRevocationResult } from '../../stored-json/revocation-columns';

export interface RevocationViewer {
  role: UserRole;
  email: string;
}

/** Owners see only revocations of principals they own (in any snapshot); admins and auditors see all. */
export function revocationScope(database: AppDatabase, viewer: RevocationViewer): SQL | undefined {
  if (viewer.role !== 'owner') return undefined;
  return inArray(revocations.principalArn, database.selectDistinct({ arn: principals.arn }).from(principals).where(eq(principals.ownerEmail, viewer.email.toLowerCase())));
}

export interface RevocationListRow {
  id: number;
  status: RevocationStatus;
  origin: string;
  mode: string;
  principalArn: string;
  accountId: string;
  entitlementKey: string;
  requestedBy: string;
  requestedAt: string;
  attempts: number;
  error: string | null;
}

export function listRevocations(database: AppDatabase, input: { viewer: RevocationViewer; status?: RevocationStatus; page: number; pageSize: number }): { rows: RevocationListRow[]; total: number } {
  const where = and(revocationScope(database, input.viewer), input.status ? eq(revocations.status, input.status) : undefined);
  const rows = database
    .select({
      id: revocations.id,
      status: revocations.status,
      origin: revocations.origin,
      mode: revocations.mode,
      principalArn: revocations.principalArn,
      accountId: revocations.accountId,
      entitlementKey: revocations.entitlementKey,
      requestedBy: revocations.requestedBy,
      requestedAt: revocations.requestedAt,
      attempts: revocations.attempts,
      error: revocations.error,
    })
    .from(revocations)
    .where(where)
    .orderBy(desc(revocations.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = database.select({ value: count() }).from(revocations).where(where).get()?.value ?? 0;
  return { rows, total };
}

export interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  detail: string | null;
}

export function getRevocationDetail(database: AppDatabase, id: number, viewer: RevocationViewer) {
  const row = database.select().from(revocations).where(and(eq(revocations.id, id), revocationScope(database, viewer))).get();
  if (!row) return null;
  const timeline: TimelineEntry[] = database
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, detail: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'revocation'), eq(auditLog.objectId, String(id))))
    .orderBy(asc(auditLog.id))
    .all();
  return {
    id: row.id,
    status: row.status,
    origin: row.origin,
    mode: row.mode,
    campaignItemId: row.campaignItemId,
    principalArn: row.principalArn,
    accountId: row.accountId,
    entitlementKey: row.entitlementKey,
    justification: row.justification,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    executedBy: row.executedBy,
    executedAt: row.executedAt,
    verifiedAt: row.verifiedAt,
    attempts: row.attempts,
    error: row.error,
    hasScript: row.script !== null,
    plan: row.plan ? readRevocationPlan(row.plan, row.id) : null,
    beforeState: row.beforeState ? readRevocationBeforeState(row.beforeState, row.id) : null,
    result: readRevocationResult(row.result, row.id),
    timeline,
  };
}

export type RevocationDetail = NonNullable<ReturnType<typeof getRevocationDetail>>;

/** The offline script, with the same scoping as the detail page. */
export function getRevocationScript(database: AppDatabase, id: number, viewer: RevocationViewer): string | null {
  return database.select({ script: revocations.script }).from(revocations).where(and(eq(revocations.id, id), revocationScope(database, viewer))).get()?.script ?? null;
}
