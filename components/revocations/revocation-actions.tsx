'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { sendJson } from '@/components/campaigns/send-json';
import { dangerButtonClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/components/campaigns/form-styles';

interface Props {
  id: number;
  status: string;
  mode: 'live' | 'offline';
  hasBeforeState: boolean;
}

/** Admin buttons; the server checks the role and the transition again. Polls while the worker runs. */
export function RevocationActions({ id, status, mode, hasBeforeState }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [comment, setComment] = useState('');

  useEffect(() => {
    if (status !== 'executing') return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [status, router]);

  async function run(path: string, body?: unknown) {
    setIsBusy(true);
    setError(null);
    const response = await sendJson(`/api/revocations/${id}/${path}`, 'POST', body);
    setIsBusy(false);
    if (!response.ok) setError(response.error);
    else router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === 'requested' ? (
          <form
            aria-label="Approve the plan"
            className="flex w-full flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void run('approve', { comment });
            }}
          >
            <label className={`${labelClass} min-w-64 flex-1`}>
              Approval comment
              <textarea required maxLength={2000} rows={2} className={inputClass} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="Why this plan is right (checked with the owner, no collateral, ...)" />
            </label>
            <button type="submit" className={primaryButtonClass} disabled={isBusy || comment.trim() === ''}>
              Approve plan
            </button>
          </form>
        ) : null}
        {status === 'approved' || status === 'failed' || status === 'not-applied' ? (
          <button type="button" className={primaryButtonClass} disabled={isBusy} onClick={() => run('execute')}>
            {mode === 'offline' ? (status === 'not-applied' ? 'Generate the AWS CLI script again' : 'Generate AWS CLI script') : status === 'failed' ? 'Retry execution' : 'Execute'}
          </button>
        ) : null}
        {(status === 'executed' || status === 'verified' || status === 'failed' || status === 'awaiting-confirmation' || status === 'not-applied') && hasBeforeState ? (
          <button type="button" className={dangerButtonClass} disabled={isBusy} onClick={() => run('rollback')}>
            Roll back
          </button>
        ) : null}
        {status === 'requested' || status === 'approved' ? (
          <button type="button" className={secondaryButtonClass} disabled={isBusy} onClick={() => run('reject', { reason: 'Rejected by an admin.' })}>
            Reject
          </button>
        ) : null}
      </div>
      {status === 'executing' ? <p className="text-sm text-slate-700" role="status">The worker is running this revocation; this page refreshes by itself.</p> : null}
      {status === 'awaiting-confirmation' ? <p className="text-sm text-slate-700" role="status">Nothing has changed in AWS yet: run the script, then import the account again to verify it.</p> : null}
      {error ? (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
