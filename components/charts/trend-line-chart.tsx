'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';

/** Lines across snapshots (trends on the overview, score history on a principal). */
export function TrendLineChart({ data, series, label, height = 240, yDomain }: { data: Array<Record<string, string | number>>; series: Array<{ key: string; label: string; colour: string }>; label: string; height?: number; yDomain?: [number, number] }) {
  return (
    <ChartFrame label={label} height={height} table={{ columns: ['Snapshot', ...series.map((entry) => entry.label)], rows: data.map((datum) => [String(datum.label), ...series.map((entry) => Number(datum[entry.key] ?? 0))]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 11 }} />
          <YAxis allowDecimals={false} domain={yDomain} tick={{ fill: '#334155', fontSize: 12 }} width={40} />
          <Tooltip />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12, color: '#334155' }} /> : null}
          {series.map((entry) => (
            <Line key={entry.key} type="monotone" dataKey={entry.key} name={entry.label} stroke={entry.colour} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
