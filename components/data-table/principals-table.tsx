'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';
import { formatDate } from '@/components/ui/format';
import { ConflictCountCell } from './conflict-count-cell';
import { DataTable, columnMeta, type ServerSort } from './data-table';
import type { PrincipalListRow } from '@/db/queries/principals';
import type { WithDecodedTiers } from '@/lib/analysis/tier-mask';

/** What the server sends per row: already-decoded tiers, no JSON blobs. */
export type PrincipalTableRow = WithDecodedTiers<PrincipalListRow>;

const columns: ColumnDef<PrincipalTableRow, unknown>[] = [
  {
    id: 'principal',
    header: 'Principal',
    meta: columnMeta({ sortKey: 'name' }),
    cell: ({ row }) => (
      <div className="min-w-40 max-w-md sm:min-w-56">
        <div className="flex items-center gap-2">
          <Link href={`/principals/${row.original.id}`} className="font-medium text-brand-700 underline underline-offset-2">
            {row.original.permissionSetName ?? row.original.name}
          </Link>
          <Badge tone={row.original.type === 'user' ? 'warning' : 'info'}>{row.original.type}</Badge>
          {row.original.permissionSetName ? <Badge>SSO</Badge> : null}
        </div>
        <div className="mt-0.5 break-all font-mono text-xs text-slate-700">{row.original.arn}</div>
      </div>
    ),
  },
  {
    id: 'account',
    header: 'Account',
    meta: columnMeta({ sortKey: 'account', hideBelow: 'md' }),
    cell: ({ row }) => (
      <div>
        <div>{row.original.accountName ?? row.original.accountId}</div>
        <div className="font-mono text-xs text-slate-700">{row.original.accountId}</div>
      </div>
    ),
  },
  { id: 'owner', header: 'Owner', meta: columnMeta({ hideBelow: 'lg' }), cell: ({ row }) => (row.original.ownerEmail ? <span className="whitespace-nowrap">{row.original.ownerEmail}</span> : <span className="text-slate-700">unowned</span>) },
  { id: 'tiers', header: 'Tiers', cell: ({ row }) => <TierChips tiers={row.original.tiers} /> },
  { id: 'score', header: 'Score', meta: columnMeta({ sortKey: 'score', align: 'right' }), cell: ({ row }) => <ScoreBadge score={row.original.score} /> },
  { id: 'conflicts', header: 'Conflicts', meta: columnMeta({ sortKey: 'conflicts', align: 'right', hideBelow: 'sm' }), cell: ({ row }) => <ConflictCountCell count={row.original.conflictCount} maxSeverity={row.original.maxConflictSeverity} /> },
  { id: 'lastUsed', header: 'Last used', meta: columnMeta({ sortKey: 'lastUsed', hideBelow: 'lg' }), cell: ({ row }) => <span className="whitespace-nowrap">{row.original.lastUsedAt ? formatDate(row.original.lastUsedAt) : 'never / unknown'}</span> },
];

export function PrincipalsTable({ rows, params, sort }: { rows: PrincipalTableRow[]; params: Record<string, string | number | undefined>; sort: ServerSort }) {
  return <DataTable columns={columns} data={rows} caption="Principals with Bedrock access, sortable by column" basePath="/principals" params={params} sort={sort} getRowId={(row) => String(row.id)} testId="principals-table" />;
}
