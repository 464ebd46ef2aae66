/**
 * The organisation of the Identity Center benchmark (#14): the template organisation at 1,000
 * accounts, grown to 300 permission sets provisioned about 30 to an account (each an
 * `AWSReservedSSO_*` role in IAM, as Identity Center creates them), and an `identity-center.json`
 * with 20,000 people, 2,000 groups and 200,000 account assignments on those provisioned sets.
 *
 * Two folders share every IAM file (hard links): `with-identity-center/` also holds
 * `identity-center.json`, `without-identity-center/` does not. Both hold exactly the same SSO
 * roles, so the difference between their imports is what Identity Center data costs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RawAccountAssignment, RawIdentityCenterFile, RawPermissionSet } from '../scanners/raw-identity-center';
import type { AuthorizationDetails, RawRoleDetail } from '../scanners/raw-types';
import { permissionSetFromRole } from '../scripts/demo-org/identity-center';
import { awsUniqueId, hashHex } from '../scripts/demo-org/random';
import { xorshift32 } from '../lib/random/xorshift32';

export interface IdentityCenterBenchParameters {
  accountCount: number;
  principalsPerAccount: number;
  permissionSets: number;
  setsPerAccount: number;
  people: number;
  groups: number;
  membershipsPerPerson: number;
  assignments: number;
  /** Share of assignments made to a group rather than a person. */
  groupAssignmentShare: number;
  seed: number;
}

export const ISSUE_SCALE: IdentityCenterBenchParameters = {
  accountCount: 1000,
  principalsPerAccount: 20,
  permissionSets: 300,
  setsPerAccount: 30,
  people: 20_000,
  groups: 2_000,
  membershipsPerPerson: 2,
  assignments: 200_000,
  groupAssignmentShare: 0.25,
  seed: 14,
};

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;
const INSTANCE_ID = 'ssoins-7223b1c0e5a4d9f2';

function storeUuid(kind: string, index: number): string {
  const hex = hashHex(`bench-identity-store/${kind}/${index}`, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A team variant of a base permission set: the same policies under another name (`ReadOnlyAccess-t017`). */
function variantName(base: string, variant: number): string {
  return variant === 0 ? base : `${base}-t${String(variant).padStart(3, '0')}`;
}

function cloneSsoRole(role: RawRoleDetail, accountId: string, permissionSetName: string): RawRoleDetail {
  const name = `AWSReservedSSO_${permissionSetName}_${hashHex(`${accountId}/${permissionSetName}`, 16)}`;
  const arn = `arn:aws:iam::${accountId}:role${role.Path}${name}`;
  const roleId = awsUniqueId('AROA', `${accountId}/${name}`);
  return { ...role, RoleName: name, RoleId: roleId, Arn: arn, InstanceProfileList: [] };
}

interface AccountSets {
  accountId: string;
  /** Permission set names provisioned in the account (each is a role there). */
  names: string[];
}

/**
 * Rewrites every account file of `directory` with team variants of its SSO roles, so that the
 * organisation has `permissionSets` permission sets and each account about `setsPerAccount` of
 * them; returns the permission sets (read back from the roles, as the demo does) and where each is
 * provisioned.
 */
function provisionPermissionSets(directory: string, parameters: IdentityCenterBenchParameters, random: (limit: number) => number): { sets: Map<string, RawPermissionSet>; accounts: AccountSets[] } {
  const accountFiles = fs.readdirSync(directory).filter((name) => /^\d{12}\.json$/.test(name)).sort();
  const bases = new Set<string>();
  for (const file of accountFiles) {
    const details = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as AuthorizationDetails;
    for (const role of details.RoleDetailList) {
      const base = SSO_ROLE.exec(role.RoleName)?.[1];
      if (base) bases.add(base);
    }
  }
  const baseNames = [...bases].sort();
  const variantsPerBase = Math.ceil(parameters.permissionSets / baseNames.length);
  const sets = new Map<string, RawPermissionSet>();
  const accounts: AccountSets[] = [];
  for (const file of accountFiles) {
    const accountId = file.slice(0, 12);
    const filePath = path.join(directory, file);
    const details = JSON.parse(fs.readFileSync(filePath, 'utf8')) as AuthorizationDetails;
    const ssoRoles = details.RoleDetailList.filter((role) => SSO_ROLE.test(role.RoleName));
    const names = ssoRoles.map((role) => SSO_ROLE.exec(role.RoleName)?.[1] ?? '');
    const provisioned = new Set(names);
    for (let attempt = 0; provisioned.size < parameters.setsPerAccount && attempt < parameters.setsPerAccount * 20; attempt += 1) {
      const role = ssoRoles[random(ssoRoles.length)];
      const base = SSO_ROLE.exec(role.RoleName)?.[1] ?? '';
      const variant = 1 + random(variantsPerBase - 1);
      const name = variantName(base, variant);
      if (sets.size >= parameters.permissionSets && !sets.has(name)) continue;
      if (provisioned.has(name)) continue;
      provisioned.add(name);
      details.RoleDetailList.push(cloneSsoRole(role, accountId, name));
    }
    for (const role of details.RoleDetailList) {
      const name = SSO_ROLE.exec(role.RoleName)?.[1];
      if (!name || sets.has(name)) continue;
      const set = permissionSetFromRole(name, details, role.RoleName);
      sets.set(name, { ...set, PermissionSetArn: `arn:aws:sso:::permissionSet/${INSTANCE_ID}/ps-${hashHex(`bench/${name}`, 16)}` });
    }
    fs.writeFileSync(filePath, `${JSON.stringify(details)}\n`);
    accounts.push({ accountId, names: [...provisioned] });
  }
  return { sets, accounts };
}

function buildIdentityCenter(parameters: IdentityCenterBenchParameters, sets: Map<string, RawPermissionSet>, accounts: AccountSets[], random: (limit: number) => number): RawIdentityCenterFile {
  const users = Array.from({ length: parameters.people }, (_, index) => {
    const email = `person${index}@bench.example`;
    return { UserId: storeUuid('user', index), UserName: email, DisplayName: `Person ${index}`, Name: { GivenName: 'Person', FamilyName: String(index) }, Emails: [{ Value: email, Type: 'work', Primary: true }] };
  });
  const groups = Array.from({ length: parameters.groups }, (_, index) => ({ GroupId: storeUuid('group', index), DisplayName: `team-${index}`, Description: `Team ${index}` }));
  const memberships: RawIdentityCenterFile['IdentityCenter']['GroupMemberships'] = [];
  const memberPairs = new Set<string>();
  for (let person = 0; person < parameters.people; person += 1) {
    for (let slot = 0; slot < parameters.membershipsPerPerson; slot += 1) {
      const group = random(parameters.groups);
      const key = `${group}/${person}`;
      if (memberPairs.has(key)) continue;
      memberPairs.add(key);
      memberships.push({ GroupId: storeUuid('group', group), MembershipId: storeUuid('membership', memberships.length), MemberId: { UserId: storeUuid('user', person) } });
    }
  }
  const pairs = accounts.flatMap((account) => account.names.map((name) => ({ accountId: account.accountId, arn: sets.get(name)?.PermissionSetArn ?? '' })));
  const assignments: RawAccountAssignment[] = [];
  const seen = new Set<string>();
  const groupShare = Math.round(parameters.groupAssignmentShare * 1000);
  while (assignments.length < parameters.assignments && seen.size < pairs.length * (parameters.people + parameters.groups)) {
    const pair = pairs[random(pairs.length)];
    const isGroup = random(1000) < groupShare;
    const principalId = isGroup ? storeUuid('group', random(parameters.groups)) : storeUuid('user', random(parameters.people));
    const key = `${pair.accountId}|${pair.arn}|${principalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    assignments.push({ AccountId: pair.accountId, PermissionSetArn: pair.arn, PrincipalType: isGroup ? 'GROUP' : 'USER', PrincipalId: principalId });
  }
  return {
    IdentityCenter: {
      InstanceArn: `arn:aws:sso:::instance/${INSTANCE_ID}`,
      IdentityStoreId: 'd-90677a1b2c',
      Users: users,
      Groups: groups,
      GroupMemberships: memberships,
      PermissionSets: [...sets.values()].sort((left, right) => left.Name.localeCompare(right.Name)),
      AccountAssignments: assignments,
    },
  };
}

export interface IdentityCenterBenchFolders {
  withIdentityCenter: string;
  withoutIdentityCenter: string;
  permissionSetCount: number;
  ssoRoleCount: number;
  assignmentCount: number;
}

/**
 * Grows the template organisation in `source` (already written by the organisation cache) into the
 * two benchmark folders under `target`.
 */
export function writeIdentityCenterBenchOrganization(source: string, target: string, parameters: IdentityCenterBenchParameters): IdentityCenterBenchFolders {
  const random = xorshift32(parameters.seed);
  const iamFolder = path.join(target, 'iam');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, iamFolder, { recursive: true });
  fs.rmSync(path.join(iamFolder, 'identity-center.json'), { force: true });
  const { sets, accounts } = provisionPermissionSets(iamFolder, parameters, random);
  const identityCenter = buildIdentityCenter(parameters, sets, accounts, random);
  const folders = { withIdentityCenter: path.join(target, 'with-identity-center'), withoutIdentityCenter: path.join(target, 'without-identity-center') };
  for (const folder of Object.values(folders)) linkTree(iamFolder, folder);
  fs.writeFileSync(path.join(folders.withIdentityCenter, 'identity-center.json'), `${JSON.stringify(identityCenter)}\n`);
  return { ...folders, permissionSetCount: sets.size, ssoRoleCount: accounts.reduce((sum, account) => sum + account.names.length, 0), assignmentCount: identityCenter.IdentityCenter.AccountAssignments.length };
}

/** Hard-links every file of `source` into `target` (same tree): the two folders share their bytes. */
function linkTree(source: string, target: string): void {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    if (entry.name === 'bench-parameters.json') continue;
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) linkTree(from, to);
    else fs.linkSync(from, to);
  }
}
