/**
 * Assignment certification (#14): a campaign whose subject is `assignments` has one item per
 * (person, permission set, account, via), where via is `direct` or the group the person is a
 * member of. The item shows what the assignment grants in Bedrock terms (the tiers, score and
 * defining actions of the permission set's `AWSReservedSSO_*` role in that account, from the
 * snapshot) with the person's other access as context. Pure: the facts come in, the item drafts
 * (reviewer included) come out.
 */
import { maskToTiers, tiersToMask } from '../analysis/tier-mask';
import type { Recommendation, Severity, Tier } from '../analysis/types';
import { recommendFor, type CampaignItemContext } from './item-context';
import { normaliseReviewerEmail, type OwnerMappingRule, type ReviewerAssignment, type ReviewerReason } from './reviewer';
import type { CampaignScope } from './scope';

/** One person reaching one permission set in one account one way (a `person_assignments` row). */
export interface AssignmentFact {
  userId: string;
  accountId: string;
  permissionSetArn: string;
  permissionSetName: string;
  /** Null for a direct assignment. */
  viaGroupId: string | null;
  viaGroupName: string | null;
  /** The role the assignment becomes in the account; null when the snapshot has none. */
  roleArn: string | null;
}

export interface PersonFact {
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  /** The person's effective Bedrock access across every assignment (lib/people/analyze-person). */
  tiersMask: number;
  score: number;
  accountCount: number;
  conflictCount: number;
}

/** The Bedrock side of an `AWSReservedSSO_*` role in the snapshot. */
export interface RoleFact {
  arn: string;
  name: string;
  accountId: string;
  score: number;
  tiersMask: number;
  lastUsedAt: string | null;
  conflicts: { ruleId: string; severity: Severity; title: string }[];
  recommendations: Recommendation[];
  /** The role's Bedrock entitlements (one per granting policy). */
  entitlements: { policyKind: 'managed' | 'inline'; policyArn: string | null; policyName: string; tiersMask: number; actions: string[]; isConditional: boolean }[];
}

export interface AssignmentFacts {
  assignments: AssignmentFact[];
  people: ReadonlyMap<string, PersonFact>;
  roles: ReadonlyMap<string, RoleFact>;
  /** Member count by group id. */
  groupMemberCounts: ReadonlyMap<string, number>;
}

export interface AssignmentReviewerContext {
  mappings: readonly OwnerMappingRule[];
  accountOwners: ReadonlyMap<string, string | null>;
  fallbackReviewers: readonly string[];
}

/** `campaign_items.context` of an assignment item: the entitlement context plus the assignment. */
export interface AssignmentItemContext extends CampaignItemContext {
  assignment: {
    userId: string;
    userName: string;
    displayName: string | null;
    email: string | null;
    permissionSetArn: string;
    permissionSetName: string;
    /** `direct` or `group:<GroupName>`. */
    via: string;
    groupId: string | null;
    groupName: string | null;
    /** Members of the group at launch (null for a direct assignment). */
    groupMemberCount: number | null;
    roleArn: string;
    roleName: string;
    /** What the role holds, policy by policy. */
    entitlements: { policyName: string; policyKind: 'managed' | 'inline'; tiers: Tier[]; actionCount: number }[];
    /** The person as a whole: their effective access across every assignment. */
    person: { tiers: Tier[]; score: number; accountCount: number; conflictCount: number };
    /** The person's other assignments that reach Bedrock (at most OTHER_ACCESS_LIMIT). */
    otherAccess: { accountId: string; permissionSetName: string; via: string; tiers: Tier[] }[];
    otherAccessCount: number;
  };
}

/** An item ready to insert (the campaign id is added by the writer). */
export interface AssignmentItemDraft {
  principalArn: string;
  principalName: string;
  principalType: 'person';
  accountId: string;
  entitlementKey: string;
  reviewerEmail: string;
  reviewerReason: ReviewerReason;
  tiersMask: number;
  score: number;
  context: AssignmentItemContext;
  personUserId: string;
  personUserName: string;
  personEmail: string | null;
  permissionSetArn: string;
  permissionSetName: string;
  viaGroupId: string | null;
  viaGroupName: string | null;
}

const OTHER_ACCESS_LIMIT = 20;
export const ASSIGNMENT_KEY_PREFIX = 'assignment|';

/** The item's key, unique per campaign: `assignment|<userId>|<accountId>|<permissionSetArn>|direct` or `…|group:<groupId>`. */
export function assignmentKey(fact: Pick<AssignmentFact, 'userId' | 'accountId' | 'permissionSetArn' | 'viaGroupId'>): string {
  return `${ASSIGNMENT_KEY_PREFIX}${fact.userId}|${fact.accountId}|${fact.permissionSetArn}|${fact.viaGroupId === null ? 'direct' : `group:${fact.viaGroupId}`}`;
}

/** The assignment an assignment key names; null for any other key (an IAM entitlement key). */
export function parseAssignmentKey(key: string): { userId: string; accountId: string; permissionSetArn: string; viaGroupId: string | null } | null {
  if (!key.startsWith(ASSIGNMENT_KEY_PREFIX)) return null;
  const parts = key.slice(ASSIGNMENT_KEY_PREFIX.length).split('|');
  if (parts.length !== 4) return null;
  const [userId, accountId, permissionSetArn, via] = parts;
  if (!userId || !/^\d{12}$/.test(accountId) || !permissionSetArn.startsWith('arn:')) return null;
  if (via === 'direct') return { userId, accountId, permissionSetArn, viaGroupId: null };
  if (via.startsWith('group:') && via.length > 'group:'.length) return { userId, accountId, permissionSetArn, viaGroupId: via.slice('group:'.length) };
  return null;
}

const describeFactVia = (fact: Pick<AssignmentFact, 'viaGroupName' | 'viaGroupId'>) => (fact.viaGroupId === null ? 'direct' : `group:${fact.viaGroupName ?? fact.viaGroupId}`);
const lower = (value: string | null | undefined) => value?.trim().toLowerCase() ?? '';

/** True when the assignment falls in the scope: every non-empty dimension must match (names case-insensitive). */
export function matchesAssignmentScope(fact: AssignmentFact, person: PersonFact, role: RoleFact, scope: CampaignScope): boolean {
  if (scope.accountIds.length > 0 && !scope.accountIds.includes(fact.accountId)) return false;
  if (role.score < scope.minScore) return false;
  if (scope.tiers.length > 0 && (role.tiersMask & tiersToMask(scope.tiers)) === 0) return false;
  if (scope.onlyWithConflicts && role.conflicts.length === 0 && person.conflictCount === 0) return false;
  if (scope.people?.length && !scope.people.some((wanted) => lower(wanted) === lower(person.userName) || wanted === person.userId)) return false;
  if (scope.groups?.length && (fact.viaGroupName === null || !scope.groups.some((wanted) => lower(wanted) === lower(fact.viaGroupName)))) return false;
  if (scope.permissionSets?.length && !scope.permissionSets.some((wanted) => lower(wanted) === lower(fact.permissionSetName))) return false;
  return true;
}

/** Nobody reviews their own assignment: the reviewer is the person when the email or the user name is theirs. */
export function isOwnAssignment(person: Pick<PersonFact, 'email' | 'userName'>, reviewerEmail: string): boolean {
  const reviewer = lower(reviewerEmail);
  return reviewer !== '' && (reviewer === lower(person.email) || reviewer === lower(person.userName));
}

function rulesByPriority(mappings: readonly OwnerMappingRule[]): OwnerMappingRule[] {
  return [...mappings].sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/**
 * The reviewer of an assignment item. Candidates in order: the group's owner (a mapping rule naming
 * the group), the permission set's owner (a rule naming the set and no group), a mapping rule of
 * the account (no group, set, path or name condition), the account owner, then the fallback
 * reviewers. Rules with a path prefix or name pattern are about IAM principals and never match an
 * assignment. A candidate who is the person is skipped for the next one (`selfReviewAvoided` keeps
 * who was skipped). Throws when nobody but the person is left.
 */
export function assignAssignmentReviewer(fact: AssignmentFact, person: PersonFact, context: AssignmentReviewerContext): ReviewerAssignment {
  const rules = rulesByPriority(context.mappings).filter((rule) => !rule.pathPrefix && !rule.namePattern && (!rule.accountId || rule.accountId === fact.accountId));
  const groupRules = rules.filter((rule) => rule.groupName && fact.viaGroupName !== null && lower(rule.groupName) === lower(fact.viaGroupName) && (!rule.permissionSetName || lower(rule.permissionSetName) === lower(fact.permissionSetName)));
  const setRules = rules.filter((rule) => !rule.groupName && rule.permissionSetName && lower(rule.permissionSetName) === lower(fact.permissionSetName));
  const accountRules = rules.filter((rule) => !rule.groupName && !rule.permissionSetName);
  const candidates: { email: string | null; reason: ReviewerReason; mappingRuleId: number | null }[] = [
    ...groupRules.map((rule) => ({ email: normaliseReviewerEmail(rule.ownerEmail), reason: 'group-owner' as const, mappingRuleId: rule.id })),
    ...setRules.map((rule) => ({ email: normaliseReviewerEmail(rule.ownerEmail), reason: 'permission-set-owner' as const, mappingRuleId: rule.id })),
    ...accountRules.map((rule) => ({ email: normaliseReviewerEmail(rule.ownerEmail), reason: 'owner-mapping' as const, mappingRuleId: rule.id })),
    { email: normaliseReviewerEmail(context.accountOwners.get(fact.accountId) ?? null), reason: 'account-owner', mappingRuleId: null },
    ...context.fallbackReviewers.map((email) => ({ email: normaliseReviewerEmail(email), reason: 'fallback' as const, mappingRuleId: null })),
  ];
  let skipped: string | null = null;
  for (const candidate of candidates) {
    if (candidate.email === null) continue;
    if (isOwnAssignment(person, candidate.email)) {
      skipped ??= candidate.email;
      continue;
    }
    return { email: candidate.email, reason: candidate.reason, mappingRuleId: candidate.mappingRuleId, selfReviewAvoided: skipped };
  }
  throw new Error(`No reviewer for ${person.userName}'s assignment other than ${person.userName} themself: configure campaigns.fallbackReviewers`);
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/** What deciding whether an assignment is an item, and what it grants, needs of its role. */
export interface RoleGrant {
  tiersMask: number;
  entitlements: ReadonlyArray<{ actions: readonly string[] }>;
}

/**
 * The facts that say which assignments of a snapshot are campaign items and what each grants:
 * the assignments, who is in the directory, and each role's Bedrock grant. AssignmentFacts is one;
 * a micro-certification diff reads only this much of two snapshots.
 */
export interface AssignmentGrantFacts<Role extends RoleGrant = RoleGrant> {
  assignments: readonly AssignmentFact[];
  /** Whether a user id is a person of the directory. */
  people: Pick<ReadonlySet<string>, 'has'>;
  roles: ReadonlyMap<string, Role>;
}

/**
 * The role through which an assignment is a campaign item: the person is in the directory and the
 * `AWSReservedSSO_*` role the assignment becomes holds Bedrock access in the snapshot. Undefined
 * otherwise (a role that grants no Bedrock action, or is not provisioned, has nothing to certify).
 */
export function bedrockRoleOfAssignment<Role extends RoleGrant>(fact: AssignmentFact, facts: Pick<AssignmentGrantFacts<Role>, 'people' | 'roles'>): Role | undefined {
  if (!facts.people.has(fact.userId) || fact.roleArn === null) return undefined;
  const role = facts.roles.get(fact.roleArn);
  return role && role.tiersMask !== 0 && role.entitlements.length > 0 ? role : undefined;
}

/** The Bedrock actions an assignment item grants: every action of its role's entitlements, sorted, once each. */
export function assignmentItemActions(role: RoleGrant): string[] {
  return sortedUnique(role.entitlements.flatMap((entitlement) => entitlement.actions));
}

/**
 * The items of an assignment campaign: every assignment in scope whose role holds Bedrock access
 * in the snapshot (an assignment whose role grants no Bedrock action, or is not provisioned, has
 * nothing to certify here). A group with no members gives no person an assignment, so no item.
 * Ordered by account, person, permission set and via, like entitlement items. With `only` (a
 * micro-certification, e.g. attestations whose keep-until passed), only those assignment keys,
 * each carrying why it is back.
 */
export function planAssignmentItems(
  facts: AssignmentFacts,
  scope: CampaignScope,
  reviewers: AssignmentReviewerContext,
  now: Date,
  only?: ReadonlyMap<string, NonNullable<CampaignItemContext['change']>>,
): AssignmentItemDraft[] {
  const byUser = new Map<string, AssignmentFact[]>();
  for (const fact of facts.assignments) {
    const list = byUser.get(fact.userId) ?? [];
    list.push(fact);
    byUser.set(fact.userId, list);
  }
  const roleOf = (fact: AssignmentFact) => (fact.roleArn === null ? undefined : facts.roles.get(fact.roleArn));
  const holdersBySetAndAccount = new Map<string, Set<string>>();
  for (const fact of facts.assignments) {
    const key = `${fact.accountId}|${fact.permissionSetArn}`;
    const set = holdersBySetAndAccount.get(key) ?? new Set<string>();
    set.add(fact.userId);
    holdersBySetAndAccount.set(key, set);
  }

  const drafts: AssignmentItemDraft[] = [];
  const seen = new Set<string>();
  for (const fact of facts.assignments) {
    const person = facts.people.get(fact.userId);
    const role = bedrockRoleOfAssignment(fact, facts);
    if (!person || !role) continue;
    if (!matchesAssignmentScope(fact, person, role, scope)) continue;
    const key = assignmentKey(fact);
    if (seen.has(key) || (only && !only.has(key))) continue;
    seen.add(key);

    const reviewer = assignAssignmentReviewer(fact, person, reviewers);
    const via = describeFactVia(fact);
    const actions = assignmentItemActions(role);
    const grantPath: CampaignItemContext['grantPath'] = {
      policyKind: 'managed',
      policyArn: fact.permissionSetArn,
      policyName: fact.permissionSetName,
      isAwsManaged: false,
      attachedVia: fact.viaGroupId === null ? 'direct' : 'group',
      groupName: fact.viaGroupName,
    };
    const others = (byUser.get(fact.userId) ?? []).filter((other) => assignmentKey(other) !== key && (roleOf(other)?.tiersMask ?? 0) !== 0);
    const holders = holdersBySetAndAccount.get(`${fact.accountId}|${fact.permissionSetArn}`);
    const context: AssignmentItemContext = {
      tiers: maskToTiers(role.tiersMask),
      actions,
      grantPath,
      isConditional: role.entitlements.some((entitlement) => entitlement.isConditional),
      score: role.score,
      conflicts: role.conflicts,
      lastUsedAt: role.lastUsedAt,
      peerCount: holders ? holders.size - (holders.has(fact.userId) ? 1 : 0) : 0,
      recommendation: recommendFor({ grantPath, recommendations: role.recommendations.filter((recommendation) => recommendation.path === null), conflictCount: role.conflicts.length, lastUsedAt: role.lastUsedAt, now }),
      principalEmailTag: person.email,
      principalPath: '/',
      permissionSetName: fact.permissionSetName,
      selfReviewAvoided: reviewer.selfReviewAvoided,
      change: only?.get(key) ?? null,
      assignment: {
        userId: person.userId,
        userName: person.userName,
        displayName: person.displayName,
        email: person.email,
        permissionSetArn: fact.permissionSetArn,
        permissionSetName: fact.permissionSetName,
        via,
        groupId: fact.viaGroupId,
        groupName: fact.viaGroupName,
        groupMemberCount: fact.viaGroupId === null ? null : (facts.groupMemberCounts.get(fact.viaGroupId) ?? 0),
        roleArn: role.arn,
        roleName: role.name,
        entitlements: role.entitlements.map((entitlement) => ({ policyName: entitlement.policyName, policyKind: entitlement.policyKind, tiers: maskToTiers(entitlement.tiersMask), actionCount: entitlement.actions.length })),
        person: { tiers: maskToTiers(person.tiersMask), score: person.score, accountCount: person.accountCount, conflictCount: person.conflictCount },
        otherAccess: others.slice(0, OTHER_ACCESS_LIMIT).map((other) => ({ accountId: other.accountId, permissionSetName: other.permissionSetName, via: describeFactVia(other), tiers: maskToTiers(roleOf(other)?.tiersMask ?? 0) })),
        otherAccessCount: others.length,
      },
    };
    drafts.push({
      principalArn: role.arn,
      principalName: person.userName,
      principalType: 'person',
      accountId: fact.accountId,
      entitlementKey: key,
      reviewerEmail: reviewer.email,
      reviewerReason: reviewer.reason,
      tiersMask: role.tiersMask,
      score: role.score,
      context,
      personUserId: person.userId,
      personUserName: person.userName,
      personEmail: person.email,
      permissionSetArn: fact.permissionSetArn,
      permissionSetName: fact.permissionSetName,
      viaGroupId: fact.viaGroupId,
      viaGroupName: fact.viaGroupName,
    });
  }
  return drafts.sort(
    (left, right) =>
      left.accountId.localeCompare(right.accountId) || left.personUserName.localeCompare(right.personUserName) || left.permissionSetName.localeCompare(right.permissionSetName) || left.entitlementKey.localeCompare(right.entitlementKey),
  );
}
