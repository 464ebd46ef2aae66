import type { IamCall, PrincipalState } from './types';

function normalise(document: string | undefined): string | null {
  if (document === undefined) return null;
  try {
    return JSON.stringify(JSON.parse(document));
  } catch {
    return document;
  }
}

function inlineDocument(state: PrincipalState, name: string | undefined): string | undefined {
  return state.inlinePolicies.find((policy) => policy.name === name)?.document;
}

/**
 * The calls that put back what the revocation's calls changed, exactly as the before-state had
 * it, comparing with the current (live) state so that only what differs is changed: running a
 * rollback twice changes nothing the second time. Calls are undone in reverse order.
 */
export function planRollback(before: PrincipalState, current: PrincipalState, executed: readonly IamCall[]): IamCall[] {
  const base = { principalType: before.principalType, principalName: before.principalName } as const;
  const isUser = before.principalType === 'user';
  const calls: IamCall[] = [];
  for (const call of [...executed].reverse()) {
    switch (call.action) {
      case 'DetachUserPolicy':
      case 'DetachRolePolicy': {
        const arn = call.policyArn ?? '';
        if (before.attachedManagedPolicyArns.includes(arn) && !current.attachedManagedPolicyArns.includes(arn)) calls.push({ ...base, action: isUser ? 'AttachUserPolicy' : 'AttachRolePolicy', policyArn: arn });
        break;
      }
      case 'RemoveUserFromGroup': {
        const group = call.groupName ?? '';
        if (before.groupNames.includes(group) && !current.groupNames.includes(group)) calls.push({ ...base, action: 'AddUserToGroup', groupName: group });
        break;
      }
      case 'DeleteUserPolicy':
      case 'DeleteRolePolicy':
      case 'PutUserPolicy':
      case 'PutRolePolicy': {
        const previous = inlineDocument(before, call.policyName);
        const now = inlineDocument(current, call.policyName);
        if (previous !== undefined && normalise(previous) !== normalise(now)) {
          calls.push({ ...base, action: isUser ? 'PutUserPolicy' : 'PutRolePolicy', policyName: call.policyName, policyDocument: previous });
        } else if (previous === undefined && now !== undefined) {
          calls.push({ ...base, action: isUser ? 'DeleteUserPolicy' : 'DeleteRolePolicy', policyName: call.policyName });
        }
        break;
      }
      case 'AttachUserPolicy':
      case 'AttachRolePolicy':
      case 'AddUserToGroup':
        break; // never in a revocation plan
    }
  }
  return calls;
}
