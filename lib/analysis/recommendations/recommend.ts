import type { BedrockUseAssessment } from '../credentials/summarize-credentials';
import { UNUSED_AFTER_DAYS } from '../credentials/summarize-credentials';
import { coversAllModels } from '../blast-radius/model-scope';
import type { CredentialSummary } from '../snapshot-analysis-types';
import type { Grant, GrantPath, Recommendation, TrustEntry } from '../types';
import { describeGrantPath, describeStatement, entitlementPathKey, statementPathKey } from './describe-path';

export interface RecommendationInput {
  principalType: 'user' | 'role';
  /** The principal's Bedrock grants. */
  grants: Grant[];
  /** Trust entries of a role; empty for users. */
  trusts: TrustEntry[];
  credentials: CredentialSummary;
  bedrockUse: BedrockUseAssessment;
}

/**
 * Groups grants by key in one pass, keeping grant order, so that output follows the policies.
 * (A principal with AdministratorAccess holds hundreds of grants: no per-key rescans.)
 */
function groupByKey(grants: Grant[], keyOf: (path: GrantPath) => string): Grant[][] {
  const groups = new Map<string, Grant[]>();
  // Grants of one statement come in a run: reuse the previous key while the path is the same.
  let previous: { grant: Grant; group: Grant[] } | null = null;
  for (const grant of grants) {
    if (previous && isSamePath(previous.grant.path, grant.path)) {
      previous.group.push(grant);
      continue;
    }
    const key = keyOf(grant.path);
    let group = groups.get(key);
    if (group) group.push(grant);
    else {
      group = [grant];
      groups.set(key, group);
    }
    previous = { grant, group };
  }
  return [...groups.values()];
}

function isSamePath(left: GrantPath, right: GrantPath): boolean {
  return (
    left === right ||
    (left.statementIndex === right.statementIndex &&
    left.policyName === right.policyName &&
    left.policyArn === right.policyArn &&
    left.policyKind === right.policyKind &&
    left.attachedVia === right.attachedVia &&
    left.groupName === right.groupName)
  );
}

function describeActions(group: Grant[]): string {
  const actions = [...new Set(group.map((grant) => grant.action))];
  return actions.length <= 3 ? actions.join(', ') : `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more`;
}

/**
 * What depends only on the grants, computed once per grants array: principals reached by the
 * same policies share one array (see createEvaluator), and there are tens of thousands of them.
 */
interface GrantDerived {
  pinModels: Recommendation[];
  requireGuardrail: Recommendation[];
  replaceManaged: Recommendation[];
  /** Per entitlement: what a revoke-unused recommendation says of it, whoever holds it. */
  revokeUnusedParts: Array<{ path: GrantPath; title: string; actions: string }>;
  /** Revoke-unused recommendations by how long ago Bedrock was last used: principals share them. */
  revokeUnusedBySince: Map<string, Recommendation[]>;
}
const derivedByGrants = new WeakMap<Grant[], GrantDerived>();

function derivedFrom(grants: Grant[]): GrantDerived {
  let derived = derivedByGrants.get(grants);
  if (!derived) {
    derived = {
      pinModels: recommendPinModels(grants),
      requireGuardrail: recommendRequireGuardrail(grants),
      replaceManaged: recommendReplaceManaged(grants),
      revokeUnusedParts: groupByKey(grants, entitlementPathKey).map((group) => ({ path: group[0].path, title: `Revoke unused Bedrock access through ${describeGrantPath(group[0].path)}`, actions: describeActions(group) })),
      revokeUnusedBySince: new Map(),
    };
    derivedByGrants.set(grants, derived);
  }
  return derived;
}

function recommendRevokeUnused(input: Pick<RecommendationInput, 'grants' | 'bedrockUse'>): Recommendation[] {
  if (input.bedrockUse.status !== 'unused') return [];
  const since =
    input.bedrockUse.lastUseDaysAgo === null ? 'no Bedrock use on record' : `last Bedrock use ${input.bedrockUse.lastUseDaysAgo} days ago`;
  const derived = derivedFrom(input.grants);
  let recommendations = derived.revokeUnusedBySince.get(since);
  if (!recommendations) {
    // One per entitlement (policy + attachment): that is what a revocation removes.
    recommendations = derived.revokeUnusedParts.map((part) => ({
      kind: 'revoke-unused',
      title: part.title,
      detail: `No Bedrock use in the last ${UNUSED_AFTER_DAYS} days (${since}); the standing access (${part.actions}) is not needed to keep working. Approximation: Access Advisor data is not in the snapshot.`,
      path: part.path,
    }));
    derived.revokeUnusedBySince.set(since, recommendations);
  }
  return recommendations;
}

/** An invoke grant on every model: the statement should list the models the workload uses. */
function isUnpinned(grant: Grant): boolean {
  return grant.tier === 'invoke' && coversAllModels(grant);
}

/** An invoke grant without a `bedrock:GuardrailIdentifier` condition. */
function isUnguarded(grant: Grant): boolean {
  return grant.tier === 'invoke' && !grant.requiresGuardrail;
}

/** Policies the principal's account can edit: AWS managed policies cannot be (only replaced or limited). */
function isEditable(grant: Grant): boolean {
  return !grant.path.isAwsManaged;
}

function recommendPinModels(grants: Grant[]): Recommendation[] {
  const unpinned = grants.filter((grant) => isEditable(grant) && isUnpinned(grant));
  return groupByKey(unpinned, statementPathKey).map(([grant, ...rest]) => ({
    kind: 'pin-models',
    title: `Pin models in ${describeStatement(grant.path)} of ${describeGrantPath(grant.path)}`,
    detail: `${describeActions([grant, ...rest])} is allowed on every model (${grant.resources.join(', ')}), including models released later. List the foundation-model and inference-profile ARNs the workload uses.`,
    path: grant.path,
  }));
}

function recommendRequireGuardrail(grants: Grant[]): Recommendation[] {
  const unguarded = grants.filter((grant) => isEditable(grant) && isUnguarded(grant));
  return groupByKey(unguarded, statementPathKey).map(([grant, ...rest]) => ({
    kind: 'require-guardrail',
    title: `Require a guardrail in ${describeStatement(grant.path)} of ${describeGrantPath(grant.path)}`,
    detail: `${describeActions([grant, ...rest])} can run without a guardrail. Add a condition on \`bedrock:GuardrailIdentifier\` naming the approved guardrail so every call is filtered.`,
    path: grant.path,
  }));
}

/**
 * An AWS managed policy cannot be edited, so "pin models" or "require a guardrail" in it cannot be
 * done: one recommendation per AWS managed attachment says what can (replace the attachment with
 * a scoped customer managed policy, or limit it with a permissions boundary or a Deny). The page
 * builds the policy text from the attachment's grants and usage (see replacement-policy.ts).
 */
function recommendReplaceManaged(grants: Grant[]): Recommendation[] {
  const managed = grants.filter((grant) => grant.path.isAwsManaged);
  return groupByKey(managed, entitlementPathKey).flatMap((group) => {
    const problems: string[] = [];
    if (group.some(isUnpinned)) problems.push('pin the models invoked');
    if (group.some(isUnguarded)) problems.push('require a guardrail');
    if (problems.length === 0) return [];
    const [first] = group;
    const name = `\`${first.path.policyName}\``;
    return [
      {
        kind: 'replace-managed-policy' as const,
        title: `Replace AWS managed policy ${name} with a scoped customer managed policy`,
        detail: `${describeGrantPath(first.path)} is an AWS managed policy: it cannot be edited to ${problems.join(' or ')}, and AWS may add actions to it later. Create a customer managed policy with the text below (the actions this attachment grants, narrowed to those used where usage evidence exists), attach it in place of ${name}, then detach ${name}. If the attachment must stay, add a permissions boundary with the same text, or an explicit \`Deny\` of what it should not allow. ${describeActions(group)} ${group.length === 1 ? 'is' : 'are'} granted today.`,
        path: first.path,
      },
    ];
  });
}

function recommendPinOidcSubject(input: RecommendationInput): Recommendation[] {
  const unpinned = input.trusts.filter((entry) => entry.kind === 'oidc' && entry.isSubjectPinned === false);
  const byPrincipal = new Map(unpinned.map((entry) => [entry.principal, entry]));
  return [...byPrincipal.values()].map((entry) => {
    const provider = entry.oidcProvider ?? entry.principal;
    const example = provider === 'token.actions.githubusercontent.com' ? ' (e.g. `repo:my-org/my-repo:ref:refs/heads/main`)' : '';
    return {
      kind: 'pin-oidc-subject',
      title: `Pin the OIDC subject trusted from ${provider}`,
      detail: `The trust policy lets tokens from ${provider} assume this role without a \`StringEquals\` condition on \`${provider}:sub\` naming concrete subjects${example}; any workload of that provider that matches can use its Bedrock access.`,
      path: null,
    };
  });
}

function recommendReplaceAccessKeys(input: RecommendationInput): Recommendation[] {
  const { credentials } = input;
  if (input.principalType !== 'user' || input.grants.length === 0) return [];
  if (credentials.activeAccessKeyCount === 0 && !credentials.hasBedrockApiKey) return [];
  const held: string[] = [];
  if (credentials.activeAccessKeyCount > 0) {
    const age = credentials.oldestActiveKeyAgeDays === null ? '' : `, oldest ${credentials.oldestActiveKeyAgeDays} days old`;
    held.push(`${credentials.activeAccessKeyCount} active access key${credentials.activeAccessKeyCount === 1 ? '' : 's'}${age}`);
  }
  if (credentials.hasBedrockApiKey) held.push('a long-term Bedrock API key');
  return [
    {
      kind: 'replace-access-keys',
      title: 'Replace long-lived keys with role credentials',
      detail: `This user holds Bedrock access with ${held.join(' and ')}. Move the workload to a role (or IAM Identity Center) with short-lived credentials, then deactivate the keys.`,
      path: null,
    },
  ];
}

/**
 * The recommendations for one principal, in a fixed order of kinds (objects may be shared
 * between principals with the same grants: treat them as read-only):
 * - revoke-unused: no Bedrock use in 90 days; one per entitlement (policy + attachment).
 * - pin-models: an invoke grant covering every model; one per statement.
 * - require-guardrail: an invoke grant without `bedrock:GuardrailIdentifier`; one per statement.
 * - replace-managed-policy: instead of the two above in an AWS managed policy (which cannot be
 *   edited); one per attachment.
 * - pin-oidc-subject: an OIDC trust whose `sub` is not pinned; one per provider principal, path null.
 * - replace-access-keys: a user with Bedrock grants and active access keys or a Bedrock API key; path null.
 */
export function recommendForPrincipal(input: RecommendationInput): Recommendation[] {
  return [...recommendFromGrants(input), ...recommendFromIdentity(input)];
}

/**
 * The recommendations about the grants (revoke-unused, pin-models, require-guardrail,
 * replace-managed-policy): their
 * texts and paths come from the grants alone, with the principal's last Bedrock use.
 */
export function recommendFromGrants(input: Pick<RecommendationInput, 'grants' | 'bedrockUse'>): Recommendation[] {
  const derived = derivedFrom(input.grants);
  return [...recommendRevokeUnused(input), ...derived.pinModels, ...derived.requireGuardrail, ...derived.replaceManaged];
}

/** The recommendations about the identity itself (pin-oidc-subject, replace-access-keys). */
export function recommendFromIdentity(input: RecommendationInput): Recommendation[] {
  return [...recommendPinOidcSubject(input), ...recommendReplaceAccessKeys(input)];
}
