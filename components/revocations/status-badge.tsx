const TONES: Record<string, string> = {
  requested: 'bg-slate-100 text-slate-800',
  approved: 'bg-brand-100 text-brand-900',
  executing: 'bg-amber-100 text-amber-900',
  executed: 'bg-brand-50 text-brand-900',
  verified: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
  'rolled-back': 'bg-slate-200 text-slate-900',
  rejected: 'bg-slate-100 text-slate-700',
  'awaiting-confirmation': 'bg-amber-100 text-amber-900',
  'not-applied': 'bg-red-100 text-red-900',
};

const LABELS: Record<string, string> = {
  'awaiting-confirmation': 'awaiting confirmation',
  'not-applied': 'not applied',
};

export function RevocationStatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? TONES.requested}`}>{LABELS[status] ?? status}</span>;
}
