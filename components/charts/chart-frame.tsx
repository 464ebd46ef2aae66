import type { ReactNode } from 'react';

/**
 * Every chart is drawn inside a figure with a text alternative: screen readers get the table
 * of values (sr-only) instead of the SVG, which is hidden from them.
 */
export function ChartFrame({ label, height = 240, children, table }: { label: string; height?: number; children: ReactNode; table: { columns: string[]; rows: Array<Array<string | number>> } }) {
  return (
    <figure className="m-0">
      <div aria-hidden="true" inert style={{ width: '100%', height }}>
        {children}
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
