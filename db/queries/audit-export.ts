import { and, asc, gt } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { auditLog } from '../schema';
import { auditListWhere, type AuditListQuery, type AuditListRow } from './audit-list';
import { resolveAuditObjectNames } from './audit-object-names';

export interface AuditExportRow extends AuditListRow {
  /** The object's name today (campaign, principal of an item or revocation, user), or null. */
  objectName: string | null;
}

const BATCH = 1000;

/**
 * Every entry the filters of the audit page select, oldest first (the chain's order), with object
 * names, in batches so a long log streams without being held in memory.
 */
export function* iterateAuditEntriesForExport(database: AppDatabase, query: Omit<AuditListQuery, 'page' | 'pageSize'>): Generator<AuditExportRow[]> {
  const where = auditListWhere(query);
  let afterId = 0;
  for (;;) {
    const rows = database
      .select({ id: auditLog.id, at: auditLog.at, actor: auditLog.actor, action: auditLog.action, objectType: auditLog.objectType, objectId: auditLog.objectId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(gt(auditLog.id, afterId), where))
      .orderBy(asc(auditLog.id))
      .limit(BATCH)
      .all();
    if (rows.length === 0) return;
    const names = resolveAuditObjectNames(database, rows);
    yield rows.map((row) => ({ ...row, objectName: names.get(`${row.objectType}:${row.objectId}`) ?? null }));
    afterId = rows[rows.length - 1].id;
    if (rows.length < BATCH) return;
  }
}
