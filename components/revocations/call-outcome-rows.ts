import type { CallOutcome } from '@/lib/revocations/types';
import type { IdentityCenterCallOutcomeRecord } from '@/lib/revocations/identity-center/types';
import type { CallOutcomeRow } from './call-outcome-table';

/** IAM call outcomes as table rows: the call with the policy or group it touched. */
export function iamCallRows(outcomes: readonly CallOutcome[]): CallOutcomeRow[] {
  return outcomes.map((outcome) => ({
    call: `${outcome.call.action} ${outcome.call.policyArn ?? outcome.call.policyName ?? outcome.call.groupName ?? ''}`.trim(),
    status: outcome.status,
    detail: outcome.error ?? '',
    isFailure: outcome.status === 'failed',
  }));
}

/** Identity Center call outcomes as table rows, with AWS's request id when the call succeeded. */
export function identityCenterCallRows(outcomes: readonly IdentityCenterCallOutcomeRecord[]): CallOutcomeRow[] {
  return outcomes.map((outcome) => ({ call: `${outcome.call.service} ${outcome.call.action}`, status: outcome.status, detail: outcome.error ?? outcome.requestId ?? '', isFailure: outcome.status === 'failed' }));
}
