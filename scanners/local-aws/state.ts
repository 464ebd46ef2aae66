import type { RawControlsFile } from '../../lib/controls/raw-controls';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile, RawGroupDetail, RawManagedPolicyDetail, RawRoleDetail, RawUserDetail } from '../raw-types';
import { LocalAwsDataError, noSuchEntity } from './errors';
import type { LocalOrganizationData } from './organization-data';
import type { RawIdentityCenter } from '../raw-identity-center';

/**
 * The credential report of one account: IAM builds it asynchronously, so it is polled
 * (GenerateCredentialReport answers STARTED, then INPROGRESS, then COMPLETE). A report older than
 * four hours is expired: GetCredentialReport answers ReportExpired until a new one is generated.
 */
export type CredentialReportState = 'absent' | 'started' | 'inprogress' | 'complete';

/** How long IAM serves a credential report before ReportExpired. */
export const CREDENTIAL_REPORT_LIFETIME_MS = 4 * 60 * 60 * 1000;

/** The entity of `list` whose `nameKey` is `name`; NoSuchEntity as IAM words it for a user, role or group. */
function findByName<Entity, NameKey extends keyof Entity>(list: Entity[], nameKey: NameKey, name: string, entityKind: 'user' | 'role' | 'group'): Entity {
  const entity = list.find((candidate) => candidate[nameKey] === name);
  if (!entity) throw noSuchEntity(`The ${entityKind} with name ${name} cannot be found.`);
  return entity;
}

/** One account's mutable IAM data as the endpoint serves and mutates it. */
export class AccountState {
  credentialReport: CredentialReportState = 'absent';
  credentialReportGeneratedAt: Date | null = null;

  constructor(
    readonly accountId: string,
    readonly details: AuthorizationDetails,
    readonly credentials: RawCredentialFile | null,
  ) {}

  /** @throws AwsApiError NoSuchEntity, worded as IAM words it (likewise role and group). */
  user(userName: string): RawUserDetail {
    return findByName(this.details.UserDetailList, 'UserName', userName, 'user');
  }

  role(roleName: string): RawRoleDetail {
    return findByName(this.details.RoleDetailList, 'RoleName', roleName, 'role');
  }

  group(groupName: string): RawGroupDetail {
    return findByName(this.details.GroupDetailList, 'GroupName', groupName, 'group');
  }

  policy(policyArn: string): RawManagedPolicyDetail {
    const policy = this.details.Policies.find((candidate) => candidate.Arn === policyArn);
    if (!policy) throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
    return policy;
  }

  /**
   * The policy to attach or use as a boundary: the account's own, else an AWS managed policy from
   * the catalogue, which from then on appears in the account's details like IAM lists it.
   */
  attachablePolicy(policyArn: string, catalog: Map<string, RawManagedPolicyDetail>): RawManagedPolicyDetail {
    const existing = this.details.Policies.find((candidate) => candidate.Arn === policyArn);
    if (existing) return existing;
    const template = catalog.get(policyArn);
    if (!template) throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
    const policy = structuredClone(template);
    this.details.Policies.push(policy);
    return policy;
  }

  /** Credential facts of a user; users absent from the credentials file have none. */
  userCredentials(userName: string): RawCredentialFile['users'][number] | null {
    return this.credentials?.users.find((candidate) => candidate.userName === userName) ?? null;
  }
}

/** A session issued by AssumeRole, remembered so GetCallerIdentity can answer for it. */
export interface AssumedSession {
  accountId: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  /** Epoch milliseconds; calls signed with the session's key after it answer ExpiredToken. */
  expiresAt?: number;
}

/**
 * Who the base credentials (any key that is not a temporary one) belong to. Default: a user of the
 * management account. A scanner running in a security account as a delegated administrator is
 * modelled with that role's ARN (`arn:aws:iam::<acct>:role/<name>`).
 */
export interface BaseIdentity {
  accountId: string;
  /** The IAM ARN trust policies name: `arn:aws:iam::<acct>:user/<name>` or `...:role/<path/name>`. */
  principalArn: string;
}

/** The whole in-memory organisation. Tests may read it (and mutate it) between calls. */
export class LocalAwsState {
  readonly organization: OrganizationFile;
  readonly accounts = new Map<string, AccountState>();
  readonly sessions = new Map<string, AssumedSession>();
  /** Bedrock controls per account (served by bedrock.ts); accounts without a file have none configured. */
  readonly controls = new Map<string, RawControlsFile>();
  /** IAM Identity Center (people, groups, permission sets, assignments); null when the data has none. */
  readonly identityCenter: RawIdentityCenter | null;
  /** The endpoint's clock (epoch milliseconds): session expiry, report age. Tests may replace it. */
  now: () => number = Date.now;

  readonly baseIdentity: BaseIdentity;

  /**
   * @param managedPolicyCatalog AWS managed policies attachable although no account lists them.
   * @param basePrincipalArn who the base credentials are; default a user of the management account.
   */
  constructor(data: LocalOrganizationData, readonly managedPolicyCatalog: Map<string, RawManagedPolicyDetail> = new Map(), basePrincipalArn?: string) {
    // A deep copy: mutations through the API must never leak into the caller's objects.
    const copy = structuredClone(data);
    this.organization = copy.organization;
    this.identityCenter = copy.identityCenter ?? null;
    const principalArn = basePrincipalArn ?? `arn:aws:iam::${copy.organization.organization.managementAccountId}:user/local-aws-admin`;
    const accountId = /^arn:aws:iam::(\d{12}):(user|role)\//.exec(principalArn)?.[1];
    if (!accountId) throw new LocalAwsDataError(`The base identity ${principalArn} is not an IAM user or role ARN`);
    this.baseIdentity = { accountId, principalArn };
    for (const [accountId, file] of Object.entries(copy.controls ?? {})) this.controls.set(accountId, file);
    for (const [accountId, account] of Object.entries(copy.accounts)) {
      this.accounts.set(accountId, new AccountState(accountId, account.details, account.credentials));
    }
  }

  get managementAccountId(): string {
    return this.organization.organization.managementAccountId;
  }

  /** @throws AwsApiError when the account is not part of the organisation. */
  account(accountId: string): AccountState {
    const account = this.accounts.get(accountId);
    if (!account) throw noSuchEntity(`Account ${accountId} is not served by this endpoint.`);
    return account;
  }
}
