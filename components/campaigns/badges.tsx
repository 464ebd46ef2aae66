import clsx from 'clsx';

const STATUS_STYLE: Record<string, string> = {
  pending: 'bg-amber-100 text-amber-900',
  attested: 'bg-emerald-100 text-emerald-900',
  revoked: 'bg-red-100 text-red-900',
  'not-certified': 'bg-slate-200 text-slate-900',
  active: 'bg-brand-100 text-brand-900',
  closed: 'bg-slate-200 text-slate-900',
};

const STATUS_LABEL: Record<string, string> = {
  pending: 'Pending',
  attested: 'Attested',
  revoked: 'Revoked',
  'not-certified': 'Not certified',
  active: 'Active',
  closed: 'Closed',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={clsx('inline-block rounded px-2 py-0.5 text-xs font-semibold', STATUS_STYLE[status] ?? 'bg-slate-100 text-slate-800')}>{STATUS_LABEL[status] ?? status}</span>;
}

export function TierBadge({ tier }: { tier: string }) {
  const isHeavy = tier === 'govern' || tier === 'customize';
  return <span className={clsx('inline-block rounded px-1.5 py-0.5 text-xs font-medium', isHeavy ? 'bg-red-50 text-red-800 ring-1 ring-red-200' : 'bg-slate-100 text-slate-800')}>{tier}</span>;
}

export function PartialSnapshotBanner() {
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <strong>Partial snapshot.</strong> This campaign was launched on a scan that failed for some accounts: entitlements in those accounts are missing from it.
    </div>
  );
}
