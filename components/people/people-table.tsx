'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';
import { ConflictCountCell } from '@/components/data-table/conflict-count-cell';
import { DataTable, columnMeta, type ServerSort } from '@/components/data-table/data-table';
import type { PeopleListRow } from '@/db/queries/people/list-people';
import type { WithDecodedTiers } from '@/lib/analysis/tier-mask';

/** What the server sends per person: decoded tiers, no analysis JSON. */
export type PersonTableRow = WithDecodedTiers<Omit<PeopleListRow, 'id'>>;

const columns: ColumnDef<PersonTableRow, unknown>[] = [
  {
    id: 'person',
    header: 'Person',
    meta: columnMeta({ sortKey: 'name' }),
    cell: ({ row }) => (
      <div className="min-w-36 max-w-sm sm:min-w-48">
        <Link href={`/people/${encodeURIComponent(row.original.userId)}`} className="font-medium text-brand-700 underline underline-offset-2">
          {row.original.displayName ?? row.original.userName}
        </Link>
        <div className="mt-0.5 break-all text-xs text-slate-700">{row.original.userName}</div>
      </div>
    ),
  },
  {
    id: 'accounts',
    header: 'Accounts with Bedrock',
    meta: columnMeta({ sortKey: 'accounts', align: 'right', hideBelow: 'md' }),
    cell: ({ row }) => (
      <span className="whitespace-nowrap tabular-nums" title={`${row.original.assignmentCount} assignment(s) in ${row.original.accountCount} account(s)`}>
        {row.original.bedrockAccountCount} <span className="text-slate-700">of {row.original.accountCount}</span>
      </span>
    ),
  },
  { id: 'tiers', header: 'Tiers', cell: ({ row }) => <TierChips tiers={row.original.tiers} /> },
  { id: 'score', header: 'Score', meta: columnMeta({ sortKey: 'score', align: 'right' }), cell: ({ row }) => <ScoreBadge score={row.original.score} /> },
  { id: 'conflicts', header: 'Conflicts', meta: columnMeta({ sortKey: 'conflicts', align: 'right', hideBelow: 'sm' }), cell: ({ row }) => <ConflictCountCell count={row.original.conflictCount} maxSeverity={row.original.maxConflictSeverity} /> },
];

/** The people list: server-sorted and paged (sort state in the URL). */
export function PeopleTable({ rows, params, sort }: { rows: PersonTableRow[]; params: Record<string, string | number | undefined>; sort: ServerSort }) {
  return <DataTable columns={columns} data={rows} caption="People (IAM Identity Center users) and their Bedrock access, sortable by column" basePath="/people" params={params} sort={sort} getRowId={(row) => row.userId} testId="people-table" />;
}
