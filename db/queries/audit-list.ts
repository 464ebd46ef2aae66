import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../client';
import { auditLog } from '../schema';
import { toLikePattern, toPaging } from './viewer';
import { parseSearchParams } from '../../lib/http/search-params';
import type { ChainedFields } from '../../lib/audit/chain';

export const auditListQuerySchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined).transform((value) => value || undefined),
  objectType: z.string().regex(/^[a-z_-]{1,40}$/).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined),
  /** `hideSignIns=1`: leave out sign-ins, refused sign-ins and sign-outs (`auth.*`). */
  hideSignIns: z.enum(['1']).optional().catch(undefined).transform((value) => value === '1'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(50).catch(50),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export function parseAuditListQuery(searchParams: Record<string, string | string[] | undefined>): AuditListQuery {
  return parseSearchParams(auditListQuerySchema, searchParams);
}

/** An audit entry as the log lists it: the chained fields but the link to the previous entry. */
export interface AuditListRow extends Omit<ChainedFields, 'prevHash'> {
  id: number;
}

/** The WHERE of the filters, shared by the page and the export. */
export function auditListWhere(query: Omit<AuditListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const conditions: Array<SQL | undefined> = [];
  if (query.actor) conditions.push(eq(auditLog.actor, query.actor));
  if (query.objectType) conditions.push(eq(auditLog.objectType, query.objectType));
  if (query.action) conditions.push(sql`${auditLog.action} LIKE ${toLikePattern(query.action)} ESCAPE '\\'`);
  if (query.hideSignIns) conditions.push(sql`${auditLog.action} NOT LIKE 'auth.%'`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** A page of the audit log, newest first. The hash chain stays on the server. */
export function listAuditEntries(database: AppDatabase, query: AuditListQuery): { rows: AuditListRow[]; total: number } {
  const where = auditListWhere(query);
  const { limit, offset } = toPaging(query.page, query.pageSize);
  const rows = database
    .select({ id: auditLog.id, at: auditLog.at, actor: auditLog.actor, action: auditLog.action, objectType: auditLog.objectType, objectId: auditLog.objectId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total = database.select({ total: count() }).from(auditLog).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** Distinct object types, for the filter. */
export function listAuditObjectTypes(database: AppDatabase): string[] {
  return database.selectDistinct({ objectType: auditLog.objectType }).from(auditLog).orderBy(auditLog.objectType).limit(100).all().map((row) => row.objectType);
}

