'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';

/** Bars per category, stacked by series (open conflicts by rule, stacked by severity). */
export function StackedBarChart({ data, series, label, height = 260 }: { data: Array<Record<string, string | number>>; series: Array<{ key: string; label: string; colour: string }>; label: string; height?: number }) {
  return (
    <ChartFrame label={label} height={height} table={{ columns: ['Category', ...series.map((entry) => entry.label)], rows: data.map((datum) => [String(datum.label), ...series.map((entry) => Number(datum[entry.key] ?? 0))]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 11 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fill: '#334155', fontSize: 12 }} width={40} />
          <Tooltip cursor={{ fill: '#f1f5f9' }} />
          <Legend wrapperStyle={{ fontSize: 12, color: '#334155' }} />
          {series.map((entry) => (
            <Bar key={entry.key} dataKey={entry.key} name={entry.label} stackId="stack" fill={entry.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
