import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ConflictListQuery } from '../../lib/conflicts/search-params';
import { planExceptionAcceptance, resolveExceptionExpiry } from '../../lib/conflicts/exception-approval';
import type { AppDatabase } from '../client';
import { accounts, principals, sodConflicts, sodExceptionRequests, sodExceptions } from '../schema';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/http/errors';
import type { Severity } from '../../lib/analysis/types';
import { accountCondition } from './account-options';
import { appendAudit } from './audit';
import { parseConflictSide, type ConflictSideGrant } from './principals';
import { ownerScope, toPaging, type Viewer } from './viewer';
import { inWriteTransaction } from '../write-transaction';

export { conflictListQuerySchema, parseConflictListQuery, type ConflictListQuery } from '../../lib/conflicts/search-params';

/** An exception applies while it is neither withdrawn nor expired. */
function activeExceptionExists(now: Date): SQL {
  return sql`EXISTS (SELECT 1 FROM ${sodExceptions} WHERE ${sodExceptions.ruleId} = ${sodConflicts.ruleId} AND ${sodExceptions.principalArn} = ${sodConflicts.principalArn} AND ${sodExceptions.withdrawnAt} IS NULL AND ${sodExceptions.expiresAt} > ${now.toISOString()})`;
}

const SEVERITY_ORDER = sql`CASE ${sodConflicts.severity} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

export interface ConflictListRow {
  id: number;
  ruleId: string;
  severity: Severity;
  title: string;
  principalId: number;
  principalName: string;
  principalArn: string;
  principalType: 'user' | 'role';
  accountId: string;
  accountName: string | null;
  ownerEmail: string | null;
  sideA: ConflictSideGrant[];
  sideB: ConflictSideGrant[];
  exception: { reason: string; expiresAt: string; createdBy: string } | null;
  /** A critical exception asked for while four-eyes is on, waiting for a second admin. */
  pendingException: { requestId: number; reason: string; expiresAt: string; requestedBy: string } | null;
}

/** A page of SoD conflicts of one scan, most severe first, scoped to the viewer through the principal. */
export function listConflicts(database: AppDatabase, viewer: Viewer, scanId: number, query: ConflictListQuery, now = new Date()): { rows: ConflictListRow[]; total: number } {
  const conditions: Array<SQL | undefined> = [eq(sodConflicts.scanId, scanId), ownerScope(viewer, principals.ownerEmail)];
  if (query.rule) conditions.push(eq(sodConflicts.ruleId, query.rule));
  if (query.severity) conditions.push(eq(sodConflicts.severity, query.severity));
  if (query.account) conditions.push(accountCondition(sodConflicts.accountId, query.account));
  if (query.excepted === 'hide') conditions.push(sql`NOT ${activeExceptionExists(now)}`);
  if (query.excepted === 'only') conditions.push(activeExceptionExists(now));
  const where = and(...conditions);
  const { limit, offset } = toPaging(query.page, query.pageSize);
  const rows = database
    .select({
      id: sodConflicts.id,
      ruleId: sodConflicts.ruleId,
      severity: sodConflicts.severity,
      title: sodConflicts.title,
      principalId: sodConflicts.principalId,
      principalName: principals.name,
      principalArn: sodConflicts.principalArn,
      principalType: principals.type,
      accountId: sodConflicts.accountId,
      accountName: accounts.name,
      ownerEmail: principals.ownerEmail,
      sideA: sodConflicts.sideA,
      sideB: sodConflicts.sideB,
      exceptionReason: sql<string | null>`(SELECT ${sodExceptions.reason} FROM ${sodExceptions} WHERE ${sodExceptions.ruleId} = ${sodConflicts.ruleId} AND ${sodExceptions.principalArn} = ${sodConflicts.principalArn} AND ${sodExceptions.withdrawnAt} IS NULL AND ${sodExceptions.expiresAt} > ${now.toISOString()} ORDER BY ${sodExceptions.expiresAt} DESC LIMIT 1)`,
      exceptionExpiresAt: sql<string | null>`(SELECT ${sodExceptions.expiresAt} FROM ${sodExceptions} WHERE ${sodExceptions.ruleId} = ${sodConflicts.ruleId} AND ${sodExceptions.principalArn} = ${sodConflicts.principalArn} AND ${sodExceptions.withdrawnAt} IS NULL AND ${sodExceptions.expiresAt} > ${now.toISOString()} ORDER BY ${sodExceptions.expiresAt} DESC LIMIT 1)`,
      exceptionCreatedBy: sql<string | null>`(SELECT ${sodExceptions.createdBy} FROM ${sodExceptions} WHERE ${sodExceptions.ruleId} = ${sodConflicts.ruleId} AND ${sodExceptions.principalArn} = ${sodConflicts.principalArn} AND ${sodExceptions.withdrawnAt} IS NULL AND ${sodExceptions.expiresAt} > ${now.toISOString()} ORDER BY ${sodExceptions.expiresAt} DESC LIMIT 1)`,
    })
    .from(sodConflicts)
    .innerJoin(principals, eq(principals.id, sodConflicts.principalId))
    .leftJoin(accounts, eq(accounts.id, sodConflicts.accountId))
    .where(where)
    .orderBy(...(query.group === 'rule' ? [SEVERITY_ORDER, asc(sodConflicts.ruleId), desc(principals.score), asc(sodConflicts.id)] : [desc(principals.score), asc(principals.id), SEVERITY_ORDER, asc(sodConflicts.id)]))
    .limit(limit)
    .offset(offset)
    .all();
  const pending = pendingRequestsFor(database, rows);
  const total = database.select({ total: count() }).from(sodConflicts).innerJoin(principals, eq(principals.id, sodConflicts.principalId)).where(where).get()?.total ?? 0;
  return {
    total,
    rows: rows.map(({ exceptionReason, exceptionExpiresAt, exceptionCreatedBy, sideA, sideB, ...row }) => ({
      ...row,
      sideA: parseConflictSide(sideA, { side: 'side_a', conflictId: row.id }),
      sideB: parseConflictSide(sideB, { side: 'side_b', conflictId: row.id }),
      exception: exceptionReason !== null && exceptionExpiresAt !== null ? { reason: exceptionReason, expiresAt: exceptionExpiresAt, createdBy: exceptionCreatedBy ?? '' } : null,
      pendingException: pending.get(`${row.ruleId}\n${row.principalArn}`) ?? null,
    })),
  };
}

/** Pending exception requests of the listed conflicts, keyed by rule and principal ARN. */
function pendingRequestsFor(database: AppDatabase, rows: ReadonlyArray<{ ruleId: string; principalArn: string }>): Map<string, NonNullable<ConflictListRow['pendingException']>> {
  const result = new Map<string, NonNullable<ConflictListRow['pendingException']>>();
  if (rows.length === 0) return result;
  const requests = database
    .select({ requestId: sodExceptionRequests.id, ruleId: sodExceptionRequests.ruleId, principalArn: sodExceptionRequests.principalArn, reason: sodExceptionRequests.reason, expiresAt: sodExceptionRequests.expiresAt, requestedBy: sodExceptionRequests.requestedBy })
    .from(sodExceptionRequests)
    .where(and(eq(sodExceptionRequests.status, 'pending'), inArray(sodExceptionRequests.principalArn, [...new Set(rows.map((row) => row.principalArn))])))
    .all();
  for (const { ruleId, principalArn, ...request } of requests) result.set(`${ruleId}\n${principalArn}`, request);
  return result;
}

/** Rule ids present in a scan, for the rule filter. */
export function listConflictRuleIds(database: AppDatabase, scanId: number): string[] {
  return database.selectDistinct({ ruleId: sodConflicts.ruleId }).from(sodConflicts).where(eq(sodConflicts.scanId, scanId)).orderBy(sodConflicts.ruleId).all().map((row) => row.ruleId);
}

export const acceptExceptionSchema = z.object({
  conflictId: z.number().int().positive(),
  reason: z.string().trim().min(10, 'Give a reason of at least 10 characters.').max(2000),
  /** A calendar date (YYYY-MM-DD); the exception lapses at the end of that day (UTC). */
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-31.'),
});
export type AcceptExceptionInput = z.infer<typeof acceptExceptionSchema>;

export type AcceptExceptionResult = { status: 'accepted'; exceptionId: number; expiresAt: string } | { status: 'awaiting-second-admin'; requestId: number; expiresAt: string };

/**
 * Accepts one conflict (rule x principal ARN) as an exception until the given date. The
 * exception outlives the snapshot: the same conflict in the next scan stays accepted until it
 * expires. A critical conflict while four-eyes is on (`revocations.requireFourEyes`) is only
 * recorded as a request that another admin approves (`approveSodExceptionRequest`). Audited in
 * the same transaction.
 */
export function acceptConflictAsException(database: AppDatabase, input: AcceptExceptionInput, actor: string, now = new Date(), policy: { requireFourEyes: boolean } = { requireFourEyes: true }): AcceptExceptionResult {
  const expiry = resolveExceptionExpiry(input.expiresOn, now);
  if ('error' in expiry) throw new ValidationError(expiry.error);
  const expiresAt = expiry.expiresAt.toISOString();
  return inWriteTransaction(database, (): AcceptExceptionResult => {
    const conflict = database.select({ ruleId: sodConflicts.ruleId, principalArn: sodConflicts.principalArn, severity: sodConflicts.severity }).from(sodConflicts).where(eq(sodConflicts.id, input.conflictId)).get();
    if (!conflict) throw new NotFoundError(`Conflict ${input.conflictId} does not exist.`);
    const existing = database
      .select({ id: sodExceptions.id })
      .from(sodExceptions)
      .where(and(eq(sodExceptions.ruleId, conflict.ruleId), eq(sodExceptions.principalArn, conflict.principalArn), sql`${sodExceptions.withdrawnAt} IS NULL`, sql`${sodExceptions.expiresAt} > ${now.toISOString()}`))
      .get();
    if (existing) throw new ConflictError('This conflict already has an active exception.');
    const pending = database
      .select({ id: sodExceptionRequests.id })
      .from(sodExceptionRequests)
      .where(and(eq(sodExceptionRequests.ruleId, conflict.ruleId), eq(sodExceptionRequests.principalArn, conflict.principalArn), eq(sodExceptionRequests.status, 'pending')))
      .get();
    if (pending) throw new ConflictError('An exception for this conflict is already awaiting a second admin.');
    if (planExceptionAcceptance({ severity: conflict.severity, requireFourEyes: policy.requireFourEyes }) === 'await-second-admin') {
      const request = database
        .insert(sodExceptionRequests)
        .values({ conflictId: input.conflictId, ruleId: conflict.ruleId, principalArn: conflict.principalArn, severity: conflict.severity, reason: input.reason, expiresAt, requestedBy: actor, requestedAt: now.toISOString() })
        .returning({ id: sodExceptionRequests.id })
        .get();
      appendAudit(database, { actor, action: 'sod-exception.requested', objectType: 'sod_exception_request', objectId: request.id, after: { ruleId: conflict.ruleId, principalArn: conflict.principalArn, severity: conflict.severity, reason: input.reason, expiresAt, conflictId: input.conflictId, fourEyes: true } }, now);
      return { status: 'awaiting-second-admin', requestId: request.id, expiresAt };
    }
    const created = database
      .insert(sodExceptions)
      .values({ ruleId: conflict.ruleId, principalArn: conflict.principalArn, reason: input.reason, expiresAt, createdBy: actor, createdAt: now.toISOString() })
      .returning({ id: sodExceptions.id })
      .get();
    appendAudit(database, { actor, action: 'sod-exception.create', objectType: 'sod_exception', objectId: created.id, after: { ruleId: conflict.ruleId, principalArn: conflict.principalArn, severity: conflict.severity, reason: input.reason, expiresAt, conflictId: input.conflictId } }, now);
    return { status: 'accepted', exceptionId: created.id, expiresAt };
  });
}
