import type { StatusCounts } from '@/db/queries/campaigns/progress';
import type { RevocationProgress } from '@/lib/campaigns/revocation-progress';
import { cardClass } from './form-styles';

function Figure({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-slate-900">{value}</dd>
      {note ? <dd className="text-xs text-slate-700">{note}</dd> : null}
    </div>
  );
}

/**
 * Decisions and what became of the revoke decisions: a revoke is a request until the revocation
 * runs (applied) and a snapshot confirms the access gone (verified).
 */
export function CampaignCompletionPanel({ counts, completion, revocations }: { counts: StatusCounts; completion: number; revocations: RevocationProgress }) {
  const stopped = revocations.stopped + revocations.rejected;
  return (
    <section aria-labelledby="summary-heading" className={cardClass}>
      <h2 id="summary-heading" className="text-lg font-semibold">
        Completion
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-center sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Complete" value={`${completion}%`} />
        <Figure label="Items" value={counts.total} />
        <Figure label="Attested" value={counts.attested} />
        <Figure label="Revoked" value={counts.revoked} />
        <Figure label="Not certified" value={counts.notCertified} />
        <Figure label="Pending" value={counts.pending} />
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">Revocations from revoke decisions</h3>
      <dl className="mt-2 grid grid-cols-2 gap-3 text-center sm:grid-cols-4" data-testid="revocation-progress">
        <Figure label="Requested" value={revocations.requested} note="awaiting approval or run" />
        <Figure label="Applied" value={revocations.applied} note="run, not yet confirmed" />
        <Figure label="Verified" value={revocations.verified} note="a snapshot confirms it gone" />
        <Figure label="Stopped" value={stopped} note="failed, rolled back or withdrawn" />
      </dl>
    </section>
  );
}
