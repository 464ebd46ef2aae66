import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { scans } from '../../db/schema';
import { selectAssignmentRows } from '../../db/queries/campaigns/assignment-facts';
import { createTestDatabase } from '../../db/test-database';
import { linkPeopleToRoles, type SsoRoleInput } from '../../lib/people/link-roles';
import type { AccountAssignment, IdentityCenterDirectory, PermissionSet } from '../../lib/people/types';
import { persistPeople } from './persist-people';
import { assignmentRowOf } from '../../lib/people/test-support/assignment-row';
import { xorshift32 } from '../../lib/random/xorshift32';

/**
 * person_assignments is a view that expands the stored assignments through the stored
 * memberships at read time. It must list exactly the rows lib/people/link-roles derives (and
 * the scan used to write): repeats, unknown principals and sets, duplicate and dangling
 * memberships, empty groups, unlinked roles and accounts without the role included.
 */

const INSTANCE = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';
const setArn = (name: string) => `arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-${name}`;
const permissionSet = (name: string): PermissionSet => ({ arn: setArn(name), name, description: null, sessionDuration: 'PT1H', inlinePolicy: null, managedPolicies: [], customerManagedPolicies: [], permissionsBoundary: null });
const role = (accountId: string, setName: string, suffix = '0123456789abcdef'): SsoRoleInput => {
  const name = `AWSReservedSSO_${setName}_${suffix}`;
  return { arn: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${name}`, accountId, name, permissionSetName: setName, attachedManagedPolicyArns: [], inlinePolicies: [], permissionsBoundaryArn: null };
};

function newScan(database: AppDatabase): number {
  const now = '2026-12-07T10:00:00.000Z';
  return database.insert(scans).values({ status: 'running', source: 'offline', trigger: 'cli', requestedBy: 'test', queuedAt: now, startedAt: now }).returning({ id: scans.id }).get().id;
}

const asRow = assignmentRowOf;

const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** Persists the directory, then reads the view back as the assignment campaign reads it (selectAssignmentRows, in campaign order). */
function expandThroughView(directory: IdentityCenterDirectory, roles: SsoRoleInput[]) {
  const database = createTestDatabase();
  const scanId = newScan(database);
  const model = linkPeopleToRoles(directory, roles);
  persistPeople(database, scanId, directory, model, { actionNames: [], byUser: new Map(), distinctRoleSetCount: 0, assignmentsByUser: new Map() });
  const stored = selectAssignmentRows(database, scanId, { ordered: true });
  // What the table held, in the same order: rows were inserted in the linker's order (the id).
  const expected = model.personAssignments
    .map((assignment, index) => ({ row: asRow(assignment), index }))
    .sort((left, right) => compare(left.row.accountId, right.row.accountId) || compare(left.row.userId, right.row.userId) || compare(left.row.permissionSetName, right.row.permissionSetName) || left.index - right.index)
    .map((entry) => entry.row);
  return { stored, expected, model };
}

function randomDirectory(size: { users: number; groups: number; memberships: number; assignments: number; accounts: number }): { directory: IdentityCenterDirectory; roles: SsoRoleInput[] } {
  const random = xorshift32(7);
  const userId = (index: number) => `u-${index}`;
  const groupId = (index: number) => `g-${index}`;
  const sets = Array.from({ length: 6 }, (_, index) => permissionSet(`Set${index}`));
  const accounts = Array.from({ length: size.accounts }, (_, index) => String(100000000000 + index));
  // Indexes past the directory's users and groups, and a set it does not list, are dangling on purpose.
  const assignments: AccountAssignment[] = Array.from({ length: size.assignments }, () => {
    const isGroup = random(3) === 0;
    return { accountId: accounts[random(accounts.length)], permissionSetArn: setArn(`Set${random(7)}`), principalType: isGroup ? 'GROUP' : 'USER', principalId: isGroup ? groupId(random(size.groups + 1)) : userId(random(size.users + 5)) };
  });
  const directory: IdentityCenterDirectory = {
    instanceArn: INSTANCE,
    identityStoreId: 'd-0123456789',
    users: Array.from({ length: size.users }, (_, index) => ({ userId: userId(index), userName: `user${index}`, displayName: null, email: null, externalId: null })),
    groups: Array.from({ length: size.groups }, (_, index) => ({ groupId: groupId(index), displayName: `Group ${index % 10}`, description: null })),
    memberships: Array.from({ length: size.memberships }, (_, index) => ({ membershipId: `m-${index}`, groupId: groupId(random(size.groups - 1)), userId: userId(random(size.users + 4)) })),
    permissionSets: sets,
    assignments,
  };
  const roles = accounts.flatMap((accountId, accountIndex) => sets.filter((_, setIndex) => (accountIndex + setIndex) % 3 !== 0).map((set) => role(accountId, set.name)));
  return { directory, roles };
}

describe('the person_assignments view', () => {
  it('lists exactly what the linker derives, edge cases included', () => {
    const users = ['u-ana', 'u-ben', 'u-cho', 'u-dev'].map((userId) => ({ userId, userName: userId.slice(2), displayName: null, email: null, externalId: null }));
    const directory: IdentityCenterDirectory = {
      instanceArn: INSTANCE,
      identityStoreId: 'd-0123456789',
      users,
      groups: [
        { groupId: 'g-dev', displayName: 'Developers', description: null },
        { groupId: 'g-ghosts', displayName: 'Ghosts', description: null },
        { groupId: 'g-empty', displayName: 'Empty', description: null },
        { groupId: 'g-ops', displayName: 'Ops', description: null },
      ],
      memberships: [
        { membershipId: 'm1', groupId: 'g-dev', userId: 'u-ana' },
        { membershipId: 'm2', groupId: 'g-dev', userId: 'u-ben' },
        { membershipId: 'm3', groupId: 'g-dev', userId: 'u-ana' },
        { membershipId: 'm4', groupId: 'g-ghosts', userId: 'u-gone' },
        { membershipId: 'm5', groupId: 'g-ops', userId: 'u-cho' },
        { membershipId: 'm6', groupId: 'g-ops', userId: 'u-ana' },
      ],
      permissionSets: [permissionSet('Builder'), permissionSet('Reader')],
      assignments: [
        { accountId: '111111111111', permissionSetArn: setArn('Builder'), principalType: 'GROUP', principalId: 'g-dev' },
        { accountId: '111111111111', permissionSetArn: setArn('Builder'), principalType: 'USER', principalId: 'u-ana' },
        { accountId: '111111111111', permissionSetArn: setArn('Builder'), principalType: 'GROUP', principalId: 'g-dev' },
        { accountId: '111111111111', permissionSetArn: setArn('Builder'), principalType: 'USER', principalId: 'u-gone' },
        { accountId: '111111111111', permissionSetArn: setArn('Builder'), principalType: 'GROUP', principalId: 'g-unknown' },
        { accountId: '111111111111', permissionSetArn: setArn('Deleted'), principalType: 'USER', principalId: 'u-ben' },
        { accountId: '222222222222', permissionSetArn: setArn('Reader'), principalType: 'GROUP', principalId: 'g-ghosts' },
        { accountId: '222222222222', permissionSetArn: setArn('Reader'), principalType: 'GROUP', principalId: 'g-empty' },
        { accountId: '222222222222', permissionSetArn: setArn('Reader'), principalType: 'GROUP', principalId: 'g-ops' },
        { accountId: '333333333333', permissionSetArn: setArn('Reader'), principalType: 'USER', principalId: 'u-cho' },
        { accountId: '333333333333', permissionSetArn: setArn('Reader'), principalType: 'USER', principalId: 'u-cho' },
        { accountId: '222222222222', permissionSetArn: setArn('Builder'), principalType: 'USER', principalId: 'u-dev' },
      ],
    };
    // Two roles of one set in one account (the later wins, as in the linker), an unlinked role,
    // and no Reader role in 333333333333.
    const roles = [role('111111111111', 'Builder', 'aaaaaaaaaaaaaaaa'), role('111111111111', 'Builder', 'bbbbbbbbbbbbbbbb'), role('111111111111', 'Retired'), role('222222222222', 'Reader'), role('222222222222', 'Builder')];
    const { stored, expected, model } = expandThroughView(directory, roles);
    expect(model.warnings.length).toBeGreaterThan(0);
    expect(expected.length).toBe(7);
    expect(stored).toEqual(expected);
  });

  it('lists exactly what the linker derives for a random directory with repeats and dangling references', () => {
    const { directory, roles } = randomDirectory({ users: 60, groups: 12, memberships: 150, assignments: 400, accounts: 8 });
    const { stored, expected } = expandThroughView(directory, roles);
    expect(expected.length).toBeGreaterThan(400);
    expect(expected.some((row) => row.roleArn === null)).toBe(true);
    expect(stored).toEqual(expected);
  });

  it('finds a person, a role and a permission set through the indexes, never by walking the scan', () => {
    const database = createTestDatabase();
    const scanId = newScan(database);
    const { directory, roles } = randomDirectory({ users: 2000, groups: 200, memberships: 4000, assignments: 20000, accounts: 100 });
    persistPeople(database, scanId, directory, linkPeopleToRoles(directory, roles), { actionNames: [], byUser: new Map(), distinctRoleSetCount: 0, assignmentsByUser: new Map() });
    const plan = (where: string) =>
      database.$client
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM person_assignments WHERE scan_id = ${scanId} AND ${where}`)
        .all()
        .map((row) => (row as { detail: string }).detail);
    for (const where of ["user_id = 'u-1'", `account_id = '100000000001' AND permission_set_arn = '${setArn('Set1')}'`, "permission_set_name = 'Set1'"]) {
      const steps = plan(where);
      // Each arm of the view starts from an index on more than the scan: a person's memberships or assignments, an account, a set.
      expect(steps.filter((step) => /^(SCAN|SEARCH) (a|m|identity_center_assignments|identity_center_memberships)\b/.test(step) && !/AND/.test(step)), `${where}: ${steps.join('; ')}`).toEqual([]);
    }
  });
});
