/**
 * `npm run bench -- identity-center --parts`: the Identity Center part of a scan at the scale (#14):
 * 20,000 people, 300 permission sets, 200,000 assignments, 1,000 accounts. Measures the pure steps a
 * scan adds (mapping the file shape, linking people to the SSO roles, the person analysis) on
 * synthetic data; the IAM import and analysis of the same organisation are measured by bench/index.ts.
 */
import { DEFAULT_WEIGHTS } from '../lib/analysis/blast-radius/weights';
import { DEFAULT_SOD_RULES } from '../lib/analysis/sod/default-rules';
import type { Exposure, Grant, Tier } from '../lib/analysis/types';
import type { RoleAccess } from '../lib/people/analyze-person';
import { createPersonAnalyzer } from '../lib/people/person-analyzer';
import { linkPeopleToRoles, type SsoRoleInput } from '../lib/people/link-roles';
import { mapIdentityCenter } from '../scanners/map/map-identity-center';
import type { RawIdentityCenter } from '../scanners/raw-identity-center';
import { xorshift32 } from '../lib/random/xorshift32';

const ACCOUNTS = 1000;
const SETS = 300;
const PEOPLE = 20_000;
const GROUPS = 2_000;
const ASSIGNMENTS = 200_000;
const SETS_PER_ACCOUNT = 30;

const hex = (value: number, length: number) => value.toString(16).padStart(length, '0');
const uuid = (kind: number, value: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(value, 12)}`;
const accountId = (index: number) => String(100000000000 + index);
const setArn = (index: number) => `arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-${hex(index, 16)}`;
const random = xorshift32(42);

const raw: RawIdentityCenter = {
  InstanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
  IdentityStoreId: 'd-0123456789',
  Users: Array.from({ length: PEOPLE }, (_, index) => ({ UserId: uuid(1, index), UserName: `person${index}@example.com`, DisplayName: `Person ${index}`, Emails: [{ Value: `person${index}@example.com`, Primary: true }] })),
  Groups: Array.from({ length: GROUPS }, (_, index) => ({ GroupId: uuid(2, index), DisplayName: `group-${index}` })),
  GroupMemberships: Array.from({ length: PEOPLE * 2 }, (_, index) => ({ GroupId: uuid(2, index % GROUPS), MembershipId: uuid(3, index), MemberId: { UserId: uuid(1, (index * 7919) % PEOPLE) } })),
  PermissionSets: Array.from({ length: SETS }, (_, index) => ({ Name: `Set${index}`, PermissionSetArn: setArn(index), InlinePolicy: '', AttachedManagedPolicies: [{ Name: 'AmazonBedrockReadOnly', Arn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly' }], CustomerManagedPolicyReferences: [], PermissionsBoundary: null })),
  AccountAssignments: [],
};
const seen = new Set<string>();
while (raw.AccountAssignments.length < ASSIGNMENTS) {
  const account = random(ACCOUNTS);
  const set = (account + random(SETS_PER_ACCOUNT) * 10) % SETS;
  const isGroup = random(4) === 0;
  const principal = isGroup ? uuid(2, random(GROUPS)) : uuid(1, random(PEOPLE));
  const key = `${account}|${set}|${principal}`;
  if (seen.has(key)) continue;
  seen.add(key);
  raw.AccountAssignments.push({ AccountId: accountId(account), PermissionSetArn: setArn(set), PrincipalType: isGroup ? 'GROUP' : 'USER', PrincipalId: principal });
}

const SAML: Exposure = { trusts: [], assumableBy: [], isReachableFromOutsideOrganization: false, hasUnpinnedOidcTrust: false, hasPublicTrust: false };
const TIERS: Tier[] = ['read', 'invoke', 'customize', 'build'];
const grantsBySet = Array.from({ length: SETS }, (_, index): Grant[] => [
  { action: `bedrock:Action${index % 40}`, tier: TIERS[index % TIERS.length], resources: ['*'], notResources: [], regions: ['*'], conditions: [], isConditional: false, requiresGuardrail: false, path: { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/X', policyName: 'X', isAwsManaged: true, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 } },
]);
const roles: SsoRoleInput[] = [];
const roleByArn = new Map<string, RoleAccess>();
for (let account = 0; account < ACCOUNTS; account += 1) {
  for (let slot = 0; slot < SETS_PER_ACCOUNT; slot += 1) {
    const set = (account + slot * 10) % SETS;
    const arn = `arn:aws:iam::${accountId(account)}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Set${set}_${hex(account * 1000 + set, 16)}`;
    roles.push({ arn, accountId: accountId(account), name: arn.split('/').pop() ?? arn, permissionSetName: `Set${set}`, attachedManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockReadOnly'], inlinePolicies: [], permissionsBoundaryArn: null });
    roleByArn.set(arn, { arn, accountId: accountId(account), environment: account % 3 === 0 ? 'prod' : 'nonprod', grants: grantsBySet[set], supportingGrants: [], exposure: SAML, reachAccountIds: [accountId(account)] });
  }
}

const time = <T>(label: string, run: () => T): T => {
  const started = performance.now();
  const result = run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
};
const mapped = time('map identity-center.json shape', () => mapIdentityCenter(raw));
if (!mapped.directory) throw new Error(mapped.problems.join('; '));
const directory = mapped.directory;
const model = time(`link ${roles.length} SSO roles`, () => linkPeopleToRoles(directory, roles));
console.log(`  ${model.personAssignments.length} person assignments, ${model.warnings.length} warnings`);
time('analyse every person', () => {
  const byUser = new Map<string, Array<string | null>>();
  for (const assignment of model.personAssignments) {
    const list = byUser.get(assignment.userId) ?? [];
    list.push(assignment.roleArn);
    byUser.set(assignment.userId, list);
  }
  const analyzer = createPersonAnalyzer(roleByArn.values(), DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
  for (const user of directory.users) analyzer.analyze(byUser.get(user.userId) ?? []);
  console.log(`  ${analyzer.distinctRoleSetCount} distinct role sets among ${directory.users.length} people`);
});
