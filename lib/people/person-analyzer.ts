import { deriveBlastRadiusFactsOfUnionWithExposureFacts } from '../analysis/blast-radius/derive-facts';
import { scoreBlastRadius } from '../analysis/blast-radius/score-blast-radius';
import type { Weights } from '../analysis/blast-radius/weights';
import { findSodSides } from '../analysis/sod/find-conflicts';
import { TIERS, type Environment, type Grant, type SodRule, type Tier, type TrustKind } from '../analysis/types';
import type { RoleAccess } from './analyze-person';
import { bitsToHex, countBits, emptyActionBits, orInto, type ActionBits, type StoredPersonAnalysis } from './stored-person-analysis';

/**
 * The person analysis at organisation scale (#14: 20,000 people reaching about 57 roles each).
 * What a role contributes is computed once per role: its actions and each SoD side's actions as
 * bitsets over the scan's sorted action names, its tiers as a mask, its grant summary (cached by
 * the blast-radius facts). A person is then the OR of their roles' bitsets, and people holding the
 * same SET of roles (members of the same groups, nothing assigned directly) are analysed once.
 * The result equals the straightforward union of the roles' grants
 * (lib/people/test-support/reference-analyze-person.ts), in the compact stored form.
 */
export interface PersonAnalyzer {
  /** The scan's action names, sorted: bit `i` of every stored bitset is `actionNames[i]`. */
  readonly actionNames: readonly string[];
  /** The analysis of a person reaching `roleArns` (unknown ARNs and nulls ignored, order and repeats irrelevant). */
  analyze(roleArns: Iterable<string | null>): StoredPersonAnalysis;
  /** How many distinct role sets were analysed (the rest came from the memo). */
  readonly distinctRoleSetCount: number;
}

interface RoleDigest {
  role: RoleAccess;
  /** Position of the role in ARN order: memo keys and sorting use it. */
  order: number;
  actions: ActionBits;
  tiersMask: number;
  /** Accounts where the role holds Bedrock access or reaches it (empty for a role without Bedrock access), as bits. */
  reach: Uint32Array;
  /** Per rule (same order as the rules): the side's action bits, null when the role holds nothing on that side. */
  sides: Array<{ sideA: ActionBits | null; sideB: ActionBits | null }>;
  /** The role's exposure as the score reads it: its distinct trust kinds, and who can become it, as interned ids. */
  trustKinds: readonly TrustKind[];
  startingPrincipalIds: Int32Array;
}

const ENVIRONMENT_ORDER: readonly Environment[] = ['prod', 'unknown', 'nonprod', 'sandbox'];
const NO_CREDENTIALS = { activeAccessKeyCount: 0, oldestActiveKeyAgeDays: null, lastKeyUseDaysAgo: null, hasBedrockApiKey: false, hasConsolePasswordWithoutMfa: false, roleLastUsedDaysAgo: null, lastBedrockUseDaysAgo: null };

function tiersOfMask(mask: number): Tier[] {
  return TIERS.filter((_, index) => (mask & (1 << index)) !== 0);
}

/** The environment that weighs most under the weights in force (production by default). */
function weightiestEnvironment(environments: Environment[], weights: Weights): Environment {
  const candidates = environments.length > 0 ? environments : (['unknown'] as Environment[]);
  return [...candidates].sort((left, right) => weights.environment.points[right] - weights.environment.points[left] || ENVIRONMENT_ORDER.indexOf(left) - ENVIRONMENT_ORDER.indexOf(right))[0];
}

export function createPersonAnalyzer(roles: Iterable<RoleAccess>, rules: readonly SodRule[], weights: Weights): PersonAnalyzer {
  const sortedRoles = [...new Map([...roles].map((role) => [role.arn, role])).values()].sort((left, right) => (left.arn < right.arn ? -1 : left.arn > right.arn ? 1 : 0));
  // Every action any role holds or has on an SoD side; roles built from the same policies share
  // their grants arrays, so each array is read once.
  const names = new Set<string>();
  const seenArrays = new Set<readonly Grant[]>();
  // Side matching reads the grants alone: roles sharing both grants arrays share their sides.
  const sidesByArrays = new Map<readonly Grant[], Map<readonly Grant[], Array<{ sideA: Grant[]; sideB: Grant[] }>>>();
  const sidesByRole = sortedRoles.map((role) => {
    const bySupporting = sidesByArrays.get(role.grants) ?? new Map<readonly Grant[], Array<{ sideA: Grant[]; sideB: Grant[] }>>();
    sidesByArrays.set(role.grants, bySupporting);
    let sides = bySupporting.get(role.supportingGrants);
    if (!sides) {
      sides = rules.map((rule) => findSodSides(role.grants, role.supportingGrants, rule));
      bySupporting.set(role.supportingGrants, sides);
    }
    return sides;
  });
  const collect = (grants: readonly Grant[]) => {
    if (seenArrays.has(grants)) return;
    seenArrays.add(grants);
    for (const grant of grants) names.add(grant.action);
  };
  for (const [index, role] of sortedRoles.entries()) {
    collect(role.grants);
    for (const sides of sidesByRole[index]) {
      collect(sides.sideA);
      collect(sides.sideB);
    }
  }
  const actionNames = [...names].sort();
  const bitOf = new Map(actionNames.map((name, index) => [name, index]));
  const bitsByArray = new Map<readonly Grant[], ActionBits>();
  const bitsOf = (grants: readonly Grant[]): ActionBits => {
    let bits = bitsByArray.get(grants);
    if (!bits) {
      bits = emptyActionBits(actionNames.length);
      for (const grant of grants) {
        const bit = bitOf.get(grant.action) ?? 0;
        bits[bit >>> 5] |= 1 << (bit & 31);
      }
      bitsByArray.set(grants, bits);
    }
    return bits;
  };
  // Accounts as bits too: a person's reach is the OR of their roles' reach.
  const accountBit = new Map<string, number>();
  for (const role of sortedRoles) for (const accountId of [role.accountId, ...role.reachAccountIds]) if (!accountBit.has(accountId)) accountBit.set(accountId, accountBit.size);
  // The principals that can become a role (the first link of each assume-role chain), interned:
  // a person's count of them is a union over their roles, counted with a generation mark.
  const startingPrincipalId = new Map<string, number>();
  const startingPrincipalIdsOf = (role: RoleAccess) => {
    const ids = new Set<number>();
    for (const path of role.exposure.assumableBy) {
      const arn = path.chain[0];
      if (arn === undefined) continue;
      let id = startingPrincipalId.get(arn);
      if (id === undefined) {
        id = startingPrincipalId.size;
        startingPrincipalId.set(arn, id);
      }
      ids.add(id);
    }
    return Int32Array.from(ids);
  };
  const digestByArn = new Map<string, RoleDigest>();
  for (const [order, role] of sortedRoles.entries()) {
    let tiersMask = 0;
    for (const grant of role.grants) tiersMask |= 1 << TIERS.indexOf(grant.tier);
    const reach = emptyActionBits(accountBit.size);
    if (role.grants.length > 0) {
      for (const accountId of [role.accountId, ...role.reachAccountIds]) {
        const bit = accountBit.get(accountId) ?? 0;
        reach[bit >>> 5] |= 1 << (bit & 31);
      }
    }
    digestByArn.set(role.arn, {
      role,
      order,
      actions: bitsOf(role.grants),
      tiersMask,
      reach,
      sides: sidesByRole[order].map((sides) => ({ sideA: sides.sideA.length > 0 ? bitsOf(sides.sideA) : null, sideB: sides.sideB.length > 0 ? bitsOf(sides.sideB) : null })),
      trustKinds: [...new Set(role.exposure.trusts.map((trust) => trust.kind))],
      startingPrincipalIds: startingPrincipalIdsOf(role),
    });
  }
  const startingPrincipalMark = new Uint32Array(startingPrincipalId.size);
  let markGeneration = 0;

  // Scratch bitsets reused by every person (the analysis is synchronous).
  const scratch = emptyActionBits(actionNames.length);
  const scratchB = emptyActionBits(actionNames.length);
  const scratchReach = emptyActionBits(accountBit.size);

  const analyzeRoles = (digests: RoleDigest[]): StoredPersonAnalysis => {
    const bedrock: RoleDigest[] = [];
    const byAccount = new Map<string, number[]>();
    let tiersMask = 0;
    scratch.fill(0);
    scratchReach.fill(0);
    for (let position = 0; position < digests.length; position += 1) {
      const digest = digests[position];
      orInto(scratch, digest.actions);
      tiersMask |= digest.tiersMask;
      if (digest.role.grants.length === 0) continue;
      bedrock.push(digest);
      orInto(scratchReach, digest.reach);
      const positions = byAccount.get(digest.role.accountId);
      if (positions) positions.push(position);
      else byAccount.set(digest.role.accountId, [position]);
    }
    const actions = bitsToHex(scratch);
    const accountCount = countBits(scratchReach);
    const accounts = [...byAccount.keys()].sort().map((accountId) => {
      const positions = byAccount.get(accountId) ?? [];
      scratch.fill(0);
      let mask = 0;
      for (const position of positions) {
        orInto(scratch, digests[position].actions);
        mask |= digests[position].tiersMask;
      }
      return { accountId, roles: positions, tiers: tiersOfMask(mask), actionCount: countBits(scratch) };
    });
    // The exposure of the Bedrock roles' union, as exposureFactsOf would read their concatenated
    // trusts and assume-role paths: distinct kinds, sorted, and distinct starting principals.
    const kinds = new Set<TrustKind>();
    let assumableByCount = 0;
    markGeneration += 1;
    for (const digest of bedrock) {
      for (const kind of digest.trustKinds) kinds.add(kind);
      for (const id of digest.startingPrincipalIds) {
        if (startingPrincipalMark[id] === markGeneration) continue;
        startingPrincipalMark[id] = markGeneration;
        assumableByCount += 1;
      }
    }
    const facts = deriveBlastRadiusFactsOfUnionWithExposureFacts({
      principalType: 'role',
      grantArrays: digests.map((digest) => digest.role.grants),
      exposureFacts: {
        kinds: [...kinds].sort(),
        hasUnpinnedOidc: bedrock.some((digest) => digest.role.exposure.hasUnpinnedOidcTrust),
        hasPublicTrust: bedrock.some((digest) => digest.role.exposure.hasPublicTrust),
        assumableByCount,
      },
      credentials: NO_CREDENTIALS,
      environment: weightiestEnvironment(
        bedrock.map((digest) => digest.role.environment),
        weights,
      ),
      accountCount,
    });
    // No usage fact for people: CloudTrail ties a call to a UserId only under trusted identity
    // propagation, so "no call seen for this UserId" is not evidence of no use. The usage factor says so.
    // Like a principal without Bedrock access: no score and nothing to explain.
    const blastRadius = bedrock.length === 0 ? { score: 0, factors: [] } : scoreBlastRadius(facts, weights);

    const conflicts: StoredPersonAnalysis['conflicts'] = [];
    for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex += 1) {
      const rule = rules[ruleIndex];
      const rolesA: number[] = [];
      const rolesB: number[] = [];
      let isWithinOneRole = false;
      for (let position = 0; position < digests.length; position += 1) {
        const sides = digests[position].sides[ruleIndex];
        if (sides.sideA) rolesA.push(position);
        if (sides.sideB) {
          rolesB.push(position);
          // A role holding both sides is a role-level conflict the principal pages already show.
          if (sides.sideA) isWithinOneRole = true;
        }
      }
      if (rolesA.length === 0 || rolesB.length === 0) continue;
      // The sides' actions only for a conflict: most rules find one side empty.
      scratch.fill(0);
      scratchB.fill(0);
      for (const position of rolesA) orInto(scratch, digests[position].sides[ruleIndex].sideA as ActionBits);
      for (const position of rolesB) orInto(scratchB, digests[position].sides[ruleIndex].sideB as ActionBits);
      conflicts.push({ ruleId: rule.id, severity: rule.severity, title: rule.title, sideA: { roles: rolesA, actions: bitsToHex(scratch) }, sideB: { roles: rolesB, actions: bitsToHex(scratchB) }, isAcrossRoles: !isWithinOneRole });
    }
    return {
      format: 2,
      roles: digests.map((digest) => [digest.role.arn, digest.role.accountId]),
      tiers: tiersOfMask(tiersMask),
      actions,
      accounts,
      blastRadius,
      conflicts,
    };
  };

  const memo = new Map<string, StoredPersonAnalysis>();
  return {
    actionNames,
    get distinctRoleSetCount() {
      return memo.size;
    },
    analyze(roleArns) {
      const digests: RoleDigest[] = [];
      const seen = new Set<string>();
      for (const arn of roleArns) {
        if (arn === null || seen.has(arn)) continue;
        seen.add(arn);
        const digest = digestByArn.get(arn);
        if (digest) digests.push(digest);
      }
      digests.sort((left, right) => left.order - right.order);
      const key = digests.map((digest) => digest.order).join(',');
      let analysis = memo.get(key);
      if (!analysis) {
        analysis = analyzeRoles(digests);
        memo.set(key, analysis);
      }
      return analysis;
    },
  };
}
