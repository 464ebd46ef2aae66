import Link from 'next/link';
import type { PrincipalRevocation } from '@/db/queries/revocations/for-principal';
import { describeGrantRevocation } from '@/lib/revocations/grant-revocation-state';
import { Badge } from '@/components/ui/badge';

export interface SnapshotFacts {
  scanId: number;
  finishedAt: string | null;
  isLatest: boolean;
}

/**
 * The latest revocation of a grant, linked, with what its state means for the grant in this
 * snapshot (never "executed" while the snapshot still holds the grant); older ones are counted.
 */
export function GrantRevocationState({ revocations, isHeldInSnapshot, snapshot }: { revocations: PrincipalRevocation[]; isHeldInSnapshot: boolean; snapshot: SnapshotFacts }) {
  const [latest] = revocations;
  if (!latest) return null;
  const state = describeGrantRevocation({ status: latest.status, executedAt: latest.executedAt, isHeldInSnapshot, snapshotFinishedAt: snapshot.finishedAt, isLatestSnapshot: snapshot.isLatest, snapshotId: snapshot.scanId });
  // The test id wraps the link and the state (as before #19); the sentence follows it.
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs">
      <span className="inline-flex items-center gap-1" data-testid={`revocation-${latest.id}`}>
        <Link href={`/revocations/${latest.id}`} className="text-brand-700 underline underline-offset-2">
          Revocation #{latest.id}
        </Link>
        <Badge tone={state.tone} title={state.note ?? undefined}>
          {state.label}
        </Badge>
      </span>
      {state.note ? <span className="text-slate-700">{state.note}</span> : null}
      {revocations.length > 1 ? <span className="text-slate-700">({revocations.length - 1} earlier)</span> : null}
    </span>
  );
}
