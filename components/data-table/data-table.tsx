'use client';

import Link from 'next/link';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import clsx from 'clsx';
import { hrefWith } from '@/components/ui/pagination';

export interface ServerSort {
  key: string;
  direction: 'asc' | 'desc';
}

/** Column meta: which server sort key a header toggles, and alignment. */
export interface DataTableColumnMeta {
  sortKey?: string;
  align?: 'left' | 'right';
  headerClassName?: string;
}

/**
 * A TanStack table whose sorting and paging happen on the server: the header of a sortable
 * column is a link that changes `sort`/`direction` in the URL, and the page re-renders.
 */
export function DataTable<Row>({
  columns,
  data,
  caption,
  basePath,
  params,
  sort,
  getRowId,
  testId,
  wrapperClassName,
}: {
  columns: ColumnDef<Row, unknown>[];
  data: Row[];
  caption: string;
  basePath: string;
  params: Record<string, string | number | undefined>;
  sort?: ServerSort;
  getRowId: (row: Row) => string;
  testId?: string;
  /**
   * Extra classes for the scrolling wrapper. `relative` makes it the containing block of the
   * screen-reader-only spans in the cells, so they scroll with the table instead of widening the page.
   */
  wrapperClassName?: string;
}) {
  // TanStack Table returns fresh functions each render; the React Compiler skipping this component is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true, getRowId });
  return (
    <div tabIndex={0} className={clsx('overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600', wrapperClassName)}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          {table.getHeaderGroups().map((headerGroup) => (
            <tr key={headerGroup.id}>
              {headerGroup.headers.map((header) => {
                const meta = (header.column.columnDef.meta ?? {}) as DataTableColumnMeta;
                const isSorted = sort && meta.sortKey === sort.key;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const nextDirection = isSorted && sort?.direction === 'desc' ? 'asc' : isSorted ? 'desc' : undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={isSorted ? (sort?.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                    className={clsx('whitespace-nowrap px-3 py-2 font-semibold', meta.align === 'right' && 'text-right', meta.headerClassName)}
                  >
                    {meta.sortKey ? (
                      <Link
                        href={hrefWith(basePath, params, { sort: meta.sortKey, direction: nextDirection, page: undefined })}
                        className="inline-flex items-center gap-1 rounded text-slate-800 underline-offset-2 hover:underline"
                      >
                        {label}
                        <span aria-hidden="true" className="text-xs text-slate-600">
                          {isSorted ? (sort?.direction === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                        {isSorted ? <span className="sr-only">, sorted {sort?.direction === 'asc' ? 'ascending' : 'descending'}</span> : null}
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
              {row.getVisibleCells().map((cell) => {
                const meta = (cell.column.columnDef.meta ?? {}) as DataTableColumnMeta;
                return (
                  <td key={cell.id} className={clsx('px-3 py-2 align-top', meta.align === 'right' && 'text-right tabular-nums')}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
