import type { RevocationStatus } from './statuses';

export type GrantRevocationTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface GrantRevocationFacts {
  status: RevocationStatus;
  /** When the IAM calls ran (null until they have). */
  executedAt: string | null;
  /** Whether the snapshot on screen still holds the grant the revocation targets. */
  isHeldInSnapshot: boolean;
  /** When that snapshot finished (null: not recorded), and whether it is the latest published one. */
  snapshotFinishedAt: string | null;
  isLatestSnapshot: boolean;
  snapshotId: number;
}

export interface GrantRevocationState {
  /** Short words for a chip: "requested", "executed, still present". */
  label: string;
  tone: GrantRevocationTone;
  /** One sentence saying what the state means for this grant, or null when the label says it all. */
  note: string | null;
}

/**
 * What a grant's latest revocation means for the grant as the snapshot shows it. The revocation's
 * status alone can lie about the grant: "executed" while the snapshot still holds the grant is
 * either not yet re-scanned (snapshot older than the execution) or not effective (snapshot taken
 * after it). A grant never reads "executed" while the snapshot on screen still holds it.
 */
export function describeGrantRevocation(facts: GrantRevocationFacts): GrantRevocationState {
  const snapshot = facts.isLatestSnapshot ? 'the latest snapshot' : `snapshot #${facts.snapshotId}`;
  switch (facts.status) {
    case 'requested':
      return { label: 'requested', tone: 'info', note: 'Awaiting an admin’s approval.' };
    case 'approved':
      return { label: 'approved', tone: 'info', note: 'Approved, not executed yet.' };
    case 'executing':
      return { label: 'executing', tone: 'info', note: 'The IAM calls are running.' };
    case 'awaiting-confirmation':
      return { label: 'awaiting confirmation', tone: 'warning', note: 'The AWS CLI script was handed over; the next import of the account verifies it.' };
    case 'executed':
      if (!facts.isHeldInSnapshot) return { label: 'executed', tone: 'success', note: `Not in ${snapshot}; the next scan verifies it.` };
      if (facts.executedAt !== null && facts.snapshotFinishedAt !== null && facts.snapshotFinishedAt > facts.executedAt) {
        return { label: 'executed, not effective', tone: 'danger', note: `${capitalize(snapshot)}, taken after the execution, still holds this grant: check the revocation.` };
      }
      return { label: 'executed, still present', tone: 'warning', note: `Executed, still present in ${snapshot}: re-scan to verify.` };
    case 'verified':
      if (facts.isHeldInSnapshot && !facts.isLatestSnapshot) return { label: 'verified later', tone: 'success', note: `Removed and verified after ${snapshot} was taken.` };
      if (facts.isHeldInSnapshot) return { label: 'verified, granted again', tone: 'danger', note: `The revocation was verified, but ${snapshot} holds the grant again.` };
      return { label: 'verified', tone: 'success', note: null };
    case 'failed':
      return { label: 'failed', tone: 'danger', note: 'The IAM calls failed; the grant was not removed.' };
    case 'rolled-back':
      return { label: 'rolled back', tone: 'neutral', note: 'The grant was restored.' };
    case 'rejected':
      return { label: 'rejected', tone: 'neutral', note: null };
    case 'not-applied':
      return { label: 'not applied', tone: 'danger', note: 'An import after the script still shows the grant.' };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
