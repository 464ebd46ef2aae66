import type { ReactNode } from 'react';

export function EmptyState({ title, children, headingLevel = 2 }: { title: string; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="empty-state">
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {children ? <div className="mx-auto mt-2 max-w-xl text-sm text-slate-700">{children}</div> : null}
    </div>
  );
}

/** What every snapshot page shows before the first published scan: never an empty table. */
export function NoScanYet() {
  return (
    <EmptyState title="No scan yet">
      <p>
        No scan yet — run <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">npm run cli -- scan --from demo/org</code> or ask an admin to scan.
      </p>
    </EmptyState>
  );
}
