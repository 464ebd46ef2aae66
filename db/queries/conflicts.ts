import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../client';
import { accounts, principals, sodConflicts, sodExceptions, SEVERITIES } from '../schema';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/http/errors';
import type { Severity } from '../../lib/analysis/types';
import { accountCondition } from './account-options';
import { appendAudit } from './audit';
import { parseConflictSide, type ConflictSideGrant } from './principals';
import { ownerScope, toPaging, type Viewer } from './viewer';
import { inWriteTransaction } from '../write-transaction';

export const conflictListQuerySchema = z.object({
  rule: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  /** A 12-digit account id, or an account's exact name (case-insensitive). */
  account: z.string().trim().min(1).max(200).optional().catch(undefined),
  /** By default conflicts covered by an active exception are hidden. */
  excepted: z.enum(['hide', 'include', 'only']).default('hide').catch('hide'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});
export type ConflictListQuery = z.infer<typeof conflictListQuerySchema>;

export function parseConflictListQuery(searchParams: Record<string, string | string[] | undefined>): ConflictListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return conflictListQuerySchema.parse(flat);
}

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
    .orderBy(SEVERITY_ORDER, desc(principals.score), asc(sodConflicts.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total = database.select({ total: count() }).from(sodConflicts).innerJoin(principals, eq(principals.id, sodConflicts.principalId)).where(where).get()?.total ?? 0;
  return {
    total,
    rows: rows.map(({ exceptionReason, exceptionExpiresAt, exceptionCreatedBy, sideA, sideB, ...row }) => ({
      ...row,
      sideA: parseConflictSide(sideA),
      sideB: parseConflictSide(sideB),
      exception: exceptionReason !== null && exceptionExpiresAt !== null ? { reason: exceptionReason, expiresAt: exceptionExpiresAt, createdBy: exceptionCreatedBy ?? '' } : null,
    })),
  };
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

const MAX_EXCEPTION_DAYS = 366;

/**
 * Accepts one conflict (rule x principal ARN) as an exception until the given date. The
 * exception outlives the snapshot: the same conflict in the next scan stays accepted until it
 * expires. Audited in the same transaction.
 */
export function acceptConflictAsException(database: AppDatabase, input: AcceptExceptionInput, actor: string, now = new Date()): { exceptionId: number; expiresAt: string } {
  const expiresAt = new Date(`${input.expiresOn}T23:59:59.999Z`);
  if (Number.isNaN(expiresAt.getTime())) throw new ValidationError('expiresOn: not a valid date.');
  if (expiresAt.getTime() <= now.getTime()) throw new ValidationError('expiresOn: the expiry date must be in the future.');
  if (expiresAt.getTime() - now.getTime() > MAX_EXCEPTION_DAYS * 86_400_000) throw new ValidationError(`expiresOn: an exception may last at most ${MAX_EXCEPTION_DAYS} days.`);
  return inWriteTransaction(database, () => {
    const conflict = database.select({ ruleId: sodConflicts.ruleId, principalArn: sodConflicts.principalArn, severity: sodConflicts.severity }).from(sodConflicts).where(eq(sodConflicts.id, input.conflictId)).get();
    if (!conflict) throw new NotFoundError(`Conflict ${input.conflictId} does not exist.`);
    const existing = database
      .select({ id: sodExceptions.id })
      .from(sodExceptions)
      .where(and(eq(sodExceptions.ruleId, conflict.ruleId), eq(sodExceptions.principalArn, conflict.principalArn), sql`${sodExceptions.withdrawnAt} IS NULL`, sql`${sodExceptions.expiresAt} > ${now.toISOString()}`))
      .get();
    if (existing) throw new ConflictError('This conflict already has an active exception.');
    const created = database
      .insert(sodExceptions)
      .values({ ruleId: conflict.ruleId, principalArn: conflict.principalArn, reason: input.reason, expiresAt: expiresAt.toISOString(), createdBy: actor, createdAt: now.toISOString() })
      .returning({ id: sodExceptions.id })
      .get();
    appendAudit(database, { actor, action: 'sod-exception.create', objectType: 'sod_exception', objectId: created.id, after: { ruleId: conflict.ruleId, principalArn: conflict.principalArn, severity: conflict.severity, reason: input.reason, expiresAt: expiresAt.toISOString(), conflictId: input.conflictId } }, now);
    return { exceptionId: created.id, expiresAt: expiresAt.toISOString() };
  });
}
