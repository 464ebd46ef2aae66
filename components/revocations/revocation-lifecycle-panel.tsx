import clsx from 'clsx';
import type { RevocationDetail } from '@/db/queries/revocations/list';
import { LIFECYCLE_STEPS, OFFLINE_LIFECYCLE_STEPS } from '@/lib/revocations/lifecycle';
import { TitledCard } from '@/components/campaigns/titled-card';

const END_STATES = ['not-applied', 'failed', 'rolled-back', 'rejected'] as const;

function isStepDone(step: string, detail: RevocationDetail): boolean {
  switch (step) {
    case 'requested':
      return true;
    case 'approved':
      return detail.approvedAt !== null;
    case 'executing':
      return detail.attempts > 0;
    case 'executed':
    case 'awaiting-confirmation':
      return detail.executedAt !== null;
    case 'verified':
      return detail.verifiedAt !== null;
    default:
      return false;
  }
}

/** The approver's comment kept in the `revocation.approved` audit entry. */
function approvalComment(detail: string | null): string | null {
  if (!detail) return null;
  const parsed: unknown = JSON.parse(detail);
  return typeof parsed === 'object' && parsed !== null && 'comment' in parsed && typeof parsed.comment === 'string' ? parsed.comment : null;
}

const formatInstant = (iso: string) => iso.slice(0, 19).replace('T', ' ');

/** The steps a revocation went through (and the end state it stopped in), then who did what and when. */
export function RevocationLifecyclePanel({ detail }: { detail: RevocationDetail }) {
  const reached = new Set(detail.timeline.map((entry) => entry.action.replace('revocation.', '')));
  const steps: readonly string[] = detail.mode === 'offline' ? OFFLINE_LIFECYCLE_STEPS : LIFECYCLE_STEPS;
  return (
    <TitledCard headingId="timeline-heading" title="Lifecycle">
      <ol className="mt-3 flex flex-wrap gap-2 text-sm">
        {steps.map((step) => (
          <li key={step} className={clsx('rounded px-2 py-1', isStepDone(step, detail) ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-700')}>
            {step}
          </li>
        ))}
        {END_STATES.filter((step) => detail.status === step || reached.has(step)).map((step) => (
          <li key={step} className="rounded bg-red-100 px-2 py-1 text-red-900">
            {step}
          </li>
        ))}
      </ol>
      <ul className="mt-4 space-y-1 text-sm">
        <li>
          <span className="text-slate-600">{formatInstant(detail.requestedAt)}</span> requested by {detail.requestedBy}: “{detail.justification}”
        </li>
        {/* The request is the line above (with its justification); its audit entry would say it twice. */}
        {detail.timeline.filter((entry) => !(entry.action === 'revocation.requested' && entry.actor === detail.requestedBy)).map((entry, index) => {
          const comment = approvalComment(entry.detail);
          return (
            <li key={index}>
              <span className="text-slate-600">{formatInstant(entry.at)}</span> {entry.action.replace('revocation.', '')} by {entry.actor}
              {comment ? `: “${comment}”` : ''}
            </li>
          );
        })}
      </ul>
    </TitledCard>
  );
}
