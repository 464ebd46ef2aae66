import { managedPolicyCacheKey, type CompiledPolicy, type PolicyCompiler } from '../policy/compile-policy';
import type { AccountSnapshot, GrantPath, InlinePolicyFacts, ManagedPolicyFacts, OrganizationFacts, PrincipalFacts, SnapshotInput } from '../types';

/** An identity policy of a principal and how it reaches it (a GrantPath without the statement). */
export interface IdentityPolicyRef {
  policy: CompiledPolicy;
  path: Omit<GrantPath, 'statementId' | 'statementIndex'>;
}

/** A boundary or an SCP: a policy that gates, never grants. */
export interface GatePolicy {
  policy: CompiledPolicy;
  name: string;
  arn: string | null;
}

/** One level of the organisation path (root, OU, the account): at least one of its SCPs must allow. */
export interface ScpLevel {
  id: string;
  name: string;
  policies: GatePolicy[];
}

export interface AccountGates {
  accountId: string;
  /** Null when SCPs do not apply: no organisation data, or the management account. */
  scpLevels: ScpLevel[] | null;
  errors: string[];
  /**
   * Equal for accounts whose SCP levels apply the same policies the same way: the OU levels by
   * id, the account's own level by its policies only (its name appears in reports, see
   * `accountLevelLabel`).
   */
  signature: string;
  /** How an implicit denial by the account's own SCP level is reported; null without SCPs. */
  accountLevelLabel: string | null;
}

export interface ResolvedPrincipal {
  identity: IdentityPolicyRef[];
  boundary: GatePolicy | null;
  account: AccountGates;
  errors: string[];
  /** Principals with equal keys have equal access: the same policies reach them the same way in the same account. */
  accessKey: string;
  /**
   * The same, across accounts with the same SCP signature and the same policies (customer
   * managed ARNs compared without their account). Equal access up to the account in those ARNs,
   * unless a denial names the account's own SCP level: the evaluator checks that before sharing.
   */
  sharedAccessKey: string;
}

interface AccountIndex {
  snapshot: AccountSnapshot;
  managedPolicies: Map<string, ManagedPolicyFacts>;
  groups: Map<string, AccountSnapshot['groups'][number]>;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finds and compiles the policies that apply to a principal: its inline and attached managed
 * policies, those of its groups (users), its permissions boundary and the SCPs on its account's
 * organisation path. Anything missing or unparseable is recorded as an error and left out.
 */
export class PolicyResolver {
  private readonly accounts = new Map<string, AccountIndex>();
  private readonly gates = new Map<string, AccountGates>();

  constructor(
    private readonly snapshot: SnapshotInput,
    private readonly compiler: PolicyCompiler,
  ) {
    for (const account of snapshot.accounts) {
      this.accounts.set(account.accountId, {
        snapshot: account,
        managedPolicies: new Map(account.managedPolicies.map((policy) => [policy.arn, policy])),
        groups: new Map(account.groups.map((group) => [group.name, group])),
      });
    }
  }

  /** Resolves one principal; compiled policies are shared through the compiler's cache. */
  resolve(principal: PrincipalFacts): ResolvedPrincipal {
    const errors: string[] = [];
    const identity: IdentityPolicyRef[] = [];
    const account = this.accounts.get(principal.accountId);
    if (!account) errors.push(`account ${principal.accountId} is not in the snapshot: its managed policies and groups are unknown`);

    const addInline = (policies: InlinePolicyFacts[], attachedVia: 'direct' | 'group', groupName: string | null): void => {
      for (const inline of policies) {
        const policy = this.compileOrRecord(() => this.compiler.compileDocument(inline.document), `inline policy ${inline.name}${groupName ? ` of group ${groupName}` : ''}`, errors);
        if (policy) identity.push({ policy, path: { policyKind: 'inline', policyArn: null, policyName: inline.name, isAwsManaged: false, attachedVia, groupName } });
      }
    };
    const addManaged = (arns: string[], attachedVia: 'direct' | 'group', groupName: string | null): void => {
      for (const arn of arns) {
        const managed = this.compileManaged(account, arn, errors);
        if (managed) identity.push({ policy: managed.policy, path: { policyKind: 'managed', policyArn: arn, policyName: managed.facts.name, isAwsManaged: managed.facts.isAwsManaged, attachedVia, groupName } });
      }
    };

    addInline(principal.inlinePolicies, 'direct', null);
    addManaged(principal.attachedManagedPolicyArns, 'direct', null);
    if (principal.type === 'user') {
      for (const groupName of principal.groupNames) {
        const group = account?.groups.get(groupName);
        if (!group) {
          errors.push(`group ${groupName} is not in the snapshot: its policies are not evaluated`);
          continue;
        }
        addInline(group.inlinePolicies, 'group', groupName);
        addManaged(group.attachedManagedPolicyArns, 'group', groupName);
      }
    }

    let boundary: GatePolicy | null = null;
    if (principal.permissionsBoundaryArn) {
      const managed = this.compileManaged(account, principal.permissionsBoundaryArn, errors);
      if (managed) boundary = { policy: managed.policy, name: managed.facts.name, arn: principal.permissionsBoundaryArn };
      else errors.push(`permissions boundary ${principal.permissionsBoundaryArn} could not be applied: evaluated without it`);
    }

    const gates = this.accountGates(principal.accountId);
    // Customer managed policies carry the account in their ARN; with it abstracted, the same
    // policies deployed to every account (StackSets, Terraform modules) give one key.
    const arnOf = (arn: string | null) => (arn === null ? '' : withoutOwnAccount(arn, principal.accountId));
    const policiesKey = [
      boundary ? `${boundary.policy.key}\u0000${boundary.name}\u0000${arnOf(boundary.arn)}` : '-',
      ...identity.map((ref) => `${ref.policy.key}\u0000${ref.path.policyKind}\u0000${arnOf(ref.path.policyArn)}\u0000${ref.path.policyName}\u0000${ref.path.attachedVia}\u0000${ref.path.groupName}`),
      ...errors,
      ...gates.errors,
    ].join('\u0001');
    return {
      identity,
      boundary,
      account: gates,
      errors: [...errors, ...gates.errors],
      accessKey: `${principal.accountId}\u0002${policiesKey}`,
      sharedAccessKey: `${gates.signature}\u0002${policiesKey}`,
    };
  }

  private compileOrRecord(compile: () => CompiledPolicy, label: string, errors: string[]): CompiledPolicy | null {
    try {
      return compile();
    } catch (error) {
      errors.push(`${label}: ${errorMessage(error)}; evaluated without it`);
      return null;
    }
  }

  private compileManaged(account: AccountIndex | undefined, arn: string, errors: string[]): { policy: CompiledPolicy; facts: ManagedPolicyFacts } | null {
    const facts = account?.managedPolicies.get(arn);
    if (!facts) {
      errors.push(`managed policy ${arn} is not in the snapshot`);
      return null;
    }
    // One account's document object is shared by its principals; across accounts the ARN and version
    // (AWS managed policies) or the text (customer policies deployed everywhere) find the compiled one.
    const policy = this.compileOrRecord(
      () => this.compiler.compileDocument(facts.document, { stableKey: () => managedPolicyCacheKey(arn, facts.defaultVersionId) }),
      `managed policy ${facts.name}`,
      errors,
    );
    return policy ? { policy, facts } : null;
  }

  /** The SCP levels of an account, computed once per account. */
  accountGates(accountId: string): AccountGates {
    let gates = this.gates.get(accountId);
    if (!gates) {
      gates = computeAccountGates(accountId, this.snapshot.organization, this.compiler);
      this.gates.set(accountId, gates);
    }
    return gates;
  }
}

/**
 * SCP levels from the root to the account. The management account is not subject to SCPs;
 * without organisation data nothing is filtered. RCPs restrict resources, not identities, and
 * are not part of identity evaluation.
 */
function computeAccountGates(accountId: string, organization: OrganizationFacts | null, compiler: PolicyCompiler): AccountGates {
  if (!organization || organization.managementAccountId === accountId) return { accountId, scpLevels: null, errors: [], signature: 'no-scps', accountLevelLabel: null };
  const account = organization.accounts.find((candidate) => candidate.id === accountId);
  if (!account) {
    return { accountId, scpLevels: null, errors: [`account ${accountId} is not in the organisation data: SCPs are not applied`], signature: 'no-scps', accountLevelLabel: null };
  }
  const errors: string[] = [];
  const levels = [...account.ouPath, { id: account.id, name: account.name }].map((level) => {
    const policies: GatePolicy[] = [];
    for (const facts of organization.policies) {
      if (facts.kind !== 'scp' || !facts.targetIds.includes(level.id)) continue;
      try {
        // One organisation policy object serves every account: found by identity, compiled once.
        policies.push({ policy: compiler.compileDocument(facts.document), name: facts.name, arn: null });
      } catch (error) {
        errors.push(`SCP ${facts.name}: ${errorMessage(error)}; evaluated without it`);
      }
    }
    return { id: level.id, name: level.name, policies };
  });
  const signature = levels.map((level, index) => `${index === levels.length - 1 ? 'account' : level.id}:${level.policies.map((policy) => policy.policy.key).join(',')}`).join('\u0003');
  return { accountId, scpLevels: levels, errors, signature, accountLevelLabel: scpLevelLabel(levels[levels.length - 1]) };
}

/** `arn:aws:iam::111122223333:policy/x` → `arn:aws:iam::{account}:policy/x` for the principal's own account. */
export function withoutOwnAccount(arn: string, accountId: string): string {
  const prefixEnd = arn.indexOf(`:iam::${accountId}:`);
  return prefixEnd < 0 ? arn : `${arn.slice(0, prefixEnd)}:iam::{account}:${arn.slice(prefixEnd + accountId.length + 7)}`;
}

/** How a denial by an SCP level is reported (the policy name of an implicit SCP denial). */
export function scpLevelLabel(level: Pick<ScpLevel, 'id' | 'name'>): string {
  return `SCPs attached to ${level.name} (${level.id})`;
}
