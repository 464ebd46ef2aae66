'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { AccountRow } from '@/db/queries/accounts';
import { DataTable } from '@/components/data-table/data-table';
import { Badge, StatusBadge, type BadgeTone } from '@/components/ui/badge';

const ENVIRONMENT_TONE: Record<string, BadgeTone> = { prod: 'danger', nonprod: 'info', sandbox: 'neutral', unknown: 'neutral' };

const columns: ColumnDef<AccountRow, unknown>[] = [
  {
    id: 'account',
    header: 'Account',
    cell: ({ row }) => (
      <>
        <span className="font-medium">{row.original.name}</span>
        <p className="font-mono text-xs text-slate-700">{row.original.id}</p>
      </>
    ),
  },
  { id: 'environment', header: 'Environment', cell: ({ row }) => <Badge tone={ENVIRONMENT_TONE[row.original.environment] ?? 'neutral'}>{row.original.environment}</Badge> },
  { id: 'ou', header: 'Organisational unit', cell: ({ row }) => <span className="text-xs [overflow-wrap:anywhere]">{row.original.ouPath || '—'}</span> },
  { id: 'owner', header: 'Owner', cell: ({ row }) => (row.original.ownerEmail ? <span className="[overflow-wrap:anywhere]">{row.original.ownerEmail}</span> : <span className="text-slate-700">none</span>) },
  {
    id: 'holders',
    header: 'Bedrock holders',
    meta: { align: 'right' },
    cell: ({ row }) =>
      row.original.bedrockHolderCount === null ? (
        <span className="text-slate-700">not in snapshot</span>
      ) : (
        <Link href={`/principals?account=${row.original.id}`} className="text-brand-700 underline underline-offset-2">
          {row.original.bedrockHolderCount}
        </Link>
      ),
  },
  {
    id: 'lastScan',
    header: 'Last scan',
    cell: ({ row }) =>
      row.original.lastScanStatus ? (
        <>
          <Link href={`/scans/${row.original.lastScanId}`} className="mr-1 text-brand-700 underline underline-offset-2">
            #{row.original.lastScanId}
          </Link>
          <StatusBadge status={row.original.lastScanStatus} />
          {row.original.lastScanError ? <p className="mt-1 max-w-sm break-words text-xs text-red-900">{row.original.lastScanError}</p> : null}
        </>
      ) : (
        <span className="text-slate-700">never scanned</span>
      ),
  },
];

/** AWS accounts with their Bedrock holders and last scan outcome. */
export function AccountsTable({ rows }: { rows: AccountRow[] }) {
  return <DataTable columns={columns} data={rows} caption="AWS accounts with their Bedrock holders and last scan outcome" basePath="/accounts" params={{}} getRowId={(row) => row.id} testId="accounts-table" />;
}
