import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateDemoDay, type DemoPrincipal } from './generate-demo-activity';

export const DEMO_ACTIVITY_SEED = 0x0bed_0c4a;
export const DEMO_ACTIVITY_DAYS = 90;
/** Bumped whenever the generator's output changes: older generated files are then replaced, never mixed in. */
export const DEMO_ACTIVITY_VERSION = '3';

/** The Identity Center home region's accounts log in eu-west-1 (their SSO roles say so); the rest in us-east-1. */
function regionOf(accountId: string): string {
  return accountId === '539182736450' || accountId === '974102938475' ? 'eu-west-1' : 'us-east-1';
}

interface DetailsFile {
  UserDetailList: Array<{ UserName: string; Arn: string }>;
  RoleDetailList: Array<{ RoleName: string; Arn: string }>;
}

interface IdentityCenterFile {
  IdentityCenter: {
    IdentityStoreId: string;
    Users: Array<{ UserName: string; UserId: string }>;
    GroupMemberships: Array<{ GroupId: string; MemberId: { UserId?: string } }>;
    PermissionSets: Array<{ Name: string; PermissionSetArn: string }>;
    AccountAssignments: Array<{ AccountId: string; PermissionSetArn: string; PrincipalType: 'USER' | 'GROUP'; PrincipalId: string }>;
  };
}

/**
 * People per Identity Center role, keyed `<account>|<permission set name>` (the role is
 * `AWSReservedSSO_<permission set name>_<suffix>`): the users assigned to the permission set in
 * the account, directly or through a group, in directory order.
 */
export function readAssignedPeople(directory: string): { byRole: Map<string, Array<{ userName: string; userId: string }>>; identityStoreArn: string } | null {
  const file = path.join(directory, 'identity-center.json');
  if (!existsSync(file)) return null;
  const center = (JSON.parse(readFileSync(file, 'utf8')) as IdentityCenterFile).IdentityCenter;
  const permissionSetNames = new Map(center.PermissionSets.map((set) => [set.PermissionSetArn, set.Name]));
  const membersOf = new Map<string, string[]>();
  for (const membership of center.GroupMemberships) {
    if (membership.MemberId.UserId === undefined) continue;
    membersOf.set(membership.GroupId, [...(membersOf.get(membership.GroupId) ?? []), membership.MemberId.UserId]);
  }
  const assigned = new Map<string, Set<string>>();
  for (const assignment of center.AccountAssignments) {
    const name = permissionSetNames.get(assignment.PermissionSetArn);
    if (name === undefined) continue;
    const key = `${assignment.AccountId}|${name}`;
    const users = assigned.get(key) ?? new Set<string>();
    for (const userId of assignment.PrincipalType === 'USER' ? [assignment.PrincipalId] : (membersOf.get(assignment.PrincipalId) ?? [])) users.add(userId);
    assigned.set(key, users);
  }
  const byRole = new Map<string, Array<{ userName: string; userId: string }>>();
  for (const [key, users] of assigned) byRole.set(key, center.Users.filter((user) => users.has(user.UserId)).map((user) => ({ userName: user.UserName, userId: user.UserId })));
  const managementAccountId = (JSON.parse(readFileSync(path.join(directory, 'organization.json'), 'utf8')) as { organization: { managementAccountId: string } }).organization.managementAccountId;
  return { byRole, identityStoreArn: `arn:aws:identitystore::${managementAccountId}:identitystore/${center.IdentityStoreId}` };
}

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;

/** The principals of an organisation directory (demo/org layout) with their first access key. */
export function readDemoPrincipals(directory: string): DemoPrincipal[] {
  const principals: DemoPrincipal[] = [];
  const people = readAssignedPeople(directory);
  for (const name of readdirSync(directory).filter((file) => /^\d{12}\.json$/.test(file)).sort()) {
    const accountId = name.slice(0, 12);
    const details = JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as DetailsFile;
    const credentialsFile = path.join(directory, 'credentials', name);
    const keys = new Map<string, string>();
    if (existsSync(credentialsFile)) {
      const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { users: Array<{ userName: string; accessKeys?: Array<{ accessKeyId: string }> }> };
      for (const user of credentials.users) if (user.accessKeys?.[0]) keys.set(user.userName, user.accessKeys[0].accessKeyId);
    }
    for (const user of details.UserDetailList) principals.push({ arn: user.Arn, accountId, name: user.UserName, type: 'user', accessKeyId: keys.get(user.UserName) });
    for (const role of details.RoleDetailList) {
      const permissionSet = SSO_ROLE.exec(role.RoleName)?.[1];
      const assignedPeople = people === null || permissionSet === undefined ? undefined : (people.byRole.get(`${accountId}|${permissionSet}`) ?? []);
      principals.push({ arn: role.Arn, accountId, name: role.RoleName, type: 'role', ...(assignedPeople === undefined ? {} : { assignedPeople, identityStoreArn: people?.identityStoreArn }) });
    }
  }
  return principals;
}

function dayOffset(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes the demo's CloudTrail files for the `days` days ending with `lastDay` under
 * `<directory>/cloudtrail/` in the organisation-trail layout, one gzipped file per account,
 * region and day. Days already written are left as they are (same seed, same bytes), so running
 * it again on a later day adds only the new days. Returns the number of files written.
 */
export function writeDemoActivity(directory: string, lastDay: string, options: { days?: number; seed?: number; outputDirectory?: string } = {}): { files: number; events: number } {
  const organizationId = (JSON.parse(readFileSync(path.join(directory, 'organization.json'), 'utf8')) as { organization: { id: string } }).organization.id;
  const principals = readDemoPrincipals(directory);
  const trailRoot = path.join(options.outputDirectory ?? directory, 'cloudtrail');
  const versionFile = path.join(trailRoot, '.generator-version');
  if (existsSync(trailRoot) && (!existsSync(versionFile) || readFileSync(versionFile, 'utf8') !== DEMO_ACTIVITY_VERSION)) rmSync(trailRoot, { recursive: true, force: true });
  mkdirSync(trailRoot, { recursive: true });
  writeFileSync(versionFile, DEMO_ACTIVITY_VERSION);
  const root = path.join(trailRoot, 'AWSLogs', organizationId);
  const days = options.days ?? DEMO_ACTIVITY_DAYS;
  let files = 0;
  let events = 0;
  for (let offset = -(days - 1); offset <= 0; offset += 1) {
    const day = dayOffset(lastDay, offset);
    const [year, month, date] = day.split('-');
    const stamp = `${year}${month}${date}T2359Z`;
    const byFile = generateDemoDay(day, principals, { seed: options.seed ?? DEMO_ACTIVITY_SEED, regionOf });
    for (const [key, records] of byFile) {
      const [accountId, region] = key.split('|') as [string, string];
      const folder = path.join(root, accountId, 'CloudTrail', region, year as string, month as string, date as string);
      const file = path.join(folder, `${accountId}_CloudTrail_${region}_${stamp}_demo.json.gz`);
      events += records.length;
      if (existsSync(file)) continue;
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, gzipSync(JSON.stringify({ Records: records })));
      files += 1;
    }
  }
  return { files, events };
}

/** Yesterday (UTC) of `now`: the last full day of demo activity. */
export function lastFullDay(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}
