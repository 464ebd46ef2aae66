'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { TopPrincipalRow } from '@/db/queries/overview';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { DataTable } from '@/components/data-table/data-table';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';

const columns: ColumnDef<TopPrincipalRow, unknown>[] = [
  {
    id: 'principal',
    header: 'Principal',
    cell: ({ row }) => (
      <>
        <Link href={`/principals/${row.original.id}`} className="font-medium text-brand-700 underline underline-offset-2 [overflow-wrap:anywhere]">
          {row.original.name}
        </Link>{' '}
        <span className="text-xs text-slate-700">{row.original.type}</span>
      </>
    ),
  },
  { id: 'account', header: 'Account', cell: ({ row }) => row.original.accountName ?? row.original.accountId },
  { id: 'tiers', header: 'Tiers', cell: ({ row }) => <TierChips tiers={maskToTiers(row.original.tiersMask)} /> },
  { id: 'conflicts', header: 'Conflicts', meta: { align: 'right' }, cell: ({ row }) => row.original.conflictCount },
  { id: 'score', header: 'Score', meta: { align: 'right' }, cell: ({ row }) => <ScoreBadge score={row.original.score} /> },
];

/** The ten principals with the highest blast-radius score. */
export function TopPrincipalsTable({ rows }: { rows: TopPrincipalRow[] }) {
  return <DataTable columns={columns} data={rows} caption="The ten principals with the highest blast-radius score" basePath="/overview" params={{}} getRowId={(row) => String(row.id)} testId="top-principals" />;
}
