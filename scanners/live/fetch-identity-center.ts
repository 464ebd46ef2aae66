import { IdentitystoreClient, ListGroupMembershipsCommand, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { RawAccountAssignment, RawIdentityCenter, RawPermissionSet } from '../raw-identity-center';
import { collectPages } from './collect-pages';
import { describeAwsError, UnexpectedResponseError } from './errors';
import { runPool } from './promise-pool';

/** Identity Center could not be read; the scan records it (partial) and keeps the IAM data. */
export class IdentityCenterFetchError extends Error {
  override name = 'IdentityCenterFetchError';
  constructor(
    readonly step: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Identity Center ${step}: ${message}`, options);
  }
}

export interface FetchIdentityCenterOptions {
  /** The instance to read; discovered with ListInstances when absent (it must then be the only one). */
  instanceArn?: string;
  /** Calls in flight at once (per-permission-set and per-account reads). */
  concurrency?: number;
  signal?: AbortSignal;
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null || value === '') throw new UnexpectedResponseError(`the response has no ${what}`);
  return value;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'ResourceNotFoundException';
}

/**
 * Reads an Identity Center instance read-only, from the account where the calls run (management
 * account or delegated administrator): the instance (ListInstances unless given), every permission
 * set with its inline policy, AWS managed and customer managed policies and boundary, the accounts
 * each set is provisioned to and their assignments, then the identity store's users, groups and
 * memberships. Every list call is paged; throttling and 5xx are retried by the clients' retry
 * strategy (the same as IAM's). Returns the `identity-center.json` shape, so the live and offline
 * sources share one mapper.
 *
 * @throws IdentityCenterFetchError naming the step that failed after retries.
 */
export async function fetchIdentityCenter(ssoAdmin: SSOAdminClient, identityStore: IdentitystoreClient, options: FetchIdentityCenterOptions = {}): Promise<RawIdentityCenter> {
  const send = { abortSignal: options.signal };
  const concurrency = options.concurrency ?? 4;
  async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof IdentityCenterFetchError) throw error;
      throw new IdentityCenterFetchError(name, describeAwsError(error), { cause: error });
    }
  }

  const instance = await step('ListInstances', async () => {
    const instances = await collectPages(async (NextToken) => {
      const page = await ssoAdmin.send(new ListInstancesCommand({ NextToken }), send);
      return { items: required(page.Instances, 'Instances'), nextToken: page.NextToken };
    });
    const wanted = options.instanceArn ? instances.find((candidate) => candidate.InstanceArn === options.instanceArn) : instances[0];
    if (options.instanceArn && !wanted) throw new IdentityCenterFetchError('ListInstances', `the configured instance ${options.instanceArn} is not among the ${instances.length} this account sees`);
    if (!options.instanceArn && instances.length !== 1) {
      throw new IdentityCenterFetchError('ListInstances', instances.length === 0 ? 'no instance in this account and region (check scan.live.identityCenter.region and account)' : `${instances.length} instances; name one in scan.live.identityCenter.instanceArn`);
    }
    return { InstanceArn: required(wanted?.InstanceArn, 'InstanceArn'), IdentityStoreId: required(wanted?.IdentityStoreId, 'IdentityStoreId') };
  });
  const { InstanceArn, IdentityStoreId } = instance;

  const permissionSetArns = await step('ListPermissionSets', () =>
    collectPages(async (NextToken) => {
      const page = await ssoAdmin.send(new ListPermissionSetsCommand({ InstanceArn, NextToken }), send);
      return { items: required(page.PermissionSets, 'PermissionSets'), nextToken: page.NextToken };
    }),
  );

  const permissionSets = await runPool(permissionSetArns, concurrency, async (PermissionSetArn): Promise<RawPermissionSet> => {
    const described = await step(`DescribePermissionSet ${PermissionSetArn}`, async () => required((await ssoAdmin.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }), send)).PermissionSet, 'PermissionSet'));
    const inline = await step(`GetInlinePolicyForPermissionSet ${PermissionSetArn}`, async () => (await ssoAdmin.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }), send)).InlinePolicy ?? '');
    const managed = await step(`ListManagedPoliciesInPermissionSet ${PermissionSetArn}`, () =>
      collectPages(async (NextToken) => {
        const page = await ssoAdmin.send(new ListManagedPoliciesInPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken }), send);
        return { items: required(page.AttachedManagedPolicies, 'AttachedManagedPolicies'), nextToken: page.NextToken };
      }),
    );
    const customer = await step(`ListCustomerManagedPolicyReferencesInPermissionSet ${PermissionSetArn}`, () =>
      collectPages(async (NextToken) => {
        const page = await ssoAdmin.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken }), send);
        return { items: required(page.CustomerManagedPolicyReferences, 'CustomerManagedPolicyReferences'), nextToken: page.NextToken };
      }),
    );
    const boundary = await step(`GetPermissionsBoundaryForPermissionSet ${PermissionSetArn}`, async () => {
      try {
        return (await ssoAdmin.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn }), send)).PermissionsBoundary ?? null;
      } catch (error) {
        // A set without a boundary answers ResourceNotFoundException, not an empty value.
        if (isNotFound(error)) return null;
        throw error;
      }
    });
    return {
      Name: required(described.Name, 'PermissionSet.Name'),
      PermissionSetArn,
      ...(described.Description !== undefined ? { Description: described.Description } : {}),
      ...(described.SessionDuration !== undefined ? { SessionDuration: described.SessionDuration } : {}),
      InlinePolicy: inline,
      AttachedManagedPolicies: managed.map((policy) => ({ Name: required(policy.Name, 'AttachedManagedPolicy.Name'), Arn: required(policy.Arn, 'AttachedManagedPolicy.Arn') })),
      CustomerManagedPolicyReferences: customer.map((reference) => ({ Name: required(reference.Name, 'CustomerManagedPolicyReference.Name'), ...(reference.Path !== undefined ? { Path: reference.Path } : {}) })),
      PermissionsBoundary:
        boundary === null
          ? null
          : {
              ...(boundary.ManagedPolicyArn !== undefined ? { ManagedPolicyArn: boundary.ManagedPolicyArn } : {}),
              ...(boundary.CustomerManagedPolicyReference
                ? { CustomerManagedPolicyReference: { Name: required(boundary.CustomerManagedPolicyReference.Name, 'CustomerManagedPolicyReference.Name'), ...(boundary.CustomerManagedPolicyReference.Path !== undefined ? { Path: boundary.CustomerManagedPolicyReference.Path } : {}) } }
                : {}),
            },
    };
  }, options.signal);

  // Assignments are listed per (account, permission set); the provisioned accounts say where to look.
  const pairs = (
    await runPool(permissionSetArns, concurrency, async (PermissionSetArn) => {
      const accountIds = await step(`ListAccountsForProvisionedPermissionSet ${PermissionSetArn}`, () =>
        collectPages(async (NextToken) => {
          const page = await ssoAdmin.send(new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken }), send);
          return { items: required(page.AccountIds, 'AccountIds'), nextToken: page.NextToken };
        }),
      );
      return accountIds.map((AccountId) => ({ AccountId, PermissionSetArn }));
    }, options.signal)
  ).flat();
  const assignments = (
    await runPool(pairs, concurrency, ({ AccountId, PermissionSetArn }) =>
      step(`ListAccountAssignments ${AccountId} ${PermissionSetArn}`, () =>
        collectPages(async (NextToken): Promise<{ items: RawAccountAssignment[]; nextToken: string | undefined }> => {
          const page = await ssoAdmin.send(new ListAccountAssignmentsCommand({ InstanceArn, AccountId, PermissionSetArn, NextToken }), send);
          const items = required(page.AccountAssignments, 'AccountAssignments').map((assignment) => {
            const type = required(assignment.PrincipalType, 'PrincipalType');
            if (type !== 'USER' && type !== 'GROUP') throw new UnexpectedResponseError(`PrincipalType ${String(type)}`);
            return { AccountId: required(assignment.AccountId, 'AccountId'), PermissionSetArn: required(assignment.PermissionSetArn, 'PermissionSetArn'), PrincipalType: type, PrincipalId: required(assignment.PrincipalId, 'PrincipalId') };
          });
          return { items, nextToken: page.NextToken };
        }),
      ), options.signal)
  ).flat();

  const users = await step('ListUsers', () =>
    collectPages(async (NextToken) => {
      const page = await identityStore.send(new ListUsersCommand({ IdentityStoreId, NextToken }), send);
      return { items: required(page.Users, 'Users'), nextToken: page.NextToken };
    }),
  );
  const groups = await step('ListGroups', () =>
    collectPages(async (NextToken) => {
      const page = await identityStore.send(new ListGroupsCommand({ IdentityStoreId, NextToken }), send);
      return { items: required(page.Groups, 'Groups'), nextToken: page.NextToken };
    }),
  );
  const memberships = (
    await runPool(groups, concurrency, (group) =>
      step(`ListGroupMemberships ${group.GroupId ?? ''}`, () =>
        collectPages(async (NextToken) => {
          const page = await identityStore.send(new ListGroupMembershipsCommand({ IdentityStoreId, GroupId: required(group.GroupId, 'GroupId'), NextToken }), send);
          return { items: required(page.GroupMemberships, 'GroupMemberships'), nextToken: page.NextToken };
        }),
      ), options.signal)
  ).flat();

  // Plain JSON (no SDK metadata, no Date objects): what the offline file holds.
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    InstanceArn,
    IdentityStoreId,
    Users: plain(users) as RawIdentityCenter['Users'],
    Groups: plain(groups) as RawIdentityCenter['Groups'],
    GroupMemberships: plain(memberships) as RawIdentityCenter['GroupMemberships'],
    PermissionSets: permissionSets,
    AccountAssignments: assignments,
  };
}

