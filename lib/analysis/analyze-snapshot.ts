import { createCoverageLookup } from '../controls/coverage';
import { DEFAULT_TOTAL_REGION_COUNT, deriveBlastRadiusFacts } from './blast-radius/derive-facts';
import { scoreBlastRadius } from './blast-radius/score-blast-radius';
import { usageFactOf, type UsageEvidenceForScoring } from './blast-radius/usage-fact';
import { resolveWeights } from './blast-radius/weights';
import type { ActionCatalogue } from './catalogue/load-catalogue';
import { assessBedrockUse, summarizeCredentials } from './credentials/summarize-credentials';
import { createEvaluator, type PrincipalAccess } from './evaluation/evaluate-principal';
import { rebaseLinkOf, type RebaseLink } from './evaluation/rebase-access';
import { recommendForPrincipal, recommendFromGrants, recommendFromIdentity, type RecommendationInput } from './recommendations/recommend';
import { findSodConflicts } from './sod/find-conflicts';
import type { AnalyzedPrincipal, SnapshotAnalysis } from './snapshot-analysis-types';
import { createTrustAnalyzer, summarizeExposure } from './trust/analyze-trust';
import { createAssumeRoleClassifier } from './trust/assume-role-class';
import { computeAssumableBy } from './trust/compute-reach';
import { computeReachedAccounts } from './trust/reach-accounts';
import { TIERS, type AccountFacts, type GroupFacts, type PrincipalFacts, type SnapshotInput, type SodRule, type Tier, type Exposure, type ReachPath, type Recommendation, type TrustEntry } from './types';

export interface AnalyzeOptions {
  /** The clock: ages of keys and last use are measured against it. */
  now: Date;
  /** Blast-radius weight overrides from configuration (validated; a bad field throws). */
  weightOverrides?: Record<string, unknown>;
  sodRules: SodRule[];
  /**
   * CloudTrail's Bedrock calls per principal over the usage window ending at `now`, for the
   * blast radius's usage factor; absent or null when no CloudTrail was ever read.
   */
  usageEvidence?: UsageEvidenceForScoring | null;
}

// Shared, never mutated: users have no trust policy, and most principals no assumption paths.
const NO_TRUSTS: TrustEntry[] = [];
const NO_PATHS: ReachPath[] = [];

const UNKNOWN_ENVIRONMENT_ACCOUNT = (accountId: string): AccountFacts => ({ id: accountId, name: accountId, ouPath: [], environment: 'unknown', ownerEmail: null, tags: {} });

function ownerOf(principal: PrincipalFacts): string | null {
  // A loop, not Object.entries: asked once per principal, and most have few or no tags.
  for (const key in principal.tags) {
    if (key.toLowerCase() !== 'owner') continue;
    const tagged = principal.tags[key];
    return tagged && tagged.includes('@') ? tagged.trim().toLowerCase() : null;
  }
  return null;
}

interface GrantFacts {
  tiers: Tier[];
  actions: string[];
  conflicts: AnalyzedPrincipal['conflicts'];
}

function tiersOf(access: PrincipalAccess): Tier[] {
  const held = new Set(access.grants.map((grant) => grant.tier));
  return TIERS.filter((tier) => held.has(tier));
}

/**
 * The whole engine over one snapshot: evaluate every principal, read every role's trust policy,
 * compute who can reach whom (across accounts), then score, find SoD conflicts and recommend.
 * Pure: the same snapshot, catalogue, options and clock give the same result.
 */
export function analyzeSnapshot(snapshot: SnapshotInput, catalogue: ActionCatalogue, options: AnalyzeOptions): SnapshotAnalysis {
  const prepared = prepareSnapshotAnalysis(snapshot, catalogue, options);
  const principals = [...new Set(snapshot.accounts.map((account) => account.accountId))].flatMap((accountId) => prepared.concludeAccount(accountId));
  return { principals, unclassifiedActions: prepared.unclassifiedActions() };
}

/** The engine after the passes that need the whole organisation: conclusions are drawn per account. */
export interface PreparedSnapshotAnalysis {
  /**
   * The conclusions about one account's principals (users, then roles, as the snapshot lists
   * them): what analyzeSnapshot returns for them. A scan draws them account by account, so the
   * writing of one account overlaps the conclusions about the next.
   */
  concludeAccount(accountId: string): AnalyzedPrincipal[];
  /** Catalogue actions seen in policies but not classified: read after every account is concluded. */
  unclassifiedActions(): SnapshotAnalysis['unclassifiedActions'];
}

/**
 * Evaluates every principal and computes reach across accounts (the passes that need the whole
 * organisation); the per-principal conclusions are left to `concludeAccount`.
 */
export function prepareSnapshotAnalysis(snapshot: SnapshotInput, catalogue: ActionCatalogue, options: AnalyzeOptions): PreparedSnapshotAnalysis {
  const weights = resolveWeights(options.weightOverrides ?? {});
  const evaluator = createEvaluator(catalogue, snapshot);
  const accountFacts = new Map((snapshot.organization?.accounts ?? []).map((account) => [account.id, account]));
  const organizationAccountIds = new Set(snapshot.organization ? snapshot.organization.accounts.map((account) => account.id) : snapshot.accounts.map((account) => account.accountId));
  const analyzeTrust = createTrustAnalyzer(organizationAccountIds);
  const accountControlsOf = createCoverageLookup(snapshot.controls);

  // Pass 1: effective access of every principal, and trust entries of every role.
  const principals: Array<{ facts: PrincipalFacts; groups: GroupFacts[]; access: PrincipalAccess; trusts: TrustEntry[]; trustErrors: string[] }> = [];
  const entriesByAccount = new Map<string, Array<(typeof principals)[number]>>();
  for (const account of snapshot.accounts) {
    const groupsByName = new Map(account.groups.map((group) => [group.name, group]));
    for (const principal of [...account.users, ...account.roles]) {
      const access = evaluator.evaluatePrincipal(principal);
      let trusts = NO_TRUSTS;
      const trustErrors: string[] = [];
      if (principal.type === 'role') {
        try {
          trusts = analyzeTrust(principal);
        } catch (error) {
          trustErrors.push(`trust policy: ${(error as Error).message}`);
        }
      }
      const groups = principal.type === 'user' ? principal.groupNames.map((name) => groupsByName.get(name)).filter((group): group is GroupFacts => group !== undefined) : [];
      const entry = { facts: principal, groups, access, trusts, trustErrors };
      principals.push(entry);
      const accountEntries = entriesByAccount.get(account.accountId);
      if (accountEntries) accountEntries.push(entry);
      else entriesByAccount.set(account.accountId, [entry]);
    }
  }

  // Pass 2: who can become whom through sts:AssumeRole, within and across accounts.
  // Most principals hold no sts:AssumeRole grant at all: they are not candidates of account or public trusts.
  const assumeRoleHeld = new Map<PrincipalAccess, boolean>();
  const holdsAssumeRole = (access: PrincipalAccess): boolean => {
    let held = assumeRoleHeld.get(access);
    if (held === undefined) {
      held = access.supportingGrants.some((grant) => grant.action.toLowerCase() === 'sts:assumerole');
      assumeRoleHeld.set(access, held);
    }
    return held;
  };
  const mayAssumeRoles = new Set(principals.filter((entry) => holdsAssumeRole(entry.access)).map((entry) => entry.facts.arn));
  // Principals whose sts:AssumeRole statements are the same get the same answer for every role:
  // one decision per class and role, answered from those statements (assume-role-class.ts).
  const classifyAssumeRole = createAssumeRoleClassifier(catalogue);
  const assumeRoleClassOf = new Map<string, string>();
  for (const entry of principals) if (mayAssumeRoles.has(entry.facts.arn)) assumeRoleClassOf.set(entry.facts.arn, classifyAssumeRole(evaluator.resolvePrincipal(entry.facts)));
  const reach = computeAssumableBy({
    roles: principals.filter((entry) => entry.facts.type === 'role').map((entry) => ({ arn: entry.facts.arn, accountId: entry.facts.accountId, trusts: entry.trusts })),
    // Principals that cannot assume any role are decided without their key (always no).
    principals: principals.map((entry) => ({ arn: entry.facts.arn, accountId: entry.facts.accountId, decisionKey: assumeRoleClassOf.get(entry.facts.arn) ?? entry.access })),
    canAssumeAnyRole: (principalArn) => mayAssumeRoles.has(principalArn),
    canAssumeByIdentityPolicy: (principalArn, roleArn) => {
      const key = assumeRoleClassOf.get(principalArn);
      return key !== undefined && classifyAssumeRole.allows(key, roleArn);
    },
  });
  // The account of each role that holds Bedrock access: reach sums these per principal.
  const bedrockRoleAccount = new Map<string, string>();
  for (const entry of principals) if (entry.facts.type === 'role' && entry.access.grants.length > 0) bedrockRoleAccount.set(entry.facts.arn, entry.facts.accountId);
  const reachedAccounts = computeReachedAccounts(reach, bedrockRoleAccount);

  // Principals reached by the same policies share one PrincipalAccess object (the evaluator
  // memoises it): what depends only on the grants is computed once per distinct access. An
  // access rebased to another account's policy ARNs reuses its source's, with grants mapped.
  const grantFacts = new Map<PrincipalAccess, GrantFacts>();
  const factsOfAccess = (access: PrincipalAccess, principalArn: string): GrantFacts => {
    let facts = grantFacts.get(access);
    if (!facts) {
      const link = rebaseLinkOf(access);
      if (link) {
        const source = factsOfAccess(link.source, principalArn);
        facts = { ...source, conflicts: source.conflicts.map((conflict) => ({ ...conflict, sideA: conflict.sideA.map(link.grantOf), sideB: conflict.sideB.map(link.grantOf) })) };
      } else {
        facts = {
          tiers: tiersOf(access),
          actions: [...new Set(access.grants.map((grant) => grant.action))].sort(),
          // No exceptions here: they are applied when conflicts are read, so they survive rescans.
          conflicts: findSodConflicts(access.grants, access.supportingGrants, options.sodRules, [], principalArn, options.now).open,
        };
      }
      grantFacts.set(access, facts);
    }
    return facts;
  };

  /**
   * A rebased access takes its source's recommendations about grants (memoised per grants array)
   * renamed to its own account: their texts name resources, Sids and policy ARNs, which the
   * renaming maps. Not when a policy or group name holds the account id: names are kept as
   * written, so those are computed on the principal's own grants. Recommendations about the
   * identity (trusts, keys) are the principal's own and never renamed.
   */
  const renamedRecommendations = new Map<PrincipalAccess, Map<Recommendation, Recommendation>>();
  const renamable = new Map<PrincipalAccess, boolean>();
  const recommendationsFor = (access: PrincipalAccess, link: RebaseLink | undefined, input: Omit<RecommendationInput, 'grants'>): Recommendation[] => {
    if (!link) return recommendForPrincipal({ ...input, grants: access.grants });
    const { rebaser } = link;
    let isRenamable = renamable.get(link.source);
    if (isRenamable === undefined) {
      isRenamable = !link.source.grants.some((grant) => grant.path.policyName.includes(rebaser.fromAccountId) || (grant.path.groupName ?? '').includes(rebaser.fromAccountId));
      renamable.set(link.source, isRenamable);
    }
    if (!isRenamable) return recommendForPrincipal({ ...input, grants: access.grants });
    let renamed = renamedRecommendations.get(access);
    if (!renamed) {
      renamed = new Map();
      renamedRecommendations.set(access, renamed);
    }
    const byRecommendation = renamed;
    const fromGrants = recommendFromGrants({ grants: link.source.grants, bedrockUse: input.bedrockUse }).map((recommendation) => {
      let copy = byRecommendation.get(recommendation);
      if (!copy) {
        const path = recommendation.path && rebaser.path(recommendation.path);
        const title = rebaser.text(recommendation.title);
        const detail = rebaser.text(recommendation.detail);
        copy = path === recommendation.path && title === recommendation.title && detail === recommendation.detail ? recommendation : { ...recommendation, title, detail, path };
        byRecommendation.set(recommendation, copy);
      }
      return copy;
    });
    return [...fromGrants, ...recommendFromIdentity({ ...input, grants: access.grants })];
  };

  // Most principals are assumable by nobody through IAM: their exposure depends on the trust
  // entries alone, which roles of one account with one trust document share.
  const exposureByTrusts = new Map<TrustEntry[], Exposure>();
  const exposureOf = (trusts: TrustEntry[], paths: ReachPath[]): Exposure => {
    if (paths.length > 0) return summarizeExposure(trusts, paths);
    let exposure = exposureByTrusts.get(trusts);
    if (!exposure) {
      exposure = summarizeExposure(trusts, NO_PATHS);
      exposureByTrusts.set(trusts, exposure);
    }
    return exposure;
  };

  // Pass 3: per principal conclusions.
  const conclude = (entry: (typeof principals)[number]): AnalyzedPrincipal => {
    const { facts, access } = entry;
    // An access rebased from another account: what reads no grant path comes from its source.
    const link = rebaseLinkOf(access);
    const account = accountFacts.get(facts.accountId) ?? UNKNOWN_ENVIRONMENT_ACCOUNT(facts.accountId);
    const exposure = exposureOf(entry.trusts, reach.get(facts.arn)?.paths ?? NO_PATHS);
    const credentials = summarizeCredentials(facts, options.now);
    const reachAccountIds = new Set<string>();
    if (access.grants.length > 0) reachAccountIds.add(facts.accountId);
    for (const accountId of reachedAccounts.accountsOf(facts.arn)) reachAccountIds.add(accountId);
    const blastRadius =
      access.grants.length === 0 && reachAccountIds.size === 0
        ? { score: 0, factors: [] }
        : scoreBlastRadius(
            // Facts read no grant path: the source of a rebased access gives the same, memoised.
            deriveBlastRadiusFacts({ principalType: facts.type, grants: (link?.source ?? access).grants, exposure, credentials, environment: account.environment, accountCount: reachAccountIds.size, totalRegionCount: DEFAULT_TOTAL_REGION_COUNT, accountControls: accountControlsOf(facts.accountId, (link?.source ?? access).grants), usage: usageFactOf(options.usageEvidence, facts.arn, facts.createDate, options.now) }),
            weights,
          );
    const { tiers, actions, conflicts } = factsOfAccess(access, facts.arn);
    const recommendations = access.grants.length === 0 ? [] : recommendationsFor(access, link, { principalType: facts.type, trusts: entry.trusts, credentials, bedrockUse: assessBedrockUse(facts, options.now) });
    return {
      facts,
      groups: entry.groups,
      account,
      ownerEmail: ownerOf(facts),
      grants: access.grants,
      supportingGrants: access.supportingGrants,
      denied: access.denied,
      tiers,
      actions,
      exposure,
      credentials,
      blastRadius,
      conflicts,
      recommendations,
      reachAccountIds: [...reachAccountIds].sort(),
      lastUsedAt: facts.type === 'role' ? facts.lastUsedDate : latestUserActivity(facts),
      errors: entry.trustErrors.length === 0 ? access.errors : [...access.errors, ...entry.trustErrors],
    };
  };

  return {
    concludeAccount: (accountId) => (entriesByAccount.get(accountId) ?? []).map(conclude),
    unclassifiedActions: () => catalogue.unclassifiedActions(),
  };
}

function latestUserActivity(user: Extract<PrincipalFacts, { type: 'user' }>): string | null {
  const dates = [user.credentials?.passwordLastUsed ?? null, ...(user.credentials?.accessKeys.map((key) => key.lastUsedDate) ?? [])].filter((date): date is string => date !== null);
  return dates.length === 0 ? null : dates.sort().at(-1) ?? null;
}
