'use client';

import Link from 'next/link';
import { Fragment, type HTMLAttributes, type ReactNode } from 'react';
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
  /** Classes of the column's body cells (e.g. hide a secondary column at phone width). */
  cellClassName?: string;
  /** Hide a secondary column below this breakpoint, so the table fits a phone (the cell's content stays reachable on the row's own page). */
  hideBelow?: 'sm' | 'md' | 'lg';
  /** With `stacksOnPhone`: the label written before the cell's value when rows stack (e.g. "Score"). */
  phoneLabel?: string;
}

/** A column's meta, checked as `DataTableColumnMeta` where the column is declared (TanStack types `meta` loosely). */
export const columnMeta = (value: DataTableColumnMeta) => value;

/** A block of consecutive rows under one heading row (rows arrive already ordered by the group). */
export interface DataTableGroup {
  key: string;
  label: ReactNode;
}

const HIDE_BELOW: Record<NonNullable<DataTableColumnMeta['hideBelow']>, string> = { sm: 'hidden sm:table-cell', md: 'hidden md:table-cell', lg: 'hidden lg:table-cell' };

function hiddenClass(meta: DataTableColumnMeta): string | undefined {
  return meta.hideBelow ? HIDE_BELOW[meta.hideBelow] : undefined;
}

// Stacked rows at phone width: the cells wrap in a block, each labelled by its column's phoneLabel.
const STACKED_ROW = 'max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-1 max-md:px-2 max-md:py-2';
const STACKED_CELL = 'max-md:block max-md:p-0 max-md:text-left';
const STACKED_LABEL = 'max-md:before:mr-1 max-md:before:text-xs max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]';

/** Attributes a page may set on a body row (focus handling, test ids), beside the table's own. */
export type DataTableRowProps = HTMLAttributes<HTMLTableRowElement> & { 'data-testid'?: string; ref?: (element: HTMLTableRowElement | null) => void };

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
  getRowProps,
  renderRowDetail,
  isCompact,
  groupBy,
  rowClassName,
  wrapperClassName,
  stacksOnPhone = false,
}: {
  columns: ColumnDef<Row, unknown>[];
  data: Row[];
  caption: string;
  basePath: string;
  params: Record<string, string | number | undefined>;
  sort?: ServerSort;
  getRowId: (row: Row) => string;
  testId?: string;
  /** Extra attributes of a body row (merged over the table's; `className` is appended). */
  getRowProps?: (row: Row, index: number) => DataTableRowProps;
  /** Content shown in place under a row across all columns (details, a form), or null. */
  renderRowDetail?: (row: Row) => ReactNode;
  /** Tighter cells for dense work lists. */
  isCompact?: boolean;
  /** Optional: splits the rows into groups, each under a heading row spanning the table. */
  groupBy?: (row: Row) => DataTableGroup;
  /** Optional extra classes per row (for example a highlighted state). */
  rowClassName?: (row: Row) => string | undefined;
  /**
   * Extra classes for the scrolling wrapper. `relative` makes it the containing block of the
   * screen-reader-only spans in the cells, so they scroll with the table instead of widening the page.
   */
  wrapperClassName?: string;
  /**
   * Below the md breakpoint each row becomes a wrapped block of its cells (labelled by
   * `phoneLabel`) instead of a row that scrolls sideways: for work lists people act on from a phone.
   */
  stacksOnPhone?: boolean;
}) {
  // TanStack Table returns fresh functions each render; the React Compiler skipping this component is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true, getRowId });
  return (
    <div tabIndex={0} className={clsx('relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600', wrapperClassName)}>
      <table className={clsx('w-full text-left text-sm', stacksOnPhone && 'max-md:block')} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={clsx('border-b border-slate-200 bg-slate-50 text-slate-700', stacksOnPhone && 'max-md:sr-only')}>
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
                    className={clsx('whitespace-nowrap font-semibold', isCompact ? 'px-1.5 py-2' : 'px-3 py-2', meta.align === 'right' && 'text-right', hiddenClass(meta), meta.headerClassName)}
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
        {groupRows(table.getRowModel().rows, groupBy).map((group) => (
          <tbody key={group.key} className={clsx(stacksOnPhone && 'max-md:block')}>
            {group.label !== undefined ? (
              <tr className="border-b border-slate-200 bg-slate-100/70" data-testid="data-table-group">
                <th scope="colgroup" colSpan={columns.length} className="px-3 py-1.5 text-left text-sm font-semibold text-slate-900">
                  {group.label}
                </th>
              </tr>
            ) : null}
            {group.rows.map((row) => {
              const { className: propsClassName, ...rowProps } = getRowProps?.(row.original, row.index) ?? {};
              const detail = renderRowDetail?.(row.original) ?? null;
              return (
                <Fragment key={row.id}>
                  <tr {...rowProps} className={clsx('border-b border-slate-100 last:border-0 hover:bg-slate-50', stacksOnPhone && STACKED_ROW, rowClassName?.(row.original), propsClassName)}>
                    {row.getVisibleCells().map((cell) => {
                      const meta = (cell.column.columnDef.meta ?? {}) as DataTableColumnMeta;
                      return (
                        <td
                          key={cell.id}
                          data-label={stacksOnPhone ? meta.phoneLabel : undefined}
                          className={clsx(isCompact ? 'px-1.5 py-1' : 'px-3 py-2', 'align-top', meta.align === 'right' && 'text-right tabular-nums', hiddenClass(meta), meta.cellClassName, stacksOnPhone && STACKED_CELL, stacksOnPhone && meta.phoneLabel && STACKED_LABEL)}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      );
                    })}
                  </tr>
                  {detail ? (
                    <tr className={clsx('border-b border-slate-200 bg-slate-50', stacksOnPhone && 'max-md:block')}>
                      <td colSpan={row.getVisibleCells().length} className={clsx('px-3 py-3', stacksOnPhone && 'max-md:block')}>
                        {detail}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Consecutive rows with the same group key, in order; one unlabelled group without `groupBy`. */
function groupRows<Item extends { original: Row }, Row>(rows: Item[], groupBy: ((row: Row) => DataTableGroup) | undefined): Array<{ key: string; label: ReactNode | undefined; rows: Item[] }> {
  if (!groupBy) return [{ key: 'all', label: undefined, rows }];
  const groups: Array<{ key: string; groupKey: string; label: ReactNode; rows: Item[] }> = [];
  for (const row of rows) {
    const group = groupBy(row.original);
    const last = groups.at(-1);
    // The React key stays unique even if a group key comes back after another group.
    if (last && last.groupKey === group.key) last.rows.push(row);
    else groups.push({ key: `${group.key}#${groups.length}`, groupKey: group.key, label: group.label, rows: [row] });
  }
  return groups;
}
