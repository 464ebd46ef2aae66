import type { AuditListRow } from '@/db/queries/audit-list';
import { EmptyState } from '@/components/ui/empty-state';
import { AuditLogTable } from '@/components/audit/audit-log-table';

/** The audit entries of one page, with object names next to their ids and times to the second. */
export function AuditLogPanel({ rows, names, isFiltered }: { rows: AuditListRow[]; names: ReadonlyMap<string, string>; isFiltered: boolean }) {
  if (rows.length === 0) return <EmptyState title={isFiltered ? 'No entry matches these filters' : 'The audit log is empty'} />;
  return <AuditLogTable entries={rows.map((entry) => ({ ...entry, objectName: names.get(`${entry.objectType}:${entry.objectId}`) }))} />;
}
