'use client';

import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import type { ConflictListRow } from '@/db/queries/conflicts';
import type { ConflictGrouping } from '@/lib/conflicts/search-params';
import { DataTable, columnMeta, type DataTableGroup } from '@/components/data-table/data-table';
import { Badge, SeverityBadge } from '@/components/ui/badge';
import { formatDate } from '@/components/ui/format';
import { AcceptExceptionForm } from './accept-exception-form';
import { ApproveExceptionButton } from './approve-exception-button';
import { ConflictSide } from './conflict-side';

/** Who is looking, for the exception column: only admins act, and never on their own request. */
export interface ConflictViewer {
  isAdmin: boolean;
  email: string;
  requireFourEyes: boolean;
  defaultExpiry: string;
  maxExpiry: string;
}

function ExceptionCell({ row, viewer }: { row: ConflictListRow; viewer: ConflictViewer }) {
  if (row.exception) {
    return (
      <div className="min-w-40 text-xs">
        <Badge tone="success">accepted until {formatDate(row.exception.expiresAt)}</Badge>
        <p className="mt-1 text-slate-800">{row.exception.reason}</p>
        <p className="text-slate-700">by {row.exception.createdBy}</p>
      </div>
    );
  }
  if (row.pendingException) {
    const isRequester = row.pendingException.requestedBy.toLowerCase() === viewer.email.toLowerCase();
    return (
      <div className="min-w-40 text-xs">
        <Badge tone="warning">awaiting second admin</Badge>
        <p className="mt-1 text-slate-800">{row.pendingException.reason}</p>
        <p className="text-slate-700">
          asked by {row.pendingException.requestedBy}, until {formatDate(row.pendingException.expiresAt)}
        </p>
        {viewer.isAdmin && !isRequester ? <ApproveExceptionButton requestId={row.pendingException.requestId} principalName={row.principalName} ruleId={row.ruleId} /> : null}
        {viewer.isAdmin && isRequester ? <p className="text-slate-700">Another admin must approve it.</p> : null}
      </div>
    );
  }
  if (!viewer.isAdmin) return <span className="text-xs text-slate-700">open</span>;
  return <AcceptExceptionForm conflictId={row.id} principalName={row.principalName} ruleId={row.ruleId} defaultExpiry={viewer.defaultExpiry} maxExpiry={viewer.maxExpiry} needsSecondAdmin={viewer.requireFourEyes && row.severity === 'critical'} />;
}

function PrincipalCell({ row }: { row: ConflictListRow }) {
  return (
    <div className="min-w-40">
      <Link href={`/principals/${row.principalId}`} className="break-all font-medium text-brand-700 underline underline-offset-2">
        {row.principalName}
      </Link>{' '}
      <Badge tone={row.principalType === 'user' ? 'warning' : 'info'}>{row.principalType}</Badge>
      <p className="text-xs text-slate-700" data-testid="conflict-owner">
        {row.accountName ?? row.accountId} · {row.ownerEmail ?? 'unowned'}
      </p>
    </div>
  );
}

function columnsFor(grouping: ConflictGrouping, viewer: ConflictViewer): ColumnDef<ConflictListRow, unknown>[] {
  const severity: ColumnDef<ConflictListRow, unknown> = { id: 'severity', header: 'Severity', cell: ({ row }) => <SeverityBadge severity={row.original.severity} /> };
  const rule: ColumnDef<ConflictListRow, unknown> = {
    id: 'rule',
    header: 'Rule',
    cell: ({ row }) => (
      <div className="min-w-40">
        <code className="font-mono text-xs">{row.original.ruleId}</code>
        <p className="text-xs text-slate-700">{row.original.title}</p>
      </div>
    ),
  };
  const principal: ColumnDef<ConflictListRow, unknown> = { id: 'principal', header: 'Principal', cell: ({ row }) => <PrincipalCell row={row.original} /> };
  return [
    severity,
    grouping === 'principal' ? rule : principal,
    { id: 'sideA', header: 'Side A: defining actions', meta: columnMeta({ phoneLabel: 'Side A', cellClassName: 'max-md:basis-full' }), cell: ({ row }) => <ConflictSide grants={row.original.sideA} /> },
    { id: 'sideB', header: 'Side B: defining actions', meta: columnMeta({ phoneLabel: 'Side B', cellClassName: 'max-md:basis-full' }), cell: ({ row }) => <ConflictSide grants={row.original.sideB} /> },
    { id: 'exception', header: 'Exception', meta: columnMeta({ cellClassName: 'w-64' }), cell: ({ row }) => <ExceptionCell row={row.original} viewer={viewer} /> },
  ];
}

function groupFor(grouping: ConflictGrouping): (row: ConflictListRow) => DataTableGroup {
  if (grouping === 'rule') {
    return (row) => ({
      key: row.ruleId,
      label: (
        <span className="flex flex-wrap items-center gap-2">
          <code className="font-mono">{row.ruleId}</code>
          <span className="font-normal text-slate-800">{row.title}</span>
        </span>
      ),
    });
  }
  return (row) => ({
    key: String(row.principalId),
    label: (
      <span className="flex flex-wrap items-center gap-2">
        <Link href={`/principals/${row.principalId}`} className="break-all text-brand-700 underline underline-offset-2">
          {row.principalName}
        </Link>
        <Badge tone={row.principalType === 'user' ? 'warning' : 'info'}>{row.principalType}</Badge>
        <span className="text-xs font-normal text-slate-700" data-testid="conflict-owner">
          {row.accountName ?? row.accountId} · {row.ownerEmail ?? 'unowned'}
        </span>
      </span>
    ),
  });
}

/** SoD conflicts, one line each, grouped by principal or by rule (the `group` URL parameter). */
export function ConflictsTable({ rows, grouping, viewer, basePath, params }: { rows: ConflictListRow[]; grouping: ConflictGrouping; viewer: ConflictViewer; basePath: string; params: Record<string, string | undefined> }) {
  return (
    <DataTable
      columns={columnsFor(grouping, viewer)}
      data={rows}
      caption={grouping === 'principal' ? 'SoD conflicts grouped by principal, riskiest principal first' : 'SoD conflicts grouped by rule, most severe first'}
      basePath={basePath}
      params={params}
      getRowId={(row) => String(row.id)}
      testId="conflicts-table"
      groupBy={groupFor(grouping)}
      stacksOnPhone
    />
  );
}
