import { getDatabase } from '@/db/client';
import { listAuditEntries, listAuditObjectTypes, parseAuditListQuery } from '@/db/queries/audit-list';
import { requirePageUser } from '@/server/auth/session';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';

export const metadata = { title: 'Audit log' };

function JsonDetails({ label, value }: { label: string; value: string | null }) {
  if (value === null) return null;
  let pretty = value;
  try {
    pretty = JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    // Not JSON: show as written.
  }
  return (
    <details className="text-xs">
      <summary className="cursor-pointer font-medium text-brand-700">{label}</summary>
      <pre className="mt-1 max-h-64 max-w-xl overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono">{pretty}</pre>
    </details>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', 'auditor');
  const query = parseAuditListQuery(await searchParams);
  const database = getDatabase();
  const { rows, total } = listAuditEntries(database, query);
  const objectTypes = listAuditObjectTypes(database);
  const params = { actor: query.actor, objectType: query.objectType, action: query.action };
  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader title="Audit log" description="Every change, newest first. Entries are hash-chained and cannot be edited (verify with npm run cli -- audit verify)." />
      <FilterBar action="/audit" resetHref="/audit" label="Filter the audit log">
        <TextField name="actor" label="Who (exact email)" value={query.actor} placeholder="admin@example.com" />
        <TextField name="action" label="Action contains" value={query.action} placeholder="scan." />
        <SelectField name="objectType" label="Object type" value={query.objectType} allLabel="Any object" options={objectTypes.map((type) => ({ value: type, label: type }))} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={query.actor || query.action || query.objectType ? 'No entry matches these filters' : 'The audit log is empty'} />
      ) : (
        <>
          <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <caption className="sr-only">Audit log entries, newest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">When</th>
                  <th scope="col" className="px-3 py-2">Who</th>
                  <th scope="col" className="px-3 py-2">What</th>
                  <th scope="col" className="px-3 py-2">Object</th>
                  <th scope="col" className="px-3 py-2">Change</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id} className="border-b border-slate-100 align-top last:border-0">
                    <td className="whitespace-nowrap px-3 py-2">{formatDateTime(entry.at)}</td>
                    <td className="px-3 py-2">{entry.actor}</td>
                    <td className="px-3 py-2">
                      <code className="font-mono text-xs">{entry.action}</code>
                    </td>
                    <td className="px-3 py-2">
                      {entry.objectType} <span className="font-mono text-xs">#{entry.objectId}</span>
                    </td>
                    <td className="px-3 py-2">
                      <JsonDetails label="Before" value={entry.before} />
                      <JsonDetails label="After" value={entry.after} />
                      {entry.before === null && entry.after === null ? <span className="text-xs text-slate-700">—</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination basePath="/audit" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Audit log pages" />
        </>
      )}
    </div>
  );
}
