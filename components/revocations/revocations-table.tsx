'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { RevocationListRow } from '@/db/queries/revocations/list';
import { DataTable } from '@/components/data-table/data-table';
import { RevocationStatusBadge } from './status-badge';

const columns: ColumnDef<RevocationListRow, unknown>[] = [
  {
    id: 'id',
    header: '#',
    cell: ({ row }) => (
      <Link href={`/revocations/${row.original.id}`} className="font-medium text-brand-700 underline">
        #{row.original.id}
      </Link>
    ),
  },
  {
    id: 'principal',
    header: 'Principal',
    cell: ({ row }) => (
      <span className="block max-w-xs truncate font-mono text-xs" title={row.original.principalArn}>
        {row.original.principalArn}
      </span>
    ),
  },
  { id: 'grant', header: 'Grant path', cell: ({ row }) => <span className="block max-w-xs text-xs [overflow-wrap:anywhere]">{row.original.entitlementKey.split('|').slice(1).join(' · ')}</span> },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <div className="min-w-32">
        <RevocationStatusBadge status={row.original.status} />
        {row.original.error ? (
          <p className="mt-1 line-clamp-3 max-w-xs text-xs text-red-800 [overflow-wrap:anywhere]" title={row.original.error}>
            {row.original.error}
          </p>
        ) : null}
      </div>
    ),
  },
  { id: 'mode', header: 'Mode', cell: ({ row }) => row.original.mode },
  { id: 'origin', header: 'Origin', cell: ({ row }) => row.original.origin },
  {
    id: 'requested',
    header: 'Requested',
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        {row.original.requestedAt.slice(0, 19).replace('T', ' ')}
        <span className="block text-xs text-slate-600">{row.original.requestedBy}</span>
      </span>
    ),
  },
];

/** Revocations, newest first, each linking to its detail. */
export function RevocationsTable({ rows }: { rows: RevocationListRow[] }) {
  return <DataTable columns={columns} data={rows} caption="Revocations, newest first" basePath="/revocations" params={{}} getRowId={(row) => String(row.id)} testId="revocations-table" />;
}
