import type { ReachPath } from '../types';
import { DEFAULT_MAX_REACH_DEPTH, type RoleReach } from './compute-reach';

/**
 * Reach as the blast radius reads it: for each principal, the accounts whose Bedrock-holding
 * roles it can become within `maxDepth` hops. Computed over role indexes with bitsets of
 * accounts, level by level, so the cost follows the edges times the (small) number of accounts
 * instead of principals times roles; no principal-role pair is ever materialised.
 *
 * Exactly the old answer (a breadth-first search from every principal, test-support/reference-reach.ts):
 * a role is reached within k hops when some walk of length <= k leads to it, and a walk exists
 * whenever a shortest path does. A walk back to the start can only add the start's own account,
 * which the caller counts anyway when the start holds Bedrock access itself.
 */
export interface ReachedAccounts {
  /** Sorted account ids of the Bedrock-holding roles `principalArn` can become (empty when none). */
  accountsOf(principalArn: string): string[];
  /** One shortest assumption chain from `principalArn` to `roleArn` (both included), or null. */
  shortestChain(principalArn: string, roleArn: string): ReachPath | null;
}

const NO_ACCOUNTS: string[] = [];

interface ReachIndex {
  nodeIndex: Map<string, number>;
  nodeArns: string[];
  /** CSR adjacency: the roles node n can assume are targets[offsets[n] .. offsets[n + 1]). */
  offsets: Int32Array;
  targets: Int32Array;
}

function indexGraph(reach: Map<string, RoleReach>): ReachIndex {
  const nodeIndex = new Map<string, number>();
  const nodeArns: string[] = [];
  const indexOf = (arn: string): number => {
    let index = nodeIndex.get(arn);
    if (index === undefined) {
      index = nodeArns.length;
      nodeIndex.set(arn, index);
      nodeArns.push(arn);
    }
    return index;
  };
  for (const roleArn of reach.keys()) indexOf(roleArn);
  let edgeCount = 0;
  for (const { directAssumers } of reach.values()) {
    edgeCount += directAssumers.length;
    for (const assumer of directAssumers) indexOf(assumer);
  }
  const outDegree = new Int32Array(nodeArns.length + 1);
  for (const { directAssumers } of reach.values()) for (const assumer of directAssumers) outDegree[nodeIndex.get(assumer) as number] += 1;
  const offsets = new Int32Array(nodeArns.length + 1);
  for (let node = 0; node < nodeArns.length; node += 1) offsets[node + 1] = offsets[node] + outDegree[node];
  const cursor = offsets.slice(0, nodeArns.length);
  const targets = new Int32Array(edgeCount);
  for (const [roleArn, { directAssumers }] of reach) {
    const role = nodeIndex.get(roleArn) as number;
    for (const assumer of directAssumers) targets[cursor[nodeIndex.get(assumer) as number]++] = role;
  }
  return { nodeIndex, nodeArns, offsets, targets };
}

/**
 * @param reach direct assumers of every role (computeAssumableBy)
 * @param bedrockRoleAccount the account of every role that holds Bedrock access
 */
export function computeReachedAccounts(reach: Map<string, RoleReach>, bedrockRoleAccount: Map<string, string>, maxDepth = DEFAULT_MAX_REACH_DEPTH): ReachedAccounts {
  const graph = indexGraph(reach);
  const { nodeIndex, nodeArns, offsets, targets } = graph;
  const nodeCount = nodeArns.length;

  // Bit of each Bedrock role's account; -1 for roles without Bedrock access.
  const accountIds: string[] = [];
  const accountBit = new Map<string, number>();
  const bitOfNode = new Int32Array(nodeCount).fill(-1);
  for (const [roleArn, accountId] of bedrockRoleAccount) {
    const node = nodeIndex.get(roleArn);
    if (node === undefined) continue;
    let bit = accountBit.get(accountId);
    if (bit === undefined) {
      bit = accountIds.length;
      accountBit.set(accountId, bit);
      accountIds.push(accountId);
    }
    bitOfNode[node] = bit;
  }
  const words = Math.max(1, Math.ceil(accountIds.length / 32));

  // Intermediate nodes are roles that can themselves assume roles: only they need a level set.
  const slotOfNode = new Int32Array(nodeCount).fill(-1);
  let slotCount = 0;
  for (let node = 0; node < nodeCount; node += 1) if (offsets[node + 1] > offsets[node] && reach.has(nodeArns[node])) slotOfNode[node] = slotCount++;

  /** Accounts reached within `level` hops from node, written into `into` (OR). */
  const unionOfLevel = (node: number, previous: Uint32Array | null, into: Uint32Array, intoOffset: number) => {
    for (let edge = offsets[node]; edge < offsets[node + 1]; edge += 1) {
      const target = targets[edge];
      const bit = bitOfNode[target];
      if (bit >= 0) into[intoOffset + (bit >>> 5)] |= 1 << (bit & 31);
      const slot = previous ? slotOfNode[target] : -1;
      if (slot >= 0 && previous) for (let word = 0, from = slot * words; word < words; word += 1) into[intoOffset + word] |= previous[from + word];
    }
  };

  // Level k for intermediate roles, k = 1 .. maxDepth - 1.
  let previous: Uint32Array | null = null;
  for (let level = 1; level < maxDepth; level += 1) {
    const current = new Uint32Array(slotCount * words);
    for (let node = 0; node < nodeCount; node += 1) {
      const slot = slotOfNode[node];
      if (slot >= 0) unionOfLevel(node, previous, current, slot * words);
    }
    previous = current;
  }

  const finalSets = new Map<number, string[]>();
  const scratch = new Uint32Array(words);
  const accountsOfNode = (node: number): string[] => {
    const cached = finalSets.get(node);
    if (cached) return cached;
    scratch.fill(0);
    unionOfLevel(node, maxDepth > 1 ? previous : null, scratch, 0);
    const found: string[] = [];
    for (let word = 0; word < words; word += 1) {
      let value = scratch[word];
      while (value !== 0) {
        const low = value & -value;
        found.push(accountIds[word * 32 + 31 - Math.clz32(low)]);
        value ^= low;
      }
    }
    const result = found.length === 0 ? NO_ACCOUNTS : found.sort();
    finalSets.set(node, result);
    return result;
  };

  return {
    accountsOf(principalArn) {
      const node = nodeIndex.get(principalArn);
      if (node === undefined || offsets[node + 1] === offsets[node] || maxDepth < 1) return NO_ACCOUNTS;
      return accountsOfNode(node);
    },
    shortestChain(principalArn, roleArn) {
      const start = nodeIndex.get(principalArn);
      const goal = nodeIndex.get(roleArn);
      if (start === undefined || goal === undefined || start === goal) return null;
      const parent = new Map<number, number>([[start, -1]]);
      let frontier = [start];
      for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
        const next: number[] = [];
        for (const node of frontier) {
          for (let edge = offsets[node]; edge < offsets[node + 1]; edge += 1) {
            const target = targets[edge];
            if (parent.has(target)) continue;
            parent.set(target, node);
            if (target === goal) {
              const chain: string[] = [];
              for (let step = goal; step !== -1; step = parent.get(step) as number) chain.push(nodeArns[step]);
              return { chain: chain.reverse() };
            }
            next.push(target);
          }
        }
        frontier = next;
      }
      return null;
    },
  };
}
