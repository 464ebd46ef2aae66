import type { ReactNode } from 'react';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { ScoreBadge } from '@/components/principals/score-badge';

export type IdentityFact = { label: string; value: ReactNode; wide?: boolean };

// Literal class names, so Tailwind sees them: three facts fit one row, more wrap to four a row.
const FACT_COLUMNS = { 3: 'sm:grid-cols-3', 4: 'sm:grid-cols-2 lg:grid-cols-4' } as const;

/**
 * The header every identity page opens with (a principal, a person): a breadcrumb back to its list,
 * the identity's own title block beside its blast-radius score, and a grid of identifying facts.
 * `notice` stands between the breadcrumb and the header (an older snapshot's warning).
 */
export function IdentityHeader({
  list,
  name,
  headingId,
  score,
  facts,
  columns,
  notice,
  children,
}: {
  list: { href: string; label: string };
  name: string;
  headingId: string;
  score: number;
  facts: IdentityFact[];
  columns: keyof typeof FACT_COLUMNS;
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <Breadcrumb parent={list} current={name} currentClassName="break-all" />
      {notice}
      <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">{children}</div>
          <div className="text-right">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">Blast radius</p>
            <ScoreBadge score={score} size="lg" />
          </div>
        </div>
        <dl className={`mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm ${FACT_COLUMNS[columns]}`}>
          {facts.map(({ label, value, wide }) => (
            <div key={label} className={wide ? 'min-w-0 sm:col-span-2' : 'min-w-0'}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</dt>
              <dd className="mt-0.5 break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
