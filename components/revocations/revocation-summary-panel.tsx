import Link from 'next/link';
import type { RevocationDetail } from '@/db/queries/revocations/list';
import { RevocationStatusBadge } from './status-badge';

/** The revocation's heading: id and state, the principal, how it runs, and the last error in full. */
export function RevocationSummaryPanel({ detail }: { detail: RevocationDetail }) {
  return (
    <div>
      <Link href="/revocations" className="text-sm text-brand-700 underline">
        ← Revocations
      </Link>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">
        Revocation #{detail.id} <RevocationStatusBadge status={detail.status} />
      </h1>
      <p className="mt-1 font-mono text-sm text-slate-800 [overflow-wrap:anywhere]">{detail.principalArn}</p>
      <p className="text-sm text-slate-700">
        {detail.mode === 'offline' ? 'Offline account: execution produces AWS CLI commands.' : 'Live account: executed through the remediation role.'} Origin: {detail.origin}
        {detail.campaignItemId ? ` (campaign item ${detail.campaignItemId})` : ''}. Attempts: {detail.attempts}.
      </p>
      {detail.error ? (
        <p className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900 [overflow-wrap:anywhere]" role="alert" data-testid="revocation-error">
          {detail.error}
        </p>
      ) : null}
    </div>
  );
}
