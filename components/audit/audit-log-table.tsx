'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { AuditListRow } from '@/db/queries/audit-list';
import { DataTable } from '@/components/data-table/data-table';

/** An audit entry with the name of its object where one is known (a campaign's, a revocation's). */
export type AuditLogEntry = AuditListRow & { objectName?: string };

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

function ObjectCell({ entry }: { entry: AuditLogEntry }) {
  const link = OBJECT_LINKS[entry.objectType]?.(entry.objectId);
  const label = entry.objectName ?? `${entry.objectType} #${entry.objectId}`;
  return (
    <div className="min-w-0">
      {link && /^\d+$/.test(entry.objectId) ? (
        <a href={link} className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
          {label}
        </a>
      ) : (
        <span className="break-words font-medium text-slate-900">{label}</span>
      )}
      {entry.objectName ? (
        <div className="text-xs text-slate-700">
          {entry.objectType} <span className="font-mono">#{entry.objectId}</span>
        </div>
      ) : null}
    </div>
  );
}

const columns: ColumnDef<AuditLogEntry, unknown>[] = [
  {
    id: 'when',
    header: 'When',
    meta: { cellClassName: 'whitespace-nowrap font-mono text-xs' },
    cell: ({ row }) => <time dateTime={row.original.at}>{formatAuditTime(row.original.at)}</time>,
  },
  { id: 'who', header: 'Who', meta: { cellClassName: 'break-words' }, cell: ({ row }) => row.original.actor },
  { id: 'what', header: 'What', cell: ({ row }) => <code className="font-mono text-xs">{row.original.action}</code> },
  { id: 'object', header: 'Object', cell: ({ row }) => <ObjectCell entry={row.original} /> },
  {
    id: 'change',
    header: 'Change',
    cell: ({ row }) => (
      <>
        <JsonDetails label="Before" value={row.original.before} />
        <JsonDetails label="After" value={row.original.after} />
        {row.original.before === null && row.original.after === null ? <span className="text-xs text-slate-700">—</span> : null}
      </>
    ),
  },
];

/** The audit entries of one page, newest first, with object names next to their ids and times to the second. */
export function AuditLogTable({ entries }: { entries: AuditLogEntry[] }) {
  return <DataTable columns={columns} data={entries} caption="Audit log entries, newest first" basePath="/audit" params={{}} getRowId={(entry) => String(entry.id)} testId="audit-table" />;
}
