import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns } from '../../schema';
import { createTestDatabase } from '../../test-database';
import type { AssignmentItemContext } from '../../../lib/campaigns/assignment-items';
import { runScan } from '../../../scanners/pipeline/run-scan';
import { createOwnerMapping } from './owner-mappings';
import { diffAssignmentItems } from '../../../lib/campaigns/micro-diff';
import { readAssignmentGrantFacts } from './assignment-grant-facts';
import { readChangedAssignmentFacts } from './assignment-changes';
import { copyDemoOrganization, type DemoOrganizationCopy } from '../test-support/demo-organization-copy';

/**
 * Micro-certification of Identity Center assignments (#14), end to end at the database level: the
 * demo organisation is imported from a copy of demo/org, `identity-center.json` of the copy is
 * edited the way the next export would show a change (scanners/offline/FORMAT.md), and each import
 * goes through runScan, whose after-publish step launches the micro campaigns.
 */
const FIRST_IMPORT = new Date('2026-03-02T09:00:00Z');
const SECOND_IMPORT = new Date('2026-03-03T09:00:00Z');
const THIRD_IMPORT = new Date('2026-03-04T09:00:00Z');

let database: AppDatabase;
let copy: DemoOrganizationCopy;

async function importCopy(at: Date): Promise<{ scanId: number; problems: string[] }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined); // "would email …" without SMTP
  const outcome = await runScan(database, { kind: 'offline', directory: copy.directory }, { trigger: 'cli', requestedBy: 'test', now: () => at });
  log.mockRestore();
  expect(outcome.status).toBe('complete');
  return { scanId: outcome.scanId, problems: outcome.problems };
}

const microCampaigns = () => database.select().from(campaigns).where(eq(campaigns.kind, 'micro')).all();

beforeEach(() => {
  copy = copyDemoOrganization('icmicro-');
  database = createTestDatabase();
});

afterEach(() => {
  copy.remove();
});

describe('micro-certification of new Identity Center assignments after a scan', () => {
  it('the first scan and a scan without change launch nothing; a new group membership and a new direct assignment launch exactly their items', async () => {
    await importCopy(FIRST_IMPORT);
    expect(microCampaigns()).toEqual([]);
    await importCopy(SECOND_IMPORT);
    expect(microCampaigns()).toEqual([]);

    // The group's owner reviews assignments through it; the permission set's owner would be the person themself.
    createOwnerMapping(database, { priority: 1, accountId: null, pathPrefix: null, namePattern: null, groupName: 'AgentBuilders', permissionSetName: null, ownerEmail: 'agents-lead@example.com' }, 'admin@example.com', SECOND_IMPORT);
    createOwnerMapping(database, { priority: 2, accountId: null, pathPrefix: null, namePattern: null, groupName: null, permissionSetName: 'BedrockReadOnly', ownerEmail: 'ben.adams@northwind.example' }, 'admin@example.com', SECOND_IMPORT);

    let maya = '';
    let ben = '';
    let agentBuilders = '';
    let bedrockReadOnly = '';
    copy.editIdentityCenter((ic) => {
      maya = ic.Users.find((user) => user.UserName === 'maya@example.com')?.UserId ?? '';
      ben = ic.Users.find((user) => user.UserName === 'ben.adams@northwind.example')?.UserId ?? '';
      agentBuilders = ic.Groups.find((group) => group.DisplayName === 'AgentBuilders')?.GroupId ?? '';
      bedrockReadOnly = ic.PermissionSets.find((set) => set.Name === 'BedrockReadOnly')?.PermissionSetArn ?? '';
      // maya joins AgentBuilders (assigned AgentBuilder in two accounts); ben is assigned BedrockReadOnly directly
      // in an account where the Auditors group already has it (so the set is provisioned there).
      ic.GroupMemberships.push({ GroupId: agentBuilders, MembershipId: 'f4a8e4b8-9021-7012-aaaa-0123456789ab', MemberId: { UserId: maya } });
      ic.AccountAssignments.push({ AccountId: '539182736450', PermissionSetArn: bedrockReadOnly, PrincipalType: 'USER', PrincipalId: ben });
    });
    expect([maya, ben, agentBuilders, bedrockReadOnly].every((id) => id !== '')).toBe(true);

    const { scanId, problems } = await importCopy(THIRD_IMPORT);
    const launched = microCampaigns();
    expect(launched).toHaveLength(1);
    const [campaign] = launched;
    expect(campaign).toMatchObject({ scanId, launchedBy: 'system:micro-certification', status: 'active', dueAt: new Date(THIRD_IMPORT.getTime() + 7 * 86_400_000).toISOString() });
    expect(JSON.parse(campaign.scope)).toMatchObject({ subject: 'assignments' });
    expect(problems).toContain(`micro-certification campaign ${campaign.id} launched for changed Identity Center assignments`);

    const items = database.select().from(campaignItems).where(eq(campaignItems.campaignId, campaign.id)).all();
    const described = items.map((item) => `${item.personUserName} ${item.permissionSetName} ${item.accountId} ${item.viaGroupName ?? 'direct'}`).sort();
    expect(described).toEqual([
      'ben.adams@northwind.example BedrockReadOnly 539182736450 direct',
      'maya@example.com AgentBuilder 752930184726 AgentBuilders',
      'maya@example.com AgentBuilder 863019283746 AgentBuilders',
    ]);
    for (const item of items) {
      expect(item).toMatchObject({ itemKind: 'assignment', status: 'pending' });
      const context = JSON.parse(item.context) as AssignmentItemContext;
      expect(context.change).toEqual({ kind: 'new', addedActions: context.actions, previousItemId: null });
      expect(context.actions.length).toBeGreaterThan(0);
    }

    // Reviewers as in any assignment campaign: the group owner; nobody reviews their own assignment.
    const mayaItems = items.filter((item) => item.personUserId === maya);
    expect(mayaItems.map((item) => [item.reviewerEmail, item.reviewerReason])).toEqual([
      ['agents-lead@example.com', 'group-owner'],
      ['agents-lead@example.com', 'group-owner'],
    ]);
    const benItem = items.find((item) => item.personUserId === ben);
    expect(benItem?.reviewerEmail).not.toBe('ben.adams@northwind.example');
    expect(benItem?.reviewerReason).not.toBe('permission-set-owner');
    expect((JSON.parse(benItem?.context ?? '{}') as AssignmentItemContext).selfReviewAvoided).toBe('ben.adams@northwind.example');
  }, 120_000);

  it('a permission set that grants Bedrock actions it did not: every assignment of it is widened, by the added actions', async () => {
    await importCopy(FIRST_IMPORT);
    // The Auditors' BedrockReadOnly gains the invoke actions in every account it is provisioned to:
    // the roles it becomes (AWSReservedSSO_BedrockReadOnly_*) carry the set's inline policy.
    const invoke = ['bedrock:InvokeModel'];
    const roleFiles = rewriteSsoRoles('BedrockReadOnly', invoke);
    expect(roleFiles).toBeGreaterThan(0);

    const { scanId } = await importCopy(SECOND_IMPORT);
    const assignmentCampaigns = microCampaigns().filter((campaign) => (JSON.parse(campaign.scope) as { subject?: string }).subject === 'assignments');
    expect(assignmentCampaigns).toHaveLength(1);
    expect(assignmentCampaigns[0].scanId).toBe(scanId);
    const items = database.select().from(campaignItems).where(eq(campaignItems.campaignId, assignmentCampaigns[0].id)).all();
    // Auditors hold the set in two accounts, DataScientists in two others: every member in each.
    expect([...new Set(items.map((item) => item.accountId))].sort()).toEqual(['296031847562', '307142958673', '539182736450', '641829374651']);
    expect(new Set(items.map((item) => item.viaGroupName))).toEqual(new Set(['Auditors', 'DataScientists']));
    for (const item of items) {
      expect(item.permissionSetName).toBe('BedrockReadOnly');
      expect((JSON.parse(item.context) as AssignmentItemContext).change).toEqual({ kind: 'widened', addedActions: invoke, previousItemId: null });
    }
  }, 120_000);

  it('the changed facts give the diff of the whole snapshots, both ways: memberships and assignments added and removed, a group renamed, a person gone, a set widened', async () => {
    const first = await importCopy(FIRST_IMPORT);
    copy.editIdentityCenter((ic) => {
      const agentBuilders = ic.Groups.find((group) => group.DisplayName === 'AgentBuilders')?.GroupId ?? '';
      const dataScientists = ic.Groups.find((group) => group.DisplayName === 'DataScientists')?.GroupId ?? '';
      const agentBuilder = ic.PermissionSets.find((set) => set.Name === 'AgentBuilder')?.PermissionSetArn ?? '';
      const inAgentBuilders = new Set(ic.GroupMemberships.filter((membership) => membership.GroupId === agentBuilders).map((membership) => membership.MemberId.UserId));
      ic.Users.filter((user) => !inAgentBuilders.has(user.UserId))
        .slice(0, 5)
        .forEach((user, index) => ic.GroupMemberships.push({ GroupId: agentBuilders, MembershipId: `f4a8e4b8-9021-7012-bbbb-00000000000${index}`, MemberId: { UserId: user.UserId } }));
      ic.GroupMemberships.splice(0, 1);
      const dataScientistsGroup = ic.Groups.find((group) => group.GroupId === dataScientists);
      if (dataScientistsGroup) dataScientistsGroup.DisplayName = 'Data-Science';
      ic.Users.splice(1, 1);
      const provisioned = ic.AccountAssignments.filter((assignment) => assignment.PermissionSetArn === agentBuilder).map((assignment) => assignment.AccountId);
      for (const accountId of new Set(provisioned)) ic.AccountAssignments.push({ AccountId: accountId, PermissionSetArn: agentBuilder, PrincipalType: 'GROUP', PrincipalId: dataScientists });
      ic.AccountAssignments.splice(2, 1);
    });
    expect(rewriteSsoRoles('BedrockReadOnly', ['bedrock:InvokeModel'])).toBeGreaterThan(0);
    const second = await importCopy(SECOND_IMPORT);

    for (const [from, to] of [
      [first.scanId, second.scanId],
      [second.scanId, first.scanId],
    ]) {
      const whole = diffAssignmentItems(readAssignmentGrantFacts(database, from), readAssignmentGrantFacts(database, to));
      expect(whole.length).toBeGreaterThan(5);
      const changed = readChangedAssignmentFacts(database, from, to);
      expect(diffAssignmentItems(changed.previous, changed.next)).toEqual(whole);
      // What it reads is what can have changed, not the whole snapshot.
      expect(changed.next.assignments.length).toBeLessThan(readAssignmentGrantFacts(database, to).assignments.length);
    }
    expect(diffAssignmentItems(readAssignmentGrantFacts(database, first.scanId), readAssignmentGrantFacts(database, second.scanId)).some((change) => change.change === 'widened')).toBe(true);
  }, 120_000);

  it('the first import that reads Identity Center launches nothing: its assignments are newly seen, not newly granted', async () => {
    const exported = readFileSync(copy.identityCenterFile, 'utf8');
    rmSync(copy.identityCenterFile);
    await importCopy(FIRST_IMPORT);
    writeFileSync(copy.identityCenterFile, exported);
    const { problems } = await importCopy(SECOND_IMPORT);
    expect(microCampaigns()).toEqual([]);
    expect(problems.filter((problem) => problem.startsWith('micro-certification'))).toEqual([]);
  }, 120_000);
});

/**
 * Adds an inline policy allowing `actions` to every `AWSReservedSSO_<setName>_*` role in the copy's
 * `aws iam get-account-authorization-details` exports, as provisioning a widened permission set
 * does; returns how many roles changed.
 */
function rewriteSsoRoles(setName: string, actions: string[]): number {
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] };
  copy.editIdentityCenter((ic) => {
    const set = ic.PermissionSets.find((candidate) => candidate.Name === setName);
    if (set) set.InlinePolicy = JSON.stringify(policy);
  });
  let changed = 0;
  for (const name of readdirSync(copy.directory).filter((file) => /^\d{12}\.json$/.test(file))) {
    const file = path.join(copy.directory, name);
    const details = JSON.parse(readFileSync(file, 'utf8')) as { RoleDetailList?: Array<{ RoleName: string; RolePolicyList?: Array<{ PolicyName: string; PolicyDocument: unknown }> }> };
    const roles = (details.RoleDetailList ?? []).filter((role) => role.RoleName.startsWith(`AWSReservedSSO_${setName}_`));
    for (const role of roles) role.RolePolicyList = [...(role.RolePolicyList ?? []), { PolicyName: 'AwsSSOInlinePolicy', PolicyDocument: policy }];
    if (roles.length > 0) writeFileSync(file, JSON.stringify(details, null, 2));
    changed += roles.length;
  }
  return changed;
}
