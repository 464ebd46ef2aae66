import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { CallOutcome, IamCall } from '../../lib/revocations/types';

function commandFor(call: IamCall) {
  const user = call.principalName;
  switch (call.action) {
    case 'DetachUserPolicy':
      return new DetachUserPolicyCommand({ UserName: user, PolicyArn: call.policyArn });
    case 'DetachRolePolicy':
      return new DetachRolePolicyCommand({ RoleName: user, PolicyArn: call.policyArn });
    case 'AttachUserPolicy':
      return new AttachUserPolicyCommand({ UserName: user, PolicyArn: call.policyArn });
    case 'AttachRolePolicy':
      return new AttachRolePolicyCommand({ RoleName: user, PolicyArn: call.policyArn });
    case 'DeleteUserPolicy':
      return new DeleteUserPolicyCommand({ UserName: user, PolicyName: call.policyName });
    case 'DeleteRolePolicy':
      return new DeleteRolePolicyCommand({ RoleName: user, PolicyName: call.policyName });
    case 'PutUserPolicy':
      return new PutUserPolicyCommand({ UserName: user, PolicyName: call.policyName, PolicyDocument: call.policyDocument });
    case 'PutRolePolicy':
      return new PutRolePolicyCommand({ RoleName: user, PolicyName: call.policyName, PolicyDocument: call.policyDocument });
    case 'RemoveUserFromGroup':
      return new RemoveUserFromGroupCommand({ UserName: user, GroupName: call.groupName });
    case 'AddUserToGroup':
      return new AddUserToGroupCommand({ UserName: user, GroupName: call.groupName });
  }
}

// Removing what is already gone is success: a retry after a partial run must not fail on it.
const REMOVALS = new Set<IamCall['action']>(['DetachUserPolicy', 'DetachRolePolicy', 'DeleteUserPolicy', 'DeleteRolePolicy', 'RemoveUserFromGroup']);

/**
 * Runs the calls in order and stops at the first failure; the calls after it are 'not-run'.
 * NoSuchEntity on a removal counts as 'already-done'; puts and attaches are idempotent in IAM.
 */
export async function runIamCalls(iam: IAMClient, calls: readonly IamCall[], now: () => Date = () => new Date()): Promise<{ outcomes: CallOutcome[]; isComplete: boolean }> {
  const outcomes: CallOutcome[] = [];
  let failed = false;
  for (const call of calls) {
    if (failed) {
      outcomes.push({ call, status: 'not-run' });
      continue;
    }
    try {
      // The union of command types has no common `send` overload; each is a valid IAM command.
      await iam.send(commandFor(call) as Parameters<IAMClient['send']>[0]);
      outcomes.push({ call, status: 'succeeded', at: now().toISOString() });
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      if (name === 'NoSuchEntityException' || name === 'NoSuchEntity') {
        if (REMOVALS.has(call.action)) {
          outcomes.push({ call, status: 'already-done', at: now().toISOString() });
          continue;
        }
      }
      failed = true;
      outcomes.push({ call, status: 'failed', at: now().toISOString(), error: `${name}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { outcomes, isComplete: !failed };
}
