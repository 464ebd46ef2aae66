'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';

/** One call of a run (IAM or Identity Center), already put into words by the caller. */
export interface CallOutcomeRow {
  call: string;
  status: string;
  detail: string;
  isFailure: boolean;
}

const columns: ColumnDef<CallOutcomeRow, unknown>[] = [
  { id: 'call', header: 'Call', cell: ({ row }) => <span className="font-mono text-xs [overflow-wrap:anywhere]">{row.original.call}</span> },
  { id: 'status', header: 'Outcome', cell: ({ row }) => <span className={row.original.isFailure ? 'font-semibold text-red-800' : undefined}>{row.original.status}</span> },
  { id: 'detail', header: 'Detail', cell: ({ row }) => <span className={`text-xs [overflow-wrap:anywhere] ${row.original.isFailure ? 'text-red-800' : 'text-slate-700'}`}>{row.original.detail}</span> },
];

/** What each call of a run did: the one table for IAM and Identity Center calls alike. */
export function CallOutcomeTable({ rows, caption, testId }: { rows: CallOutcomeRow[]; caption: string; testId?: string }) {
  return (
    <div className="mt-2">
      <DataTable columns={columns} data={rows} caption={caption} basePath="" params={{}} getRowId={(row) => `${row.call}#${rows.indexOf(row)}`} testId={testId} />
    </div>
  );
}
