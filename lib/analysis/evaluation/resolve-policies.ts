import { managedPolicyCacheKey, type CompiledPolicy, type PolicyCompiler } from '../policy/compile-policy';
import { createPrincipalContext, type PrincipalContext } from './principal-facts';
import { accountIdPattern } from './rebase-access';
import { specializePolicy } from './specialize-policy';
import type { AccountSnapshot, GrantPath, InlinePolicyFacts, ManagedPolicyFacts, OrganizationFacts, PrincipalFacts, SnapshotInput } from '../types';

/** An identity policy of a principal and how it reaches it (a GrantPath without the statement). */
export interface IdentityPolicyRef {
  policy: CompiledPolicy;
  path: Omit<GrantPath, 'statementId' | 'statementIndex'>;
  /** The policy's key in caches shared across accounts (see `ResolvedPrincipal.sharedAccessKey`). */
  sharedKey: string;
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
  /**
   * False when an SCP on the path names this account's id or has a wildcard next to a digit:
   * results of other accounts cannot then be renamed to this one (see `portableKey`).
   */
  allowsRenaming: boolean;
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
  /** The boundary's key in caches shared across accounts; null without a boundary. */
  boundarySharedKey: string | null;
  account: AccountGates;
  errors: string[];
  /** Principals with equal keys have equal access: the same policies reach them the same way in the same account. */
  accessKey: string;
  /**
   * The same, across accounts with the same SCP signature and the same policies, compared
   * without the account's own id: in customer managed ARNs always, and in the documents when
   * renaming is safe (see `portableKey`). Equal access up to the account id, unless a denial
   * names the account's own SCP level: the evaluator checks that before sharing.
   */
  sharedAccessKey: string;
}

/** What a policy's text says about comparing it across accounts (see `portableKey`). */
interface PortableText {
  /** The text with the account id replaced, as a short key; the exact key when the id is absent. */
  key: string;
  isRenamed: boolean;
  /** No wildcard next to a digit or the account id, and no URL encoding that could hide one. */
  isSafe: boolean;
}

/** A wildcard next to a digit or a replaced account id: `*1*` or `bucket-<id>*` can tell accounts apart. */
const WILDCARD_BY_DIGIT = /[\d\u0001][*?]|[*?][\d\u0001]/;

/** A text no account id renaming can misread: nothing URL-encoded (which could hide a wildcard), no placeholder, no wildcard by a digit. */
function isSafeToRenameAround(text: string | undefined): text is string {
  return text !== undefined && !text.includes('%') && !text.includes('\u0001') && !WILDCARD_BY_DIGIT.test(text);
}

/**
 * Whether a document can be compared across accounts with its own account id replaced.
 * Renaming account A to B everywhere keeps every decision of the evaluation when each literal
 * digit run is compared only as a whole (the id is replaced only where it stands as a whole
 * number, and no wildcard touches a digit): the same policies deployed to every account with
 * the account in their ARNs (StackSets, Terraform modules) then give one key.
 */
function portableText(text: string | undefined, exactKey: string, accountId: string, keyOfNormalized: (normalized: string) => string): PortableText {
  if (!isSafeToRenameAround(text)) return { key: exactKey, isRenamed: false, isSafe: false };
  const normalized = text.includes(accountId) ? text.replace(accountIdPattern(accountId), '\u0001') : text;
  if (normalized === text) return { key: exactKey, isRenamed: false, isSafe: true };
  // The placeholder stands for digits: a wildcard next to it is as unsafe as one next to a digit.
  return { key: keyOfNormalized(normalized), isRenamed: true, isSafe: !WILDCARD_BY_DIGIT.test(normalized) };
}

interface ManagedPolicyRef {
  policy: CompiledPolicy;
  facts: ManagedPolicyFacts;
}

interface AccountIndex {
  snapshot: AccountSnapshot;
  /** Per compiled policy, its portable text in this account (computed once per account). */
  portable: Map<CompiledPolicy, PortableText>;
  /** Managed policies by ARN, compiled once per account (or why they could not be). */
  compiledManaged: Map<string, ManagedPolicyRef | { error: string }>;
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
  private readonly normalizedKeys = new Map<string, string>();
  private readonly specializedGates = new Map<string, AccountGates>();

  constructor(
    private readonly snapshot: SnapshotInput,
    private readonly compiler: PolicyCompiler,
  ) {
    for (const account of snapshot.accounts) {
      this.accounts.set(account.accountId, {
        snapshot: account,
        portable: new Map(),
        compiledManaged: new Map(),
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

    this.addInline(identity, errors, principal.inlinePolicies, 'direct', null);
    this.addManaged(identity, errors, account, principal.attachedManagedPolicyArns, 'direct', null);
    if (principal.type === 'user') {
      for (const groupName of principal.groupNames) {
        const group = account?.groups.get(groupName);
        if (!group) {
          errors.push(`group ${groupName} is not in the snapshot: its policies are not evaluated`);
          continue;
        }
        this.addInline(identity, errors, group.inlinePolicies, 'group', groupName);
        this.addManaged(identity, errors, account, group.attachedManagedPolicyArns, 'group', groupName);
      }
    }

    let boundary: GatePolicy | null = null;
    if (principal.permissionsBoundaryArn) {
      const managed = this.compileManaged(account, principal.permissionsBoundaryArn, errors);
      if (managed) boundary = { policy: managed.policy, name: managed.facts.name, arn: principal.permissionsBoundaryArn };
      else errors.push(`permissions boundary ${principal.permissionsBoundaryArn} could not be applied: evaluated without it`);
    }

    let gates = this.accountGates(principal.accountId);
    let boundarySharedKey = boundary ? boundary.policy.key : null;
    if (account && gates.allowsRenaming) {
      // Renamed keys only when every document of the principal (and every SCP) allows it: one
      // `*1*` pattern left as written could match this account's id and not another's.
      const texts = identity.map((ref) => this.portableKey(account, principal.accountId, ref.policy));
      const boundaryText = boundary ? this.portableKey(account, principal.accountId, boundary.policy) : null;
      const all = boundaryText ? [boundaryText, ...texts] : texts;
      if (all.some((text) => text.isRenamed) && all.every((text) => text.isSafe)) {
        identity.forEach((ref, index) => (ref.sharedKey = texts[index].key));
        if (boundaryText) boundarySharedKey = boundaryText.key;
      }
    }
    // Conditions on facts of the principal (aws:PrincipalArn, aws:PrincipalTag/...) are decided
    // here: the policies become this principal's, keyed by their decisions (specialize-policy.ts).
    let context: PrincipalContext | null = null;
    const contextOf = (): PrincipalContext => (context ??= createPrincipalContext(principal, this.snapshot.organization));
    for (const ref of identity) {
      if (ref.policy.principalFactConditionCount === 0) continue;
      const specialized = specializePolicy(ref.policy, contextOf());
      if (specialized.vector === '') continue;
      ref.policy = specialized.policy;
      ref.sharedKey = `${ref.sharedKey}?${specialized.vector}`;
    }
    if (boundary && boundary.policy.principalFactConditionCount > 0) {
      const specialized = specializePolicy(boundary.policy, contextOf());
      if (specialized.vector !== '') {
        boundary = { ...boundary, policy: specialized.policy };
        boundarySharedKey = `${boundarySharedKey}?${specialized.vector}`;
      }
    }
    const baseGates = gates;
    gates = this.specializeGates(gates, contextOf);
    // Customer managed policies carry the account in their ARN; with it abstracted, the same
    // policies deployed to every account (StackSets, Terraform modules) give one key. Within one
    // account a renamed key stands for exactly one text, so the same key serves the local cache.
    const accountId = principal.accountId;
    const policiesKey = [
      boundary ? `${boundarySharedKey}\u0000${boundary.name}\u0000${portableArn(boundary.arn, accountId)}` : '-',
      ...identity.map((ref) => `${ref.sharedKey}\u0000${ref.path.policyKind}\u0000${portableArn(ref.path.policyArn, accountId)}\u0000${ref.path.policyName}\u0000${ref.path.attachedVia}\u0000${ref.path.groupName}`),
      ...errors,
      ...gates.errors,
    ].join('\u0001');
    return {
      identity,
      boundary,
      boundarySharedKey,
      account: gates,
      errors: [...errors, ...gates.errors],
      // SCPs specialised to the principal differ between principals of one account: their keys join.
      accessKey: `${principal.accountId}\u0002${policiesKey}${gates === baseGates ? '' : `\u0005${gates.signature}`}`,
      sharedAccessKey: `${gates.signature}\u0002${policiesKey}`,
    };
  }

  /** The portable text of a policy in one account, computed once per (account, policy). */
  private portableKey(account: AccountIndex, accountId: string, policy: CompiledPolicy): PortableText {
    let portable = account.portable.get(policy);
    if (!portable) {
      portable = portableText(this.compiler.textOf(policy), policy.key, accountId, (normalized) => {
        let key = this.normalizedKeys.get(normalized);
        if (key === undefined) {
          key = `~${this.normalizedKeys.size + 1}`;
          this.normalizedKeys.set(normalized, key);
        }
        return key;
      });
      account.portable.set(policy, portable);
    }
    return portable;
  }

  // Methods rather than closures inside resolve(): it runs once per principal.
  private addInline(identity: IdentityPolicyRef[], errors: string[], policies: InlinePolicyFacts[], attachedVia: 'direct' | 'group', groupName: string | null): void {
    for (const inline of policies) {
      let policy: CompiledPolicy;
      try {
        policy = this.compiler.compileDocument(inline.document);
      } catch (error) {
        errors.push(`inline policy ${inline.name}${groupName ? ` of group ${groupName}` : ''}: ${errorMessage(error)}; evaluated without it`);
        continue;
      }
      identity.push({ policy, path: { policyKind: 'inline', policyArn: null, policyName: inline.name, isAwsManaged: false, attachedVia, groupName }, sharedKey: policy.key });
    }
  }

  private addManaged(identity: IdentityPolicyRef[], errors: string[], account: AccountIndex | undefined, arns: string[], attachedVia: 'direct' | 'group', groupName: string | null): void {
    for (const arn of arns) {
      const managed = this.compileManaged(account, arn, errors);
      if (managed) identity.push({ policy: managed.policy, path: { policyKind: 'managed', policyArn: arn, policyName: managed.facts.name, isAwsManaged: managed.facts.isAwsManaged, attachedVia, groupName }, sharedKey: managed.policy.key });
    }
  }

  private compileManaged(account: AccountIndex | undefined, arn: string, errors: string[]): ManagedPolicyRef | null {
    if (!account) {
      errors.push(`managed policy ${arn} is not in the snapshot`);
      return null;
    }
    let compiled = account.compiledManaged.get(arn);
    if (!compiled) {
      compiled = compileManagedPolicy(this.compiler, account.managedPolicies.get(arn), arn);
      account.compiledManaged.set(arn, compiled);
    }
    if ('error' in compiled) {
      errors.push(compiled.error);
      return null;
    }
    return compiled;
  }

  /**
   * The account's SCP levels with conditions on the principal's facts decided; the account's own
   * gates when no SCP has such a condition. Principals with the same decisions share one copy.
   */
  private specializeGates(gates: AccountGates, contextOf: () => PrincipalContext): AccountGates {
    if (!gates.scpLevels || !gates.scpLevels.some((level) => level.policies.some((gate) => gate.policy.principalFactConditionCount > 0))) return gates;
    const vectors: string[] = [];
    const levels = gates.scpLevels.map((level) => ({
      ...level,
      policies: level.policies.map((gate) => {
        if (gate.policy.principalFactConditionCount === 0) return gate;
        const specialized = specializePolicy(gate.policy, contextOf());
        vectors.push(specialized.vector);
        return specialized.vector === '' ? gate : { ...gate, policy: specialized.policy };
      }),
    }));
    if (vectors.every((vector) => vector === '')) return gates;
    const cacheKey = `${gates.accountId}\u0000${vectors.join('\u0001')}`;
    let cached = this.specializedGates.get(cacheKey);
    if (!cached) {
      cached = { ...gates, scpLevels: levels, signature: scpSignature(levels) };
      this.specializedGates.set(cacheKey, cached);
    }
    return cached;
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
  if (!organization || organization.managementAccountId === accountId) return { accountId, scpLevels: null, allowsRenaming: true, errors: [], signature: 'no-scps', accountLevelLabel: null };
  const account = organization.accounts.find((candidate) => candidate.id === accountId);
  if (!account) {
    return { accountId, scpLevels: null, allowsRenaming: true, errors: [`account ${accountId} is not in the organisation data: SCPs are not applied`], signature: 'no-scps', accountLevelLabel: null };
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
  const signature = scpSignature(levels);
  const allowsRenaming = levels.every((level) =>
    level.policies.every((gate) => {
      const text = compiler.textOf(gate.policy);
      return isSafeToRenameAround(text) && !text.includes(accountId);
    }),
  );
  return { accountId, scpLevels: levels, allowsRenaming, errors, signature, accountLevelLabel: scpLevelLabel(levels[levels.length - 1]) };
}

/** Equal for accounts whose levels apply the same policies (the account's own level by its policies only). */
function scpSignature(levels: ScpLevel[]): string {
  return levels.map((level, index) => `${index === levels.length - 1 ? 'account' : level.id}:${level.policies.map((policy) => policy.policy.key).join(',')}`).join('\u0003');
}

/** A managed policy of one account, compiled; or the error to record for every principal holding it. */
function compileManagedPolicy(compiler: PolicyCompiler, facts: ManagedPolicyFacts | undefined, arn: string): ManagedPolicyRef | { error: string } {
  if (!facts) return { error: `managed policy ${arn} is not in the snapshot` };
  try {
    // Across accounts the ARN and version (AWS managed policies) or the text (customer policies
    // deployed everywhere) find the compiled one.
    return { policy: compiler.compileDocument(facts.document, { stableKey: () => managedPolicyCacheKey(arn, facts.defaultVersionId) }), facts };
  } catch (error) {
    return { error: `managed policy ${facts.name}: ${errorMessage(error)}; evaluated without it` };
  }
}

function portableArn(arn: string | null, accountId: string): string {
  return arn === null ? '' : withoutOwnAccount(arn, accountId);
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
