import type { IAMClient } from '@aws-sdk/client-iam';
import { sliceToSnapshot } from '../../lib/revocations/apply-calls';
import { sliceFromState } from '../../lib/revocations/principal-state';
import type { EvaluateAccess, PrincipalSlice, RevocationPlan, VerificationOutcome } from '../../lib/revocations/types';
import { decideVerification } from '../../lib/revocations/verify-revocation';
import { readPrincipalState } from './read-principal-state';

/**
 * Re-reads the principal live (GetUser/GetRole, List*Policies, ListAttached*Policies,
 * ListGroupsForUser, documents) and re-evaluates it with the engine: verified when the
 * entitlement's Bedrock actions are gone, otherwise the reason.
 */
export async function verifyRevocation(iam: IAMClient, input: { plan: RevocationPlan; snapshotSlice: PrincipalSlice; evaluate: EvaluateAccess; now?: () => Date }): Promise<VerificationOutcome> {
  const now = input.now ?? (() => new Date());
  const { plan } = input;
  const state = await readPrincipalState(iam, { principalType: plan.principalType, principalName: plan.principalName, principalArn: plan.principalArn, accountId: plan.accountId }, now);
  const slice = sliceFromState(input.snapshotSlice, state);
  const access = input.evaluate(sliceToSnapshot(slice), slice.principal);
  return decideVerification(plan, access, now().toISOString());
}
