import type { RevocationStatus } from '../revocations/statuses';

/** What happened to the revocations a campaign's revoke decisions created. */
export interface RevocationProgress {
  /** Asked for, not yet run: requested, approved, executing. */
  requested: number;
  /** Run (live) or handed over as a script (offline), not yet confirmed by a later snapshot. */
  applied: number;
  /** Confirmed gone by re-reading IAM or by the next import. */
  verified: number;
  /** Ended without removing the access: failed, not applied, rolled back. */
  stopped: number;
  /** Withdrawn (the decision changed) or rejected by an admin. */
  rejected: number;
}

const BUCKET: Record<RevocationStatus, keyof RevocationProgress> = {
  requested: 'requested',
  approved: 'requested',
  executing: 'requested',
  executed: 'applied',
  'awaiting-confirmation': 'applied',
  verified: 'verified',
  failed: 'stopped',
  'not-applied': 'stopped',
  'rolled-back': 'stopped',
  rejected: 'rejected',
};

/**
 * Splits "revoked" into what was requested, applied and verified: a revoke decision is only a
 * request until the revocation runs, and only verified once a snapshot no longer holds the access.
 */
export function summarizeRevocationProgress(countsByStatus: ReadonlyArray<{ status: RevocationStatus; count: number }>): RevocationProgress {
  const progress: RevocationProgress = { requested: 0, applied: 0, verified: 0, stopped: 0, rejected: 0 };
  for (const entry of countsByStatus) progress[BUCKET[entry.status]] += entry.count;
  return progress;
}
