import type { AccountFacts, SnapshotInput } from '../../lib/analysis/types';
import type { IdentityCenterDirectory } from '../../lib/people/types';

/** What a source hands to the pipeline: the snapshot, and everything that went wrong on the way. */
export interface CollectedSnapshot {
  snapshot: SnapshotInput;
  accountFacts: AccountFacts[];
  /** Accounts that could not be read (AssumeRole denied, throttled out, unmappable data). */
  failedAccounts: Array<{ accountId: string; error: string }>;
  /** File-level errors and warnings, each naming the file or account. */
  problems: string[];
  source: 'live' | 'offline';
  /** Identity Center (people, groups, permission sets, assignments); null when not read. */
  identityCenter: IdentityCenterDirectory | null;
  /** Identity Center was configured but could not be read: the scan is partial. */
  identityCenterError?: string | null;
}
