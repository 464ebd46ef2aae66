import clsx from 'clsx';

/** A column of a small hand-written table: its heading, and whether it holds figures (aligned right). */
export interface ColumnHeading {
  label: string;
  isNumeric?: boolean;
}

/**
 * The `col` header cells of a small hand-written table (the paged lists use DataTable), for the
 * caller's `<tr>`: every cell gets the table's padding, every one but the last the gap on its
 * right, and a column of figures aligns right like its cells.
 */
export function ColumnHeadings({ columns, cellClassName, gapClassName }: { columns: ColumnHeading[]; cellClassName: string; gapClassName?: string }) {
  return columns.map((column, index) => (
    <th key={column.label} scope="col" className={clsx(cellClassName, index < columns.length - 1 && gapClassName, column.isNumeric && 'text-right')}>
      {column.label}
    </th>
  ));
}
