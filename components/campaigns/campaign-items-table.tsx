'use client';

import Link from 'next/link';
import clsx from 'clsx';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, type DataTableColumnMeta, type ServerSort } from '@/components/data-table/data-table';
import { StatusBadge } from './badges';
import type { InboxItemView } from './inbox-items';
import { TierSummary } from './tier-summary';

const RECOMMENDATION = { revoke: 'Revoke', review: 'Look closer', attest: 'Keep' } as const;

const columns: ColumnDef<InboxItemView, unknown>[] = [
  {
    id: 'principal',
    header: 'Principal',
    meta: { sortKey: 'principal' } satisfies DataTableColumnMeta,
    cell: ({ row }) => (
      <span className="block min-w-32">
        {row.original.principalId ? (
          <Link href={`/principals/${row.original.principalId}`} className="font-medium break-words text-brand-700 underline underline-offset-2" title={row.original.principalArn}>
            {row.original.principalName}
          </Link>
        ) : (
          <span className="font-medium break-words" title={row.original.principalArn}>
            {row.original.principalName}
          </span>
        )}
        <span className="block text-xs text-slate-700">{row.original.principalType}</span>
      </span>
    ),
  },
  {
    id: 'account',
    header: 'Account',
    cell: ({ row }) => (
      <span title={row.original.accountId}>
        {row.original.accountName ?? row.original.accountId}
        {row.original.accountName ? <span className="block font-mono text-xs text-slate-700">{row.original.accountId}</span> : null}
      </span>
    ),
  },
  {
    id: 'entitlement',
    header: 'Entitlement',
    cell: ({ row }) => (
      <span className="block min-w-40 space-y-1">
        <span className="block break-words">{row.original.policyLabel}</span>
        <TierSummary tiers={row.original.tiers} />
      </span>
    ),
  },
  { id: 'score', header: 'Score', meta: { sortKey: 'risk', align: 'right' } satisfies DataTableColumnMeta, cell: ({ row }) => row.original.score },
  {
    id: 'recommendation',
    header: 'Recommendation',
    cell: ({ row }) => (
      <span title={row.original.recommendation.reason} className={clsx('text-xs font-semibold', row.original.recommendation.decision === 'revoke' ? 'text-red-800' : row.original.recommendation.decision === 'review' ? 'text-amber-900' : 'text-emerald-800')}>
        {RECOMMENDATION[row.original.recommendation.decision]}
        {row.original.conflicts.length > 0 ? <span className="block font-normal text-red-800">{row.original.conflicts.length} SoD on this grant</span> : null}
      </span>
    ),
  },
  {
    id: 'reviewer',
    header: 'Reviewer',
    cell: ({ row }) => (
      <span className="block break-all">
        {row.original.reviewerEmail}
        <span className="block text-xs text-slate-700">{row.original.reviewerReason}</span>
      </span>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className="flex flex-col items-start gap-0.5">
        <StatusBadge status={row.original.status} />
        {row.original.revocation ? (
          <Link href={`/revocations/${row.original.revocation.id}`} data-testid={`item-revocation-${row.original.revocation.id}`} className="whitespace-nowrap text-xs text-brand-700 underline underline-offset-2">
            {row.original.revocation.label}
          </Link>
        ) : null}
      </span>
    ),
  },
  {
    id: 'decision',
    header: 'Decision',
    meta: { headerClassName: 'min-w-64' } satisfies DataTableColumnMeta,
    cell: ({ row }) => {
      const decision = row.original.lastDecision;
      if (!decision) return <span className="text-slate-600">—</span>;
      return (
        <span className="block min-w-64 break-words">
          {decision.kind} by {decision.decidedBy}
          <span className="block text-xs text-slate-700">
            {decision.decidedAt.slice(0, 16).replace('T', ' ')}: {decision.justification}
          </span>
        </span>
      );
    },
  },
];

/** A campaign's items for its admins and auditors: names, risk, reviewer, decision and the revocation it led to. */
export function CampaignItemsTable({ items, basePath, params, sort, page }: { items: InboxItemView[]; basePath: string; params: Record<string, string | undefined>; sort: ServerSort; page: number }) {
  return <DataTable columns={columns} data={items} caption={`Campaign items, page ${page}, riskiest first`} basePath={basePath} params={params} sort={sort} getRowId={(item) => String(item.id)} testId="campaign-items" />;
}
