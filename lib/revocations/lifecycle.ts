import type { RevocationStatus } from './statuses';

/**
 * Who may move a revocation where. The worker acts on 'executing' rows whose `result.pending`
 * says what to do (execute or roll back); the API only ever sets statuses.
 */
export const TRANSITIONS = {
  approve: ['requested'],
  reject: ['requested', 'approved'],
  // 'not-applied': the offline script is produced again (for example after the plan changed).
  execute: ['approved', 'failed', 'not-applied'],
  rollback: ['executed', 'verified', 'failed', 'awaiting-confirmation', 'not-applied'],
} as const satisfies Record<string, readonly RevocationStatus[]>;

export type RevocationCommand = keyof typeof TRANSITIONS;

export function canTransition(command: RevocationCommand, status: RevocationStatus): boolean {
  return (TRANSITIONS[command] as readonly RevocationStatus[]).includes(status);
}

/** Four-eyes: with `requireFourEyes`, the requester may not approve their own request. */
export function isApprovalAllowed(input: { requireFourEyes: boolean; requestedBy: string; approver: string }): boolean {
  return !input.requireFourEyes || input.requestedBy.toLowerCase() !== input.approver.toLowerCase();
}

/** The timeline steps in order, for the detail page. */
export const LIFECYCLE_STEPS = ['requested', 'approved', 'executing', 'executed', 'verified'] as const;
/** Offline accounts: the script is handed over, then the next import confirms it. */
export const OFFLINE_LIFECYCLE_STEPS = ['requested', 'approved', 'awaiting-confirmation', 'verified'] as const;

/** What a campaign item says about the revocation its revoke decision created. */
export function campaignRevocationLabel(status: RevocationStatus): string {
  switch (status) {
    case 'requested':
    case 'approved':
    case 'executing':
      return 'revocation requested';
    case 'executed':
      return 'revocation applied';
    case 'awaiting-confirmation':
      return 'revocation awaiting confirmation';
    case 'verified':
      return 'revocation verified';
    case 'not-applied':
      return 'revocation not applied';
    case 'failed':
      return 'revocation failed';
    case 'rolled-back':
      return 'revocation rolled back';
    case 'rejected':
      return 'revocation rejected';
  }
}
