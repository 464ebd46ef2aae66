'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { CampaignListRow } from '@/db/queries/campaigns/progress';
import { CAMPAIGN_KIND_LABELS } from '@/lib/campaigns/campaign-states';
import { DataTable, columnMeta, type ServerSort } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { StatusBadge } from './badges';

const KIND_LABELS: Record<string, string> = CAMPAIGN_KIND_LABELS;

function completion(row: CampaignListRow): string {
  const { total, pending } = row.counts;
  return total === 0 ? '100%' : `${Math.round(((total - pending) / total) * 1000) / 10}%`;
}

const columns: ColumnDef<CampaignListRow, unknown>[] = [
  {
    id: 'name',
    header: 'Name',
    meta: columnMeta({ sortKey: 'name' }),
    cell: ({ row }) => (
      <div className="min-w-40 max-w-xs">
        <Link href={`/campaigns/${row.original.id}`} className="break-words font-medium text-brand-700 underline underline-offset-2">
          {row.original.name}
        </Link>
        {row.original.isPartialSnapshot ? (
          <Badge tone="warning" className="ml-2">
            partial snapshot
          </Badge>
        ) : null}
      </div>
    ),
  },
  { id: 'kind', header: 'Kind', cell: ({ row }) => KIND_LABELS[row.original.kind] ?? row.original.kind },
  { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
  { id: 'launched', header: 'Launched', meta: columnMeta({ sortKey: 'launched' }), cell: ({ row }) => <span className="whitespace-nowrap">{row.original.launchedAt.slice(0, 10)}</span> },
  { id: 'due', header: 'Due', meta: columnMeta({ sortKey: 'due' }), cell: ({ row }) => <span className="whitespace-nowrap">{row.original.dueAt.slice(0, 10)}</span> },
  { id: 'items', header: 'Items', meta: columnMeta({ align: 'right' }), cell: ({ row }) => row.original.counts.total.toLocaleString('en') },
  { id: 'complete', header: 'Complete', meta: columnMeta({ align: 'right' }), cell: ({ row }) => completion(row.original) },
  {
    id: 'outcome',
    header: () => (
      <span>
        Attested / revoked / <span className="whitespace-nowrap">not certified</span>
      </span>
    ),
    meta: columnMeta({ align: 'right' }),
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        {row.original.counts.attested} / {row.original.counts.revoked} / {row.original.counts.notCertified}
      </span>
    ),
  },
];

/** Launched campaigns, one page, sortable by name, launch and due date on the server. */
export function CampaignsTable({ rows, params, sort }: { rows: CampaignListRow[]; params: Record<string, string | undefined>; sort: ServerSort }) {
  return <DataTable columns={columns} data={rows} caption="Launched campaigns" basePath="/campaigns" params={params} sort={sort} getRowId={(row) => String(row.id)} testId="campaigns-table" wrapperClassName="relative" />;
}
