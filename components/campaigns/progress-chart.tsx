'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ProgressChartRow {
  key: string;
  attested: number;
  revoked: number;
  notCertified: number;
  pending: number;
}

/** Stacked bars of decisions per reviewer or account. The table beside it carries the same numbers for screen readers. */
export function ProgressChart({ rows, title }: { rows: ProgressChartRow[]; title: string }) {
  const height = Math.max(160, rows.length * 34 + 60);
  return (
    <figure aria-label={title} className="w-full">
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ left: 16, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="key" width={170} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="attested" name="Attested" stackId="a" fill="#047857" />
            <Bar dataKey="revoked" name="Revoked" stackId="a" fill="#b91c1c" />
            <Bar dataKey="notCertified" name="Not certified" stackId="a" fill="#475569" />
            <Bar dataKey="pending" name="Pending" stackId="a" fill="#f59e0b" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
