import type { IAMClient } from '@aws-sdk/client-iam';
import { checkCallsAgainstState } from '../../lib/revocations/iam-limits';
import { planRollback } from '../../lib/revocations/plan-rollback';
import type { CallOutcome, PrincipalState, RevocationPlan } from '../../lib/revocations/types';
import { runIamCalls } from './execute-revocation';
import { readPrincipalState } from './read-principal-state';

/**
 * Restores the recorded before-state of what the plan's calls touched: re-attach, re-put the
 * inline document, re-add to the group, delete the deny we added. Compares with a live read
 * first, so a second rollback changes nothing; calls that would break an IAM quota on the live
 * state (iam-limits.ts) are not made and the rollback fails with the numbers.
 */
export async function rollbackRevocation(iam: IAMClient, input: { plan: RevocationPlan; beforeState: PrincipalState; now?: () => Date }): Promise<{ outcomes: CallOutcome[]; isComplete: boolean }> {
  const current = await readPrincipalState(iam, input.beforeState, input.now);
  const calls = planRollback(input.beforeState, current, input.plan.calls);
  // What IAM would refuse is not attempted: the rollback fails with the quota and its number.
  const violations = checkCallsAgainstState(current, calls);
  if (violations.length > 0) {
    const error = violations.map((violation) => violation.message).join(' ');
    return { outcomes: calls.map((call) => ({ call, status: 'not-run', error })), isComplete: false };
  }
  return runIamCalls(iam, calls, input.now);
}
