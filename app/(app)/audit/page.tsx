import { getDatabase } from '@/db/client';
import { listAuditEntries, listAuditObjectTypes, parseAuditListQuery } from '@/db/queries/audit-list';
import { resolveAuditObjectNames } from '@/db/queries/audit-object-names';
import { requirePageUser } from '@/server/auth/session';
import { AuditLogPanel } from '@/components/audit/audit-log-panel';
import { FilterBar, SelectField, TextField, fieldLabelClass } from '@/components/data-table/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';

export const metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', 'auditor');
  const query = parseAuditListQuery(await searchParams);
  const database = getDatabase();
  const { rows, total } = listAuditEntries(database, query);
  const names = resolveAuditObjectNames(database, rows);
  const objectTypes = listAuditObjectTypes(database);
  const params = { actor: query.actor, objectType: query.objectType, action: query.action, hideSignIns: query.hideSignIns ? '1' : undefined };
  const exportParams = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const exportHref = (format: 'csv' | 'json') => `/api/audit/export?${new URLSearchParams([...exportParams, ['format', format]]).toString()}`;
  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader
        title="Audit log"
        description="Every change, newest first. Entries are hash-chained and cannot be edited (verify with npm run cli -- audit verify)."
        actions={
          <div className="flex gap-2">
            <a href={exportHref('csv')} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50">
              Export CSV
            </a>
            <a href={exportHref('json')} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50">
              Export JSON
            </a>
          </div>
        }
      />
      <FilterBar action="/audit" resetHref="/audit" label="Filter the audit log">
        <TextField name="actor" label="Who (exact email)" value={query.actor} placeholder="admin@example.com" />
        <TextField name="action" label="Action contains" value={query.action} placeholder="scan." />
        <SelectField name="objectType" label="Object type" value={query.objectType} allLabel="Any object" options={objectTypes.map((type) => ({ value: type, label: type }))} />
        <label className={`${fieldLabelClass} flex items-center gap-2 self-end pb-2`}>
          <input type="checkbox" name="hideSignIns" value="1" defaultChecked={query.hideSignIns} className="h-4 w-4" />
          Hide sign-ins
        </label>
      </FilterBar>
      <p className="text-sm text-slate-700" aria-live="polite">
        {total} {total === 1 ? 'entry' : 'entries'}
        {query.hideSignIns ? ', sign-ins hidden' : ''}. Exports hold every entry these filters select, oldest first.
      </p>
      <AuditLogPanel rows={rows} names={names} isFiltered={Boolean(query.actor || query.action || query.objectType || query.hideSignIns)} />
      {rows.length > 0 ? <Pagination basePath="/audit" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Audit log pages" /> : null}
    </div>
  );
}
