'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { PrincipalHistoryPoint } from '@/db/queries/principals';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { DataTable } from '@/components/data-table/data-table';
import { formatDate } from '@/components/ui/format';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';

function historyColumns(principalId: number): ColumnDef<PrincipalHistoryPoint, unknown>[] {
  return [
    {
      id: 'snapshot',
      header: 'Snapshot',
      cell: ({ row: { original: point } }) => (
        <>
          {point.principalId === principalId ? (
            <span>#{point.scanId} (this one)</span>
          ) : (
            <Link href={`/principals/${point.principalId}`} className="text-brand-700 underline">
              #{point.scanId}
            </Link>
          )}{' '}
          <span className="text-slate-700">{formatDate(point.finishedAt)}</span>
        </>
      ),
    },
    { id: 'score', header: 'Score', cell: ({ row }) => <ScoreBadge score={row.original.score} /> },
    { id: 'tiers', header: 'Tiers', cell: ({ row }) => <TierChips tiers={maskToTiers(row.original.tiersMask)} /> },
    { id: 'actions', header: 'Actions', meta: { align: 'right' }, cell: ({ row }) => row.original.actionCount },
  ];
}

/** A row per snapshot of the same ARN: score, tiers and action count; the other snapshots link to their page. */
export function PrincipalHistoryTable({ history, principalId }: { history: PrincipalHistoryPoint[]; principalId: number }) {
  return <DataTable columns={historyColumns(principalId)} data={history} caption="Score, tiers and action count per snapshot" basePath="" params={{}} getRowId={(point) => String(point.scanId)} isCompact />;
}
