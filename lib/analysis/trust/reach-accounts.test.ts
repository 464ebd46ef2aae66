import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../scripts/demo-org/random';
import type { RoleReach } from './compute-reach';
import { computeReachedAccounts } from './reach-accounts';
import { computeReachableRoles } from './test-support/reference-reach';

const role = (account: number, index: number) => `arn:aws:iam::${String(account).padStart(12, '0')}:role/r${index}`;
const user = (account: number, index: number) => `arn:aws:iam::${String(account).padStart(12, '0')}:user/u${index}`;

function reachOf(edges: Array<[string, string]>, roles: string[]): Map<string, RoleReach> {
  const reach = new Map<string, RoleReach>(roles.map((arn) => [arn, { paths: [], isTruncated: false, directAssumers: [] }]));
  for (const [assumer, target] of edges) reach.get(target)?.directAssumers.push(assumer);
  return reach;
}

/** A random organisation graph: hubs trusted by many (org-wide roles), chains and cycles across accounts. */
function randomGraph(seed: string) {
  const random = new SeededRandom(seed);
  const accountCount = random.integer(1, 6);
  const roles: string[] = [];
  const users: string[] = [];
  const accountOf = new Map<string, string>();
  for (let account = 1; account <= accountCount; account += 1) {
    for (let index = 0; index < random.integer(1, 12); index += 1) roles.push(role(account, index));
    for (let index = 0; index < random.integer(0, 6); index += 1) users.push(user(account, index));
  }
  for (const arn of [...roles, ...users]) accountOf.set(arn, arn.split(':')[4]);
  const principals = [...roles, ...users];
  const edges: Array<[string, string]> = [];
  const hubs = random.sample(roles, random.integer(0, 3));
  for (const hub of hubs) for (const principal of principals) if (random.chance(0.6)) edges.push([principal, hub]);
  for (let index = 0; index < random.integer(0, 60); index += 1) edges.push([random.pick(principals), random.pick(roles)]);
  const bedrockRoleAccount = new Map<string, string>();
  for (const arn of roles) if (random.chance(0.4)) bedrockRoleAccount.set(arn, accountOf.get(arn) as string);
  return { reach: reachOf(edges.filter(([from, to]) => from !== to), roles), principals, bedrockRoleAccount };
}

function oracleAccounts(reach: Map<string, RoleReach>, bedrockRoleAccount: Map<string, string>, maxDepth: number): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [principal, roles] of computeReachableRoles(reach, maxDepth)) {
    const accounts = new Set<string>();
    for (const reached of roles) {
      const accountId = bedrockRoleAccount.get(reached);
      if (accountId !== undefined) accounts.add(accountId);
    }
    result.set(principal, [...accounts].sort());
  }
  return result;
}

describe('computeReachedAccounts', () => {
  it('follows chains across accounts, up to the depth limit', () => {
    const chain = [user(1, 0), role(1, 0), role(2, 0), role(3, 0), role(4, 0), role(5, 0)];
    const reach = reachOf(chain.slice(1).map((target, index) => [chain[index], target]), chain.slice(1));
    const bedrock = new Map(chain.slice(1).map((arn) => [arn, arn.split(':')[4]]));
    const reached = computeReachedAccounts(reach, bedrock, 4);
    expect(reached.accountsOf(user(1, 0))).toEqual(['000000000001', '000000000002', '000000000003', '000000000004']);
    expect(reached.accountsOf(role(4, 0))).toEqual(['000000000005']);
    expect(reached.accountsOf(role(5, 0))).toEqual([]);
    expect(reached.shortestChain(user(1, 0), role(3, 0))).toEqual({ chain: chain.slice(0, 4) });
    expect(reached.shortestChain(user(1, 0), role(5, 0))).toBeNull();
  });

  it('counts only roles that hold Bedrock access', () => {
    const reach = reachOf([[user(1, 0), role(2, 0)], [role(2, 0), role(3, 0)]], [role(2, 0), role(3, 0)]);
    expect(computeReachedAccounts(reach, new Map([[role(3, 0), '000000000003']])).accountsOf(user(1, 0))).toEqual(['000000000003']);
  });

  it('gives the same accounts as the reference search on 300 random organisations, at every depth', () => {
    for (let seed = 0; seed < 300; seed += 1) {
      const { reach, principals, bedrockRoleAccount } = randomGraph(`reach-${seed}`);
      const maxDepth = 1 + (seed % 5);
      const expected = oracleAccounts(reach, bedrockRoleAccount, maxDepth);
      const reached = computeReachedAccounts(reach, bedrockRoleAccount, maxDepth);
      const reference = computeReachableRoles(reach, maxDepth);
      for (const principal of principals) {
        // The start's own account may differ only when it is itself a Bedrock role (the caller adds it anyway).
        const own = bedrockRoleAccount.get(principal);
        const actual = reached.accountsOf(principal).filter((accountId) => accountId !== own);
        expect(actual, `${seed} ${principal}`).toEqual((expected.get(principal) ?? []).filter((accountId) => accountId !== own));
        for (const target of reference.get(principal) ?? []) {
          const chain = reached.shortestChain(principal, target);
          expect(chain?.chain[0]).toBe(principal);
          expect(chain?.chain.at(-1)).toBe(target);
          expect((chain?.chain.length ?? 0) - 1).toBeLessThanOrEqual(maxDepth);
        }
      }
    }
  });
});
