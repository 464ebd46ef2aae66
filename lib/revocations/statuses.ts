/** A revocation request's states (the schema's enum takes this list; lifecycle.ts holds the transitions). */
export const REVOCATION_STATUSES = [
  'requested',
  'approved',
  'executing',
  'executed',
  'verified',
  'failed',
  'rolled-back',
  'rejected',
  // Offline accounts: the AWS CLI script exists, the next import of the account verifies it.
  'awaiting-confirmation',
  // Offline accounts: an import after the script still shows the access (the script did not run, or failed).
  'not-applied',
] as const;
export type RevocationStatus = (typeof REVOCATION_STATUSES)[number];

/** Statuses of a revocation still under way: a second request for the same entitlement is refused. */
export const OPEN_STATUSES = ['requested', 'approved', 'executing', 'awaiting-confirmation', 'not-applied'] as const satisfies readonly RevocationStatus[];
