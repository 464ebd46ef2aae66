import type { AuditListRow } from '@/db/queries/audit-list';
import { EmptyState } from '@/components/ui/empty-state';

/** `2026-12-07 09:14:05 UTC`: audit times to the second. */
export function formatAuditTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const OBJECT_LINKS: Record<string, (id: string) => string> = {
  campaign: (id) => `/campaigns/${id}`,
  revocation: (id) => `/revocations/${id}`,
};

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

function ObjectCell({ entry, name }: { entry: AuditListRow; name: string | undefined }) {
  const link = OBJECT_LINKS[entry.objectType]?.(entry.objectId);
  const label = name ?? `${entry.objectType} #${entry.objectId}`;
  return (
    <div className="min-w-0">
      {link && /^\d+$/.test(entry.objectId) ? (
        <a href={link} className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
          {label}
        </a>
      ) : (
        <span className="break-words font-medium text-slate-900">{label}</span>
      )}
      {name ? (
        <div className="text-xs text-slate-700">
          {entry.objectType} <span className="font-mono">#{entry.objectId}</span>
        </div>
      ) : null}
    </div>
  );
}

/** The audit entries of one page, with object names next to their ids and times to the second. */
export function AuditLogPanel({ rows, names, isFiltered }: { rows: AuditListRow[]; names: ReadonlyMap<string, string>; isFiltered: boolean }) {
  if (rows.length === 0) return <EmptyState title={isFiltered ? 'No entry matches these filters' : 'The audit log is empty'} />;
  return (
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
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                <time dateTime={entry.at}>{formatAuditTime(entry.at)}</time>
              </td>
              <td className="break-words px-3 py-2">{entry.actor}</td>
              <td className="px-3 py-2">
                <code className="font-mono text-xs">{entry.action}</code>
              </td>
              <td className="px-3 py-2">
                <ObjectCell entry={entry} name={names.get(`${entry.objectType}:${entry.objectId}`)} />
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
  );
}
