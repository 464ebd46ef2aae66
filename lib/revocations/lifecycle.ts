import type { RevocationStatus } from '../../db/schema/revocations';

/**
 * Who may move a revocation where. The worker acts on 'executing' rows whose `result.pending`
 * says what to do (execute or roll back); the API only ever sets statuses.
 */
export const TRANSITIONS = {
  approve: ['requested'],
  reject: ['requested', 'approved'],
  execute: ['approved', 'failed'],
  rollback: ['executed', 'verified', 'failed'],
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
