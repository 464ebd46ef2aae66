'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { ScanHistoryRow } from '@/db/queries/scans';
import { DataTable, type DataTableColumnMeta } from '@/components/data-table/data-table';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { formatDateTime, formatDuration } from '@/components/ui/format';

const right: DataTableColumnMeta = { align: 'right' };

const columns: ColumnDef<ScanHistoryRow, unknown>[] = [
  {
    id: 'scan',
    header: 'Scan',
    cell: ({ row }) => (
      <Link href={`/scans/${row.original.id}`} className="whitespace-nowrap font-medium text-brand-700 underline underline-offset-2">
        Scan #{row.original.id}
      </Link>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className="flex flex-wrap gap-1">
        <StatusBadge status={row.original.status} />
        {row.original.isPublished ? <Badge tone="info">published</Badge> : null}
      </span>
    ),
  },
  { id: 'source', header: 'Source', cell: ({ row }) => `${row.original.source} · ${row.original.trigger}` },
  {
    id: 'requested',
    header: 'Requested',
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        {formatDateTime(row.original.queuedAt)}
        <span className="block text-xs text-slate-700">{row.original.requestedBy ?? '—'}</span>
      </span>
    ),
  },
  { id: 'finished', header: 'Finished', cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.finishedAt)}</span> },
  { id: 'duration', header: 'Duration', meta: right, cell: ({ row }) => formatDuration(row.original.durationMs) },
  {
    id: 'accounts',
    header: 'Accounts (failed)',
    meta: right,
    cell: ({ row }) => (
      <>
        {row.original.accountCount}
        {row.original.failedAccountCount > 0 ? <span className="text-red-800"> ({row.original.failedAccountCount} failed)</span> : null}
      </>
    ),
  },
  {
    id: 'error',
    header: 'Error',
    cell: ({ row }) =>
      row.original.error ? (
        <span className="line-clamp-2 max-w-xs break-words text-xs text-red-900" title={row.original.error}>
          {row.original.error}
        </span>
      ) : null,
  },
];

/** The scan history, newest first. */
export function ScansTable({ rows }: { rows: ScanHistoryRow[] }) {
  return <DataTable columns={columns} data={rows} caption="Scan history" basePath="/scans" params={{}} getRowId={(row) => String(row.id)} testId="scans-table" />;
}
