import type {
  AuthorizationDetails,
  RawCredentialFile,
  RawAttachedPolicy,
  RawGroupDetail,
  RawManagedPolicyDetail,
  RawPermissionsBoundary,
  RawPolicyEmbedded,
  RawRoleDetail,
  RawTag,
  RawUserDetail,
} from '../../scanners/raw-types';
import { daysAgo, daysAhead } from './clock';
import type { CustomerPolicyDefinition } from './customer-policies';
import { loadAwsManagedPolicy, type AwsManagedPolicyName } from './managed-policies';
import { awsUniqueId, hashHex } from './random';

/** A managed policy reference: an AWS managed policy name or a customer policy definition. */
export type ManagedPolicyReference = AwsManagedPolicyName | CustomerPolicyDefinition;

/** Standing credentials of an IAM user, in days relative to the demo's "now". */
export interface UserCredentialPlan {
  console?: { lastUsedDaysAgo: number | null; hasMfa: boolean };
  accessKeys?: Array<{ ageDays: number; lastUsedDaysAgo: number | null; lastUsedService?: string; isActive?: boolean }>;
  /** Bedrock API keys: service-specific credentials for bedrock.amazonaws.com. Null expiry: never expires. */
  bedrockApiKeys?: Array<{ ageDays: number; expiresInDays: number | null; isActive?: boolean }>;
}

export interface UserInput {
  name: string;
  credentials?: UserCredentialPlan;
  path?: string;
  createdDaysAgo: number;
  groups?: string[];
  managed?: ManagedPolicyReference[];
  inline?: Array<{ name: string; document: Record<string, unknown> }>;
  boundary?: ManagedPolicyReference;
  tags?: Record<string, string>;
}

export interface RoleInput {
  name: string;
  path?: string;
  createdDaysAgo: number;
  trust: Record<string, unknown>;
  managed?: ManagedPolicyReference[];
  inline?: Array<{ name: string; document: Record<string, unknown> }>;
  boundary?: ManagedPolicyReference;
  tags?: Record<string, string>;
  /** Days since last use; null: never used (the CLI prints an empty RoleLastUsed). */
  lastUsedDaysAgo: number | null;
  lastUsedRegion?: string;
  description?: string;
  instanceProfile?: boolean;
}

export interface GroupInput {
  name: string;
  path?: string;
  createdDaysAgo: number;
  managed?: ManagedPolicyReference[];
  inline?: Array<{ name: string; document: Record<string, unknown> }>;
}

/** A stable time of day for an entity, so dates do not all fall on midnight. */
function createdAt(days: number, seedText: string): string {
  return daysAgo(days + parseInt(hashHex(seedText, 6), 16) / 0x1000000);
}

function toTags(tags: Record<string, string> | undefined): RawTag[] | undefined {
  if (!tags || Object.keys(tags).length === 0) return undefined;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function toEmbedded(inline: UserInput['inline']): RawPolicyEmbedded[] {
  return (inline ?? []).map((policy) => ({ PolicyName: policy.name, PolicyDocument: policy.document }));
}

/**
 * Collects the users, groups and roles of one account and prints them in the exact shape of
 * `aws iam get-account-authorization-details`. The `Policies` list holds only managed policies
 * in use (as the CLI's default filter shows AWS managed ones), with attachment counts computed
 * from what was actually attached.
 */
export class AccountBuilder {
  private readonly users: RawUserDetail[] = [];
  private readonly groups: RawGroupDetail[] = [];
  private readonly roles: RawRoleDetail[] = [];
  private readonly customerPolicies = new Map<string, CustomerPolicyDefinition>();
  private readonly awsPolicies = new Set<AwsManagedPolicyName>();
  private readonly names = new Set<string>();
  private readonly credentialPlans = new Map<string, UserCredentialPlan>();

  constructor(readonly accountId: string) {}

  get principalCount(): number {
    return this.users.length + this.roles.length;
  }

  hasPrincipal(name: string): boolean {
    return this.names.has(name);
  }

  private attach(reference: ManagedPolicyReference): RawAttachedPolicy {
    if (typeof reference === 'string') {
      const policy = loadAwsManagedPolicy(reference);
      this.awsPolicies.add(reference);
      return { PolicyName: policy.name, PolicyArn: policy.arn };
    }
    this.customerPolicies.set(reference.name, reference);
    return { PolicyName: reference.name, PolicyArn: this.customerPolicyArn(reference) };
  }

  private boundary(reference: ManagedPolicyReference | undefined): RawPermissionsBoundary | undefined {
    if (!reference) return undefined;
    return { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: this.attach(reference).PolicyArn };
  }

  private customerPolicyArn(definition: CustomerPolicyDefinition): string {
    return `arn:aws:iam::${this.accountId}:policy${definition.path}${definition.name}`;
  }

  /** Registers a customer policy that exists in the account even if nothing attaches it. */
  declarePolicy(definition: CustomerPolicyDefinition): void {
    this.customerPolicies.set(definition.name, definition);
  }

  private claimName(name: string): void {
    if (this.names.has(name)) throw new Error(`Duplicate principal name ${name} in account ${this.accountId}`);
    this.names.add(name);
  }

  addGroup(input: GroupInput): void {
    const path = input.path ?? '/';
    this.groups.push({
      Path: path,
      GroupName: input.name,
      GroupId: awsUniqueId('AGPA', `${this.accountId}/group/${input.name}`),
      Arn: `arn:aws:iam::${this.accountId}:group${path}${input.name}`,
      CreateDate: createdAt(input.createdDaysAgo, `${this.accountId}/group/${input.name}`),
      GroupPolicyList: toEmbedded(input.inline),
      AttachedManagedPolicies: (input.managed ?? []).map((reference) => this.attach(reference)),
    });
  }

  addUser(input: UserInput): void {
    this.claimName(input.name);
    const path = input.path ?? '/';
    const user: RawUserDetail = {
      Path: path,
      UserName: input.name,
      UserId: awsUniqueId('AIDA', `${this.accountId}/user/${input.name}`),
      Arn: `arn:aws:iam::${this.accountId}:user${path}${input.name}`,
      CreateDate: createdAt(input.createdDaysAgo, `${this.accountId}/user/${input.name}`),
      UserPolicyList: toEmbedded(input.inline),
      GroupList: input.groups ?? [],
      AttachedManagedPolicies: (input.managed ?? []).map((reference) => this.attach(reference)),
    };
    const boundary = this.boundary(input.boundary);
    if (boundary) user.PermissionsBoundary = boundary;
    const tags = toTags(input.tags);
    if (tags) user.Tags = tags;
    this.users.push(user);
    this.credentialPlans.set(input.name, input.credentials ?? {});
  }

  addRole(input: RoleInput): void {
    this.claimName(input.name);
    const path = input.path ?? '/';
    const roleId = awsUniqueId('AROA', `${this.accountId}/role/${input.name}`);
    const arn = `arn:aws:iam::${this.accountId}:role${path}${input.name}`;
    const createDate = createdAt(input.createdDaysAgo, `${this.accountId}/role/${input.name}`);
    const role: RawRoleDetail = {
      Path: path,
      RoleName: input.name,
      RoleId: roleId,
      Arn: arn,
      CreateDate: createDate,
      AssumeRolePolicyDocument: input.trust,
      InstanceProfileList: input.instanceProfile
        ? [
            {
              Path: '/',
              InstanceProfileName: input.name,
              InstanceProfileId: awsUniqueId('AIPA', `${this.accountId}/instance-profile/${input.name}`),
              Arn: `arn:aws:iam::${this.accountId}:instance-profile/${input.name}`,
              CreateDate: createDate,
              Roles: [{ Path: path, RoleName: input.name, RoleId: roleId, Arn: arn, CreateDate: createDate, AssumeRolePolicyDocument: input.trust }],
            },
          ]
        : [],
      RolePolicyList: toEmbedded(input.inline),
      AttachedManagedPolicies: (input.managed ?? []).map((reference) => this.attach(reference)),
    };
    const boundary = this.boundary(input.boundary);
    if (boundary) role.PermissionsBoundary = boundary;
    const tags = toTags(input.tags);
    if (tags) role.Tags = tags;
    role.RoleLastUsed = input.lastUsedDaysAgo === null ? {} : { LastUsedDate: daysAgo(input.lastUsedDaysAgo), Region: input.lastUsedRegion ?? 'us-east-1' };
    this.roles.push(role);
  }

  /** The account in CLI output shape; policy order is stable (by ARN) so output is deterministic. */
  build(): AuthorizationDetails {
    const attachmentCounts = new Map<string, number>();
    const boundaryCounts = new Map<string, number>();
    const count = (map: Map<string, number>, arn: string) => map.set(arn, (map.get(arn) ?? 0) + 1);
    for (const entity of [...this.users, ...this.groups, ...this.roles]) {
      for (const attached of entity.AttachedManagedPolicies ?? []) count(attachmentCounts, attached.PolicyArn);
    }
    for (const entity of [...this.users, ...this.roles]) {
      if (entity.PermissionsBoundary) count(boundaryCounts, entity.PermissionsBoundary.PermissionsBoundaryArn);
    }

    const policies: RawManagedPolicyDetail[] = [];
    for (const name of this.awsPolicies) {
      const policy = loadAwsManagedPolicy(name);
      policies.push({
        PolicyName: policy.name,
        PolicyId: awsUniqueId('ANPA', `aws-managed/${policy.name}`),
        Arn: policy.arn,
        Path: policy.path,
        DefaultVersionId: policy.versionId,
        AttachmentCount: attachmentCounts.get(policy.arn) ?? 0,
        PermissionsBoundaryUsageCount: boundaryCounts.get(policy.arn) ?? 0,
        IsAttachable: true,
        CreateDate: '2015-02-06T18:39:46+00:00',
        UpdateDate: policy.versionCreateDate,
        PolicyVersionList: [{ Document: policy.document, VersionId: policy.versionId, IsDefaultVersion: true, CreateDate: policy.versionCreateDate }],
      });
    }
    for (const definition of this.customerPolicies.values()) {
      const arn = this.customerPolicyArn(definition);
      const defaultIndex = definition.versions.length - 1;
      // The CLI lists versions newest first.
      const versions = definition.versions
        .map((version, index) => ({ Document: version.document, VersionId: `v${index + 1}`, IsDefaultVersion: index === defaultIndex, CreateDate: daysAgo(version.createdDaysAgo) }))
        .reverse();
      policies.push({
        PolicyName: definition.name,
        PolicyId: awsUniqueId('ANPA', `${this.accountId}/policy/${definition.name}`),
        Arn: arn,
        Path: definition.path,
        DefaultVersionId: `v${defaultIndex + 1}`,
        AttachmentCount: attachmentCounts.get(arn) ?? 0,
        PermissionsBoundaryUsageCount: boundaryCounts.get(arn) ?? 0,
        IsAttachable: true,
        Description: definition.description,
        CreateDate: daysAgo(definition.versions[0].createdDaysAgo),
        UpdateDate: daysAgo(definition.versions[defaultIndex].createdDaysAgo),
        PolicyVersionList: versions,
      });
    }
    policies.sort((left, right) => (left.Arn < right.Arn ? -1 : left.Arn > right.Arn ? 1 : 0));
    return { UserDetailList: this.users, GroupDetailList: this.groups, RoleDetailList: this.roles, Policies: policies };
  }

  /** The credential facts of every user, as `credentials/<accountId>.json` holds them. */
  buildCredentials(): RawCredentialFile {
    return {
      accountId: this.accountId,
      users: this.users.map((user) => {
        const plan = this.credentialPlans.get(user.UserName) ?? {};
        return {
          userName: user.UserName,
          passwordEnabled: plan.console !== undefined,
          passwordLastUsed: plan.console?.lastUsedDaysAgo != null ? daysAgo(plan.console.lastUsedDaysAgo) : null,
          mfaActive: plan.console?.hasMfa ?? false,
          accessKeys: (plan.accessKeys ?? []).map((key, index) => ({
            accessKeyId: awsUniqueId('AKIA', `${this.accountId}/access-key/${user.UserName}/${index}`, 20),
            status: key.isActive === false ? 'Inactive' : 'Active',
            createDate: daysAgo(key.ageDays),
            lastUsedDate: key.lastUsedDaysAgo === null ? null : daysAgo(key.lastUsedDaysAgo),
            lastUsedService: key.lastUsedDaysAgo === null ? null : (key.lastUsedService ?? 'bedrock'),
          })),
          serviceSpecificCredentials: (plan.bedrockApiKeys ?? []).map((key, index) => ({
            serviceSpecificCredentialId: awsUniqueId('ACCA', `${this.accountId}/bedrock-api-key/${user.UserName}/${index}`),
            serviceName: 'bedrock.amazonaws.com',
            status: key.isActive === false ? 'Inactive' : 'Active',
            createDate: daysAgo(key.ageDays),
            expirationDate: key.expiresInDays === null ? null : key.expiresInDays >= 0 ? daysAhead(key.expiresInDays) : daysAgo(-key.expiresInDays),
          })),
        };
      }),
    };
  }
}
