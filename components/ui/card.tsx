import clsx from 'clsx';
import type { ReactNode } from 'react';

/** A titled section; the heading level is chosen by the page so headings stay in order. */
export function Card({ title, headingLevel = 2, description, actions, children, className, id }: { title?: string; headingLevel?: 2 | 3; description?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} id={id} className={clsx('rounded-lg border border-slate-200 bg-white p-5', className)}>
      {title ? (
        <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
          <div>
            <Heading id={headingId} className="text-base font-semibold text-slate-900">
              {title}
            </Heading>
            {description ? <p className="mt-0.5 text-sm text-slate-700">{description}</p> : null}
          </div>
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function StatCard({ label, value, detail, tone = 'neutral', href }: { label: string; value: ReactNode; detail?: ReactNode; tone?: 'neutral' | 'danger' | 'warning'; href?: string }) {
  const body = (
    <>
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className={clsx('mt-1 text-3xl font-bold tabular-nums', tone === 'danger' ? 'text-red-800' : tone === 'warning' ? 'text-amber-800' : 'text-slate-900')}>{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-700">{detail}</dd> : null}
    </>
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      {href ? (
        <a href={href} className="block rounded focus-visible:outline-2">
          <dl>{body}</dl>
        </a>
      ) : (
        <dl>{body}</dl>
      )}
    </div>
  );
}
