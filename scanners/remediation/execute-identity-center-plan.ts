import { CreateGroupMembershipCommand, DeleteGroupMembershipCommand, type IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { IdentityCenterCall } from '../../lib/revocations/identity-center/types';

/** What happened to one call. `already-done` is a retry finding the change made (idempotence). */
export interface IdentityCenterCallOutcome {
  call: IdentityCenterCall;
  status: 'succeeded' | 'already-done' | 'failed' | 'not-run';
  error?: string;
  requestId?: string;
}

export interface IdentityCenterClients {
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
}

const text = (call: IdentityCenterCall, field: string): string => {
  const value = call.input[field];
  if (typeof value !== 'string') throw new Error(`${call.action} needs ${field}`);
  return value;
};

/** Sends one call; returns the request id of an asynchronous operation. */
async function send(clients: IdentityCenterClients, call: IdentityCenterCall, requestIds: Array<string | undefined>, pollIntervalMs: number): Promise<string | undefined> {
  const { ssoAdmin, identityStore } = clients;
  const assignment = () => ({
    InstanceArn: text(call, 'InstanceArn'),
    TargetId: text(call, 'TargetId'),
    TargetType: 'AWS_ACCOUNT' as const,
    PermissionSetArn: text(call, 'PermissionSetArn'),
    PrincipalType: text(call, 'PrincipalType') as 'USER' | 'GROUP',
    PrincipalId: text(call, 'PrincipalId'),
  });
  const set = () => ({ InstanceArn: text(call, 'InstanceArn'), PermissionSetArn: text(call, 'PermissionSetArn') });
  const polled = () => {
    const id = call.pollsRequestOf === undefined ? undefined : requestIds[call.pollsRequestOf];
    if (!id) throw new Error(`${call.action} has no request to poll`);
    return id;
  };
  // Asynchronous operations are polled until they leave IN_PROGRESS; FAILED is an error with AWS's reason.
  const poll = async (read: () => Promise<{ Status?: string; FailureReason?: string } | undefined>) => {
    for (let attempt = 0; attempt < 150; attempt += 1) {
      const status = await read();
      if (status?.Status === 'SUCCEEDED') return;
      if (status?.Status === 'FAILED') throw new Error(`${call.action}: ${status.FailureReason ?? 'FAILED'}`);
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
    throw new Error(`${call.action}: still IN_PROGRESS after 150 polls`);
  };
  switch (call.action) {
    case 'DeleteGroupMembership':
      await identityStore.send(new DeleteGroupMembershipCommand({ IdentityStoreId: text(call, 'IdentityStoreId'), MembershipId: text(call, 'MembershipId') }));
      return undefined;
    case 'CreateGroupMembership': {
      const member = call.input.MemberId;
      if (typeof member !== 'object') throw new Error('CreateGroupMembership needs MemberId');
      await identityStore.send(new CreateGroupMembershipCommand({ IdentityStoreId: text(call, 'IdentityStoreId'), GroupId: text(call, 'GroupId'), MemberId: { UserId: member.UserId } }));
      return undefined;
    }
    case 'DeleteAccountAssignment':
      return (await ssoAdmin.send(new DeleteAccountAssignmentCommand(assignment()))).AccountAssignmentDeletionStatus?.RequestId;
    case 'CreateAccountAssignment':
      return (await ssoAdmin.send(new CreateAccountAssignmentCommand(assignment()))).AccountAssignmentCreationStatus?.RequestId;
    case 'DescribeAccountAssignmentDeletionStatus':
      await poll(async () => (await ssoAdmin.send(new DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn: text(call, 'InstanceArn'), AccountAssignmentDeletionRequestId: polled() }))).AccountAssignmentDeletionStatus);
      return undefined;
    case 'DescribeAccountAssignmentCreationStatus':
      await poll(async () => (await ssoAdmin.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn: text(call, 'InstanceArn'), AccountAssignmentCreationRequestId: polled() }))).AccountAssignmentCreationStatus);
      return undefined;
    case 'PutInlinePolicyToPermissionSet':
      await ssoAdmin.send(new PutInlinePolicyToPermissionSetCommand({ ...set(), InlinePolicy: text(call, 'InlinePolicy') }));
      return undefined;
    case 'DeleteInlinePolicyFromPermissionSet':
      await ssoAdmin.send(new DeleteInlinePolicyFromPermissionSetCommand(set()));
      return undefined;
    case 'DetachManagedPolicyFromPermissionSet':
      await ssoAdmin.send(new DetachManagedPolicyFromPermissionSetCommand({ ...set(), ManagedPolicyArn: text(call, 'ManagedPolicyArn') }));
      return undefined;
    case 'AttachManagedPolicyToPermissionSet':
      await ssoAdmin.send(new AttachManagedPolicyToPermissionSetCommand({ ...set(), ManagedPolicyArn: text(call, 'ManagedPolicyArn') }));
      return undefined;
    case 'ProvisionPermissionSet':
      return (await ssoAdmin.send(new ProvisionPermissionSetCommand({ ...set(), TargetType: 'ALL_PROVISIONED_ACCOUNTS' }))).PermissionSetProvisioningStatus?.RequestId;
    case 'DescribePermissionSetProvisioningStatus':
      await poll(async () => (await ssoAdmin.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: text(call, 'InstanceArn'), ProvisionPermissionSetRequestId: polled() }))).PermissionSetProvisioningStatus);
      return undefined;
  }
}

/** A removal that finds its target already gone: the change a retry was about is made. */
function isAlreadyDone(call: IdentityCenterCall, error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  if (name === 'ResourceNotFoundException') return call.action === 'DeleteGroupMembership' || call.action === 'DeleteAccountAssignment' || call.action === 'DetachManagedPolicyFromPermissionSet';
  if (name === 'ConflictException') return call.action === 'CreateGroupMembership' || call.action === 'AttachManagedPolicyToPermissionSet';
  return false;
}

/**
 * Runs a plan's calls (or its rollback calls) in order with the remediation identity's clients.
 * A removal whose target is already gone, or a creation that already exists, counts as
 * `already-done`, so running the same revocation twice changes nothing. The first failure stops
 * the run; the calls after it are `not-run` and the whole run can be retried.
 */
export async function executeIdentityCenterCalls(clients: IdentityCenterClients, calls: IdentityCenterCall[], options: { pollIntervalMs?: number } = {}): Promise<IdentityCenterCallOutcome[]> {
  const outcomes: IdentityCenterCallOutcome[] = [];
  const requestIds: Array<string | undefined> = [];
  let hasFailed = false;
  for (const call of calls) {
    if (hasFailed) {
      outcomes.push({ call, status: 'not-run' });
      requestIds.push(undefined);
      continue;
    }
    try {
      const requestId = await send(clients, call, requestIds, options.pollIntervalMs ?? 2000);
      requestIds.push(requestId);
      outcomes.push({ call, status: 'succeeded', ...(requestId ? { requestId } : {}) });
    } catch (error) {
      requestIds.push(undefined);
      if (isAlreadyDone(call, error)) {
        outcomes.push({ call, status: 'already-done' });
        continue;
      }
      // A poll of a request that was already done on a previous run has nothing to poll.
      if (call.pollsRequestOf !== undefined && outcomes[call.pollsRequestOf]?.status === 'already-done') {
        outcomes.push({ call, status: 'already-done' });
        continue;
      }
      hasFailed = true;
      outcomes.push({ call, status: 'failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return outcomes;
}
