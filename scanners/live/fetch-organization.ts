import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { OrganizationFile } from '../raw-types';
import { collectPages } from './collect-pages';
import { describeAwsError, OrganizationFetchError, UnexpectedResponseError } from './errors';
import { fetchBedrockPolicies } from './fetch-bedrock-policies';

/** Policy types the scanner reads; others (tag, backup, AI opt-out) grant nothing. */
const POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const;

interface FetchOrganizationOptions {
  signal?: AbortSignal;
  /** MaxResults per Organizations call; AWS allows up to 20 for most list calls. */
  pageSize?: number;
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null || value === '') throw new UnexpectedResponseError(`the response has no ${what}`);
  return value;
}

/**
 * Reads the organisation with the management account's base credentials and returns it as the
 * offline organisation file: roots, the OU tree (walked from every root), the active and suspended
 * accounts with their parent and tags, and the SCPs and RCPs enabled on a root with their content
 * (the JSON string `describe-policy` returns) and targets.
 *
 * @throws OrganizationFetchError naming the step; the scan cannot go on without the organisation.
 */
export async function fetchOrganization(client: OrganizationsClient, options: FetchOrganizationOptions = {}): Promise<OrganizationFile> {
  const send = { abortSignal: options.signal };
  const MaxResults = options.pageSize;
  async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new OrganizationFetchError(name, describeAwsError(error), { cause: error });
    }
  }
  /** Every page of one list call, read as one step; `itemsOf` takes the page's list (required). */
  function listAllPages<Page extends { NextToken?: string }, Item>(name: string, sendPage: (NextToken: string | undefined) => Promise<Page>, itemsOf: (page: Page) => Item[]): Promise<Item[]> {
    return step(name, () =>
      collectPages(async (NextToken) => {
        const page = await sendPage(NextToken);
        return { items: itemsOf(page), nextToken: page.NextToken };
      }),
    );
  }

  const described = await step('DescribeOrganization', async () => {
    const output = await client.send(new DescribeOrganizationCommand({}), send);
    return { id: required(output.Organization?.Id, 'Organization.Id'), managementAccountId: required(output.Organization?.MasterAccountId, 'Organization.MasterAccountId') };
  });
  const rootsOutput = await listAllPages('ListRoots', (NextToken) => client.send(new ListRootsCommand({ NextToken, MaxResults }), send), (page) => required(page.Roots, 'Roots'));
  const roots = rootsOutput.map((root) => ({ id: required(root.Id, 'Root.Id'), name: root.Name ?? 'Root' }));

  const organizationalUnits: OrganizationFile['organizationalUnits'] = [];
  const accounts: OrganizationFile['accounts'] = [];
  // Breadth-first over the tree: listing accounts per parent gives each account its parent for free.
  const parents = roots.map((root) => root.id);
  for (let index = 0; index < parents.length; index += 1) {
    const parentId = parents[index];
    const units = await listAllPages(`ListOrganizationalUnitsForParent ${parentId}`, (NextToken) => client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken, MaxResults }), send), (page) => required(page.OrganizationalUnits, 'OrganizationalUnits'));
    for (const unit of units) {
      const id = required(unit.Id, 'OrganizationalUnit.Id');
      organizationalUnits.push({ id, name: unit.Name ?? id, parentId });
      parents.push(id);
    }
    const children = await listAllPages(`ListAccountsForParent ${parentId}`, (NextToken) => client.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken, MaxResults }), send), (page) => required(page.Accounts, 'Accounts'));
    for (const account of children) {
      const id = required(account.Id, 'Account.Id');
      const tags = await listAllPages(`ListTagsForResource ${id}`, (NextToken) => client.send(new ListTagsForResourceCommand({ ResourceId: id, NextToken }), send), (page) => required(page.Tags, 'Tags'));
      accounts.push({
        id,
        name: account.Name ?? id,
        email: account.Email ?? '',
        status: account.Status ?? 'ACTIVE',
        parentId,
        tags: Object.fromEntries(tags.map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
      });
    }
  }

  // Only types enabled on a root are in force; listing a disabled type would report stale policies.
  const enabledTypes = new Set(rootsOutput.flatMap((root) => (root.PolicyTypes ?? []).filter((type) => type.Status === 'ENABLED').map((type) => type.Type)));
  const policies: OrganizationFile['policies'] = [];
  for (const type of POLICY_TYPES.filter((candidate) => enabledTypes.has(candidate))) {
    const summaries = await listAllPages(`ListPolicies ${type}`, (NextToken) => client.send(new ListPoliciesCommand({ Filter: type, NextToken, MaxResults }), send), (page) => required(page.Policies, 'Policies'));
    for (const summary of summaries) {
      const policyId = required(summary.Id, 'PolicySummary.Id');
      const content = await step(`DescribePolicy ${policyId}`, async () => {
        const output = await client.send(new DescribePolicyCommand({ PolicyId: policyId }), send);
        return required(output.Policy?.Content, 'Policy.Content');
      });
      const targets = await listAllPages(`ListTargetsForPolicy ${policyId}`, (NextToken) => client.send(new ListTargetsForPolicyCommand({ PolicyId: policyId, NextToken, MaxResults }), send), (page) => required(page.Targets, 'Targets'));
      policies.push({ id: policyId, name: summary.Name ?? policyId, type, content, targetIds: targets.map((target) => required(target.TargetId, 'Target.TargetId')) });
    }
  }

  // Bedrock policies name enforced guardrails (lib/controls); a refused read makes them unknown, not fatal.
  const activeAccountIds = accounts.filter((account) => account.status !== 'SUSPENDED').map((account) => account.id);
  const bedrock = await fetchBedrockPolicies(client, enabledTypes.has('BEDROCK_POLICY'), activeAccountIds, { signal: options.signal, pageSize: MaxResults });
  return { organization: described, roots, organizationalUnits, accounts, policies: [...policies, ...bedrock.policies], effectivePolicies: bedrock.effectivePolicies };
}
