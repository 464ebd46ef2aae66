'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '@/components/charts/chart-frame';

/** Calls and denied attempts per day, stacked: the usage-over-time chart of a principal. */
export function UsageOverTimeChart({ daily, label, height = 200 }: { daily: Array<{ day: string; calls: number; deniedCalls: number }>; label: string; height?: number }) {
  const data = daily.map((entry) => ({ label: entry.day.slice(5), calls: entry.calls, denied: entry.deniedCalls }));
  return (
    <ChartFrame label={label} height={height} table={{ columns: ['Day', 'Calls', 'Denied attempts'], rows: daily.map((entry) => [entry.day, entry.calls, entry.deniedCalls]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 11 }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fill: '#334155', fontSize: 12 }} width={36} />
          <Tooltip cursor={{ fill: '#f1f5f9' }} />
          <Legend wrapperStyle={{ fontSize: 12, color: '#334155' }} />
          <Bar dataKey="calls" name="Calls" stackId="usage" fill="#1f5fbf" isAnimationActive={false} />
          <Bar dataKey="denied" name="Denied attempts" stackId="usage" fill="#b91c1c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
