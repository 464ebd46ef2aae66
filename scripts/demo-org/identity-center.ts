import type { RawAccountAssignment, RawIdentityCenter, RawIdentityCenterFile, RawIdentityStoreGroup, RawIdentityStoreUser, RawPermissionSet } from '../../scanners/raw-identity-center';
import type { AuthorizationDetails } from '../../scanners/raw-types';
import { hashHex } from './random';

/**
 * The Identity Center behind the demo's `AWSReservedSSO_*` roles (#14): about 40 people in
 * groups (some in several groups, some assigned directly), one person assigned in 6 accounts, one
 * group that holds an assignment but has no members, and a permission set provisioned in an
 * account where nobody is assigned it any more. Permission sets are read back from the roles the
 * generator wrote, so the set and its roles agree (no drift) by construction.
 */

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;
const IDENTITY_STORE_ID = `d-${hashHex('northwind-identity-store', 10)}`;
const INSTANCE_ID = `ssoins-${hashHex('northwind-identity-center', 16)}`;
const INSTANCE_ARN = `arn:aws:sso:::instance/${INSTANCE_ID}`;
const OKTA_ISSUER = 'https://northwind.okta.example/scim/v2';

/** A stable identity store id (UUID form, as Identity Center issues them) from a seed text. */
function storeUuid(seed: string): string {
  const hex = hashHex(`identity-store/${seed}`, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function permissionSetArn(name: string): string {
  return `arn:aws:sso:::permissionSet/${INSTANCE_ID}/ps-${hashHex(`permission-set/${name}`, 16)}`;
}

/** The people: user name (the email's local part), display name, email domain. */
const PEOPLE: Array<[userName: string, displayName: string, domain?: string]> = [
  ['maya', 'Maya Chen', 'example.com'],
  ['liam', 'Liam Walsh', 'example.com'],
  ['sofia', 'Sofia Rossi', 'example.com'],
  ['noah', 'Noah Kim', 'example.com'],
  ['priya', 'Priya Nair', 'example.com'],
  ['ethan', 'Ethan Brooks', 'example.com'],
  ['omar.haddad', 'Omar Haddad'],
  ['grace.obi', 'Grace Obi'],
  ['lucas.meyer', 'Lucas Meyer'],
  ['aiko.tanaka', 'Aiko Tanaka'],
  ['daniel.silva', 'Daniel Silva'],
  ['hannah.berg', 'Hannah Berg'],
  ['ravi.patel', 'Ravi Patel'],
  ['emma.dubois', 'Emma Dubois'],
  ['jonas.lind', 'Jonas Lind'],
  ['fatima.zahra', 'Fatima Zahra'],
  ['kenji.mori', 'Kenji Mori'],
  ['olivia.grant', 'Olivia Grant'],
  ['mateo.garcia', 'Mateo Garcia'],
  ['chloe.martin', 'Chloe Martin'],
  ['samir.khan', 'Samir Khan'],
  ['ingrid.holm', 'Ingrid Holm'],
  ['tom.becker', 'Tom Becker'],
  ['nadia.petrov', 'Nadia Petrov'],
  ['yusuf.demir', 'Yusuf Demir'],
  ['lea.fischer', 'Lea Fischer'],
  ['arjun.rao', 'Arjun Rao'],
  ['zoe.clark', 'Zoe Clark'],
  ['marco.bianchi', 'Marco Bianchi'],
  ['sara.lund', 'Sara Lund'],
  ['ben.adams', 'Ben Adams'],
  ['mei.wong', 'Mei Wong'],
  ['pablo.ruiz', 'Pablo Ruiz'],
  ['anna.kowalski', 'Anna Kowalski'],
  ['victor.hugo', 'Victor Hugo'],
  ['julia.novak', 'Julia Novak'],
  ['kwame.mensah', 'Kwame Mensah'],
  ['elena.sokolova', 'Elena Sokolova'],
  ['tariq.aziz', 'Tariq Aziz'],
  ['ruth.levi', 'Ruth Levi'],
];

/** Groups and their members (user names). `LegacyContractors` keeps an assignment and has nobody in it. */
const GROUPS: Array<{ name: string; description: string; members: string[] }> = [
  { name: 'CloudPlatformAdmins', description: 'Landing zone administrators', members: ['omar.haddad', 'grace.obi'] },
  { name: 'PlatformEngineers', description: 'Platform engineering (CI, networking, shared services)', members: ['noah', 'lucas.meyer', 'tom.becker', 'ben.adams'] },
  { name: 'SecurityTeam', description: 'Security engineering and incident response', members: ['ethan', 'hannah.berg', 'yusuf.demir', 'ingrid.holm'] },
  { name: 'Auditors', description: 'Internal audit (read-only)', members: ['ruth.levi', 'victor.hugo'] },
  { name: 'Finance', description: 'FinOps and billing', members: ['julia.novak', 'pablo.ruiz'] },
  { name: 'GenAIDevelopers', description: 'Application teams building on Bedrock', members: ['sofia', 'aiko.tanaka', 'daniel.silva', 'emma.dubois', 'jonas.lind', 'mateo.garcia', 'chloe.martin', 'samir.khan', 'zoe.clark', 'marco.bianchi'] },
  { name: 'GenAIProdSupport', description: 'On-call for the GenAI applications in production', members: ['sofia', 'daniel.silva', 'kenji.mori', 'olivia.grant'] },
  { name: 'ProdOperators', description: 'Production operations', members: ['kenji.mori', 'tom.becker', 'anna.kowalski'] },
  { name: 'DataScientists', description: 'Data science', members: ['liam', 'priya', 'ravi.patel', 'fatima.zahra', 'nadia.petrov', 'arjun.rao', 'sara.lund', 'mei.wong'] },
  { name: 'MLPlatform', description: 'ML platform team', members: ['maya', 'lea.fischer', 'kwame.mensah'] },
  { name: 'AgentBuilders', description: 'Agent and knowledge-base builders', members: ['aiko.tanaka', 'emma.dubois', 'elena.sokolova', 'tariq.aziz', 'samir.khan'] },
  { name: 'SandboxUsers', description: 'Hackathon and experimentation sandboxes', members: ['elena.sokolova', 'tariq.aziz', 'zoe.clark', 'marco.bianchi', 'ben.adams', 'anna.kowalski'] },
  { name: 'LegacyContractors', description: 'Former contractor team; everyone was removed, the assignment was not', members: [] },
];

type Principal = { group: string } | { user: string };

/** Who is assigned which permission set in which account (by account id). */
const ASSIGNMENTS: Array<{ accountId: string; permissionSet: string; to: Principal[] }> = [
  // northwind-management
  { accountId: '210987654321', permissionSet: 'AdministratorAccess', to: [{ group: 'CloudPlatformAdmins' }] },
  { accountId: '210987654321', permissionSet: 'ReadOnlyAccess', to: [{ group: 'Finance' }, { group: 'Auditors' }] },
  { accountId: '210987654321', permissionSet: 'BillingReadOnly', to: [{ group: 'Finance' }] },
  // security-tooling
  { accountId: '318274650192', permissionSet: 'AdministratorAccess', to: [{ group: 'CloudPlatformAdmins' }] },
  { accountId: '318274650192', permissionSet: 'SecurityAudit', to: [{ group: 'SecurityTeam' }, { group: 'Auditors' }] },
  { accountId: '318274650192', permissionSet: 'SecurityAdmin', to: [{ group: 'SecurityTeam' }, { user: 'ethan' }] },
  // log-archive
  { accountId: '427381920374', permissionSet: 'AdministratorAccess', to: [{ group: 'CloudPlatformAdmins' }] },
  { accountId: '427381920374', permissionSet: 'SecurityAudit', to: [{ group: 'SecurityTeam' }] },
  { accountId: '427381920374', permissionSet: 'ViewOnlyAccess', to: [{ group: 'Auditors' }] },
  // prod-platform
  { accountId: '539182736450', permissionSet: 'AdministratorAccess', to: [{ user: 'omar.haddad' }] },
  { accountId: '539182736450', permissionSet: 'PowerUserAccess', to: [{ group: 'ProdOperators' }] },
  { accountId: '539182736450', permissionSet: 'ReadOnlyAccess', to: [{ group: 'GenAIProdSupport' }] },
  { accountId: '539182736450', permissionSet: 'BedrockDeveloper', to: [{ group: 'GenAIProdSupport' }] },
  { accountId: '539182736450', permissionSet: 'SecurityAudit', to: [{ group: 'SecurityTeam' }] },
  { accountId: '539182736450', permissionSet: 'BedrockReadOnly', to: [{ group: 'Auditors' }] },
  // prod-genai-apps
  { accountId: '641829374651', permissionSet: 'AdministratorAccess', to: [{ user: 'omar.haddad' }] },
  { accountId: '641829374651', permissionSet: 'PowerUserAccess', to: [{ group: 'ProdOperators' }] },
  { accountId: '641829374651', permissionSet: 'ReadOnlyAccess', to: [{ group: 'GenAIProdSupport' }] },
  { accountId: '641829374651', permissionSet: 'BedrockDeveloper', to: [{ group: 'GenAIProdSupport' }] },
  { accountId: '641829374651', permissionSet: 'SecurityAudit', to: [{ group: 'SecurityTeam' }] },
  { accountId: '641829374651', permissionSet: 'BedrockReadOnly', to: [{ group: 'Auditors' }] },
  // staging-genai
  { accountId: '752930184726', permissionSet: 'AdministratorAccess', to: [{ group: 'PlatformEngineers' }] },
  { accountId: '752930184726', permissionSet: 'PowerUserAccess', to: [{ group: 'LegacyContractors' }] },
  { accountId: '752930184726', permissionSet: 'BedrockDeveloper', to: [{ group: 'GenAIDevelopers' }] },
  { accountId: '752930184726', permissionSet: 'DataScientist', to: [{ group: 'DataScientists' }] },
  { accountId: '752930184726', permissionSet: 'AgentBuilder', to: [{ group: 'AgentBuilders' }] },
  // dev-genai
  { accountId: '863019283746', permissionSet: 'AdministratorAccess', to: [{ group: 'PlatformEngineers' }] },
  { accountId: '863019283746', permissionSet: 'PowerUserAccess', to: [{ user: 'jonas.lind' }] },
  { accountId: '863019283746', permissionSet: 'BedrockDeveloper', to: [{ group: 'GenAIDevelopers' }] },
  { accountId: '863019283746', permissionSet: 'DataScientist', to: [{ group: 'DataScientists' }] },
  { accountId: '863019283746', permissionSet: 'AgentBuilder', to: [{ group: 'AgentBuilders' }, { user: 'sofia' }] },
  // sandbox-data-science: AdministratorAccess stays provisioned, nobody is assigned it any more.
  { accountId: '974102938475', permissionSet: 'DataScientist', to: [{ group: 'SandboxUsers' }] },
  { accountId: '974102938475', permissionSet: 'BedrockMantleUser', to: [{ group: 'SandboxUsers' }] },
  // sandbox-hackathon
  { accountId: '185920374618', permissionSet: 'AdministratorAccess', to: [{ group: 'PlatformEngineers' }] },
  { accountId: '185920374618', permissionSet: 'DataScientist', to: [{ group: 'SandboxUsers' }] },
  // A security engineer trying models in the hackathon sandbox: with SecurityAdmin (govern) elsewhere,
  // a separation-of-duties conflict that only the person, not any one role, has.
  { accountId: '185920374618', permissionSet: 'BedrockMantleUser', to: [{ group: 'SandboxUsers' }, { user: 'yusuf.demir' }] },
  // shared-ml-platform
  { accountId: '296031847562', permissionSet: 'AdministratorAccess', to: [{ user: 'omar.haddad' }] },
  { accountId: '296031847562', permissionSet: 'MLPlatformAdmin', to: [{ group: 'MLPlatform' }] },
  { accountId: '296031847562', permissionSet: 'BedrockReadOnly', to: [{ group: 'DataScientists' }] },
  { accountId: '296031847562', permissionSet: 'DataScientist', to: [{ group: 'DataScientists' }] },
  // shared-ml-data
  { accountId: '307142958673', permissionSet: 'AdministratorAccess', to: [{ group: 'MLPlatform' }] },
  { accountId: '307142958673', permissionSet: 'MLPlatformAdmin', to: [{ group: 'MLPlatform' }] },
  { accountId: '307142958673', permissionSet: 'BedrockReadOnly', to: [{ group: 'DataScientists' }] },
  { accountId: '307142958673', permissionSet: 'DataScientist', to: [{ user: 'priya' }] },
];

const PERMISSION_SET_DESCRIPTIONS: Record<string, string> = {
  AdministratorAccess: 'Full administrator (break-glass and landing zone)',
  BedrockDeveloper: 'Invoke approved Bedrock models through a guardrail',
  DataScientist: 'Bedrock and SageMaker Canvas for data science',
  MLPlatformAdmin: 'Runs the ML platform: Bedrock and IAM administration',
};

export function permissionSetFromRole(name: string, details: AuthorizationDetails, roleName: string): RawPermissionSet {
  const role = details.RoleDetailList.find((candidate) => candidate.RoleName === roleName);
  if (!role) throw new Error(`role ${roleName} vanished`);
  const attached = role.AttachedManagedPolicies ?? [];
  const managed = attached.filter((policy) => policy.PolicyArn.startsWith('arn:aws:iam::aws:policy/'));
  const customer = attached.filter((policy) => !policy.PolicyArn.startsWith('arn:aws:iam::aws:policy/'));
  const inline = (role.RolePolicyList ?? []).find((policy) => policy.PolicyName === 'AwsSSOInlinePolicy');
  return {
    Name: name,
    PermissionSetArn: permissionSetArn(name),
    ...(PERMISSION_SET_DESCRIPTIONS[name] ? { Description: PERMISSION_SET_DESCRIPTIONS[name] } : {}),
    SessionDuration: name === 'AdministratorAccess' ? 'PT1H' : 'PT8H',
    InlinePolicy: inline ? (typeof inline.PolicyDocument === 'string' ? decodeURIComponent(inline.PolicyDocument) : JSON.stringify(inline.PolicyDocument)) : '',
    AttachedManagedPolicies: managed.map((policy) => ({ Name: policy.PolicyName, Arn: policy.PolicyArn })),
    CustomerManagedPolicyReferences: customer.map((policy) => {
      const path = policy.PolicyArn.replace(/^arn:aws:iam::\d{12}:policy/, '');
      return { Name: policy.PolicyName, Path: path.slice(0, path.length - policy.PolicyName.length) };
    }),
    PermissionsBoundary: null,
  };
}

/**
 * Builds `identity-center.json` for the committed demo from its generated accounts. Throws when an
 * assignment names a permission set that no account has as a role (the plan and the recipes
 * must agree).
 */
export function generateIdentityCenter(accounts: Array<{ accountId: string; authorizationDetails: AuthorizationDetails }>): RawIdentityCenterFile {
  const permissionSets = new Map<string, RawPermissionSet>();
  for (const account of accounts) {
    for (const role of account.authorizationDetails.RoleDetailList) {
      const name = SSO_ROLE.exec(role.RoleName)?.[1];
      if (name && role.Path.startsWith('/aws-reserved/sso.amazonaws.com/') && !permissionSets.has(name)) permissionSets.set(name, permissionSetFromRole(name, account.authorizationDetails, role.RoleName));
    }
  }
  const users: RawIdentityStoreUser[] = PEOPLE.map(([userName, displayName, domain]) => {
    const [givenName, ...family] = displayName.split(' ');
    const email = domain ? `${userName}@${domain}` : `${userName}@northwind.example`;
    return {
      UserName: email,
      UserId: storeUuid(`user/${userName}`),
      ExternalIds: [{ Issuer: OKTA_ISSUER, Id: `00u${hashHex(`okta/${userName}`, 17)}` }],
      Name: { Formatted: displayName, FamilyName: family.join(' '), GivenName: givenName },
      DisplayName: displayName,
      Emails: [{ Value: email, Type: 'work', Primary: true }],
    };
  });
  const userIdByName = new Map(PEOPLE.map(([userName]) => [userName, storeUuid(`user/${userName}`)]));
  const groups: RawIdentityStoreGroup[] = GROUPS.map((group) => ({ GroupId: storeUuid(`group/${group.name}`), DisplayName: group.name, Description: group.description }));
  const memberships = GROUPS.flatMap((group) =>
    group.members.map((member) => {
      const userId = userIdByName.get(member);
      if (!userId) throw new Error(`group ${group.name} names unknown person ${member}`);
      return { GroupId: storeUuid(`group/${group.name}`), MembershipId: storeUuid(`membership/${group.name}/${member}`), MemberId: { UserId: userId } };
    }),
  );
  const accountIds = new Set(accounts.map((account) => account.accountId));
  const assignments: RawAccountAssignment[] = ASSIGNMENTS.filter((assignment) => accountIds.has(assignment.accountId)).flatMap((assignment) => {
    const set = permissionSets.get(assignment.permissionSet);
    if (!set) throw new Error(`no account has a role for permission set ${assignment.permissionSet}`);
    return assignment.to.map((principal): RawAccountAssignment => {
      if ('group' in principal) return { AccountId: assignment.accountId, PermissionSetArn: set.PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: storeUuid(`group/${principal.group}`) };
      const userId = userIdByName.get(principal.user);
      if (!userId) throw new Error(`assignment names unknown person ${principal.user}`);
      return { AccountId: assignment.accountId, PermissionSetArn: set.PermissionSetArn, PrincipalType: 'USER', PrincipalId: userId };
    });
  });
  const identityCenter: RawIdentityCenter = {
    InstanceArn: INSTANCE_ARN,
    IdentityStoreId: IDENTITY_STORE_ID,
    Users: users,
    Groups: groups,
    GroupMemberships: memberships,
    PermissionSets: [...permissionSets.values()].sort((left, right) => left.Name.localeCompare(right.Name)),
    AccountAssignments: assignments,
  };
  return { IdentityCenter: identityCenter };
}
