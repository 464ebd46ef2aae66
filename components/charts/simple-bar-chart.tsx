'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';

export interface BarDatum {
  label: string;
  value: number;
  colour?: string;
}

const LONG_LABEL = 18;
const shorten = (text: string) => (text.length > LONG_LABEL ? `${text.slice(0, LONG_LABEL - 1)}…` : text);

/**
 * One series of bars (holders by tier, by account, score histogram). Every bar keeps its label:
 * a vertical chart grows a row per bar and shortens long names (the full name is in the table
 * alternative and the tooltip); a horizontal chart with many bars slants its labels so they do
 * not overlap at phone width.
 */
export function SimpleBarChart({ data, label, valueLabel, colour = '#1f5fbf', height = 240, layout = 'horizontal' }: { data: BarDatum[]; label: string; valueLabel: string; colour?: string; height?: number; layout?: 'horizontal' | 'vertical' }) {
  const isVertical = layout === 'vertical';
  const isCrowded = !isVertical && data.length > 6;
  const chartHeight = isVertical ? Math.max(height, data.length * 26 + 40) : height;
  return (
    <ChartFrame label={label} height={chartHeight} table={{ columns: ['Category', valueLabel], rows: data.map((datum) => [datum.label, datum.value]) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={layout} margin={{ top: 8, right: 16, bottom: 8, left: isVertical ? 8 : 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          {isVertical ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fill: '#334155', fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={130} interval={0} tickFormatter={shorten} tick={{ fill: '#334155', fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 12 }} interval={0} {...(isCrowded ? { angle: -35, textAnchor: 'end', height: 48 } : {})} />
              <YAxis allowDecimals={false} tick={{ fill: '#334155', fontSize: 12 }} width={40} />
            </>
          )}
          <Tooltip cursor={{ fill: '#f1f5f9' }} />
          <Bar dataKey="value" name={valueLabel} fill={colour} radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {data.map((datum) => (
              <Cell key={datum.label} fill={datum.colour ?? colour} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
