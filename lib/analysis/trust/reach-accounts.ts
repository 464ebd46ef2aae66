import type { ReachPath } from '../types';
import { DEFAULT_MAX_REACH_DEPTH, type AssumerClass, type RoleReach } from './compute-reach';

/**
 * Reach as the blast radius reads it: for each principal, the accounts whose Bedrock-holding
 * roles it can become within `maxDepth` hops. Computed over role indexes with bitsets of
 * accounts, level by level, so the cost follows the edges times the (small) number of accounts
 * instead of principals times roles; no principal-role pair is ever materialised. A class that a
 * `*` or account-root trust admits whole (compute-reach.ts) is a node of its own: its members
 * reach it in zero hops and it reaches the roles that admitted it in one, so a trust of the
 * whole organisation costs one edge, not one per member.
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

/** Compressed adjacency: the neighbours of n are values[offsets[n] .. offsets[n + 1]). */
interface Adjacency {
  offsets: Int32Array;
  values: Int32Array;
}

function adjacencyOf(sourceCount: number, edges: Array<[number, number]>): Adjacency {
  const offsets = new Int32Array(sourceCount + 1);
  for (const [source] of edges) offsets[source + 1] += 1;
  for (let source = 0; source < sourceCount; source += 1) offsets[source + 1] += offsets[source];
  const cursor = offsets.slice(0, sourceCount);
  const values = new Int32Array(edges.length);
  for (const [source, target] of edges) values[cursor[source]++] = target;
  return { offsets, values };
}

interface ReachIndex {
  nodeIndex: Map<string, number>;
  nodeArns: string[];
  /** Node -> roles it can assume, one by one. */
  direct: Adjacency;
  /** Class -> roles that admitted it whole. */
  classTargets: Adjacency;
  /** Node -> classes it is a member of (zero hops). */
  memberOf: Adjacency;
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
  const classIndex = new Map<AssumerClass, number>();
  const directEdges: Array<[number, number]> = [];
  const classEdges: Array<[number, number]> = [];
  for (const [roleArn, roleReach] of reach) {
    const role = nodeIndex.get(roleArn) as number;
    const assumers = roleReach.assumers ?? { principals: roleReach.directAssumers, classes: [] };
    for (const assumer of assumers.principals) directEdges.push([indexOf(assumer), role]);
    for (const assumerClass of assumers.classes) {
      let index = classIndex.get(assumerClass);
      if (index === undefined) {
        index = classIndex.size;
        classIndex.set(assumerClass, index);
      }
      classEdges.push([index, role]);
    }
  }
  const memberEdges: Array<[number, number]> = [];
  for (const [assumerClass, index] of classIndex) for (const member of assumerClass.members) memberEdges.push([indexOf(member), index]);
  return {
    nodeIndex,
    nodeArns,
    direct: adjacencyOf(nodeArns.length, directEdges),
    classTargets: adjacencyOf(classIndex.size, classEdges),
    memberOf: adjacencyOf(nodeArns.length, memberEdges),
  };
}

/**
 * @param reach direct assumers of every role (computeAssumableBy)
 * @param bedrockRoleAccount the account of every role that holds Bedrock access
 */
export function computeReachedAccounts(reach: Map<string, RoleReach>, bedrockRoleAccount: Map<string, string>, maxDepth = DEFAULT_MAX_REACH_DEPTH): ReachedAccounts {
  const { nodeIndex, nodeArns, direct, classTargets, memberOf } = indexGraph(reach);
  const nodeCount = nodeArns.length;
  const classCount = classTargets.offsets.length - 1;
  const hasEdges = (node: number) => direct.offsets[node + 1] > direct.offsets[node] || memberOf.offsets[node + 1] > memberOf.offsets[node];

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
  for (let node = 0; node < nodeCount; node += 1) if (hasEdges(node) && reach.has(nodeArns[node])) slotOfNode[node] = slotCount++;

  /** ORs into `into` the accounts reached in one hop through `role`, and through it within the previous level. */
  const addTarget = (role: number, previous: Uint32Array | null, into: Uint32Array, intoOffset: number) => {
    const bit = bitOfNode[role];
    if (bit >= 0) into[intoOffset + (bit >>> 5)] |= 1 << (bit & 31);
    const slot = previous ? slotOfNode[role] : -1;
    if (slot >= 0 && previous) for (let word = 0, from = slot * words; word < words; word += 1) into[intoOffset + word] |= previous[from + word];
  };
  /** Each class's accounts at a level: what the roles that admitted it reach, one hop on. */
  const classLevel = (previous: Uint32Array | null): Uint32Array => {
    const sets = new Uint32Array(classCount * words);
    for (let assumerClass = 0; assumerClass < classCount; assumerClass += 1) {
      for (let edge = classTargets.offsets[assumerClass]; edge < classTargets.offsets[assumerClass + 1]; edge += 1) addTarget(classTargets.values[edge], previous, sets, assumerClass * words);
    }
    return sets;
  };
  /** Accounts reached within a level from node, written into `into` (OR). */
  const unionOfLevel = (node: number, previous: Uint32Array | null, classSets: Uint32Array, into: Uint32Array, intoOffset: number) => {
    for (let edge = direct.offsets[node]; edge < direct.offsets[node + 1]; edge += 1) addTarget(direct.values[edge], previous, into, intoOffset);
    for (let edge = memberOf.offsets[node]; edge < memberOf.offsets[node + 1]; edge += 1) {
      for (let word = 0, from = memberOf.values[edge] * words; word < words; word += 1) into[intoOffset + word] |= classSets[from + word];
    }
  };

  // Level k for intermediate roles, k = 1 .. maxDepth - 1.
  let previous: Uint32Array | null = null;
  for (let level = 1; level < maxDepth; level += 1) {
    const classSets = classLevel(previous);
    const current = new Uint32Array(slotCount * words);
    for (let node = 0; node < nodeCount; node += 1) {
      const slot = slotOfNode[node];
      if (slot >= 0) unionOfLevel(node, previous, classSets, current, slot * words);
    }
    previous = current;
  }

  const finalPrevious = maxDepth > 1 ? previous : null;
  let finalClassSets: Uint32Array | null = null;
  // Principals reaching roles only through the same classes share one answer.
  const finalSets = new Map<number | string, string[]>();
  const scratch = new Uint32Array(words);
  const accountsOfNode = (node: number): string[] => {
    const onlyThroughClasses = direct.offsets[node + 1] === direct.offsets[node];
    const cacheKey = onlyThroughClasses ? memberOf.values.subarray(memberOf.offsets[node], memberOf.offsets[node + 1]).join(',') : node;
    const cached = finalSets.get(cacheKey);
    if (cached) return cached;
    finalClassSets ??= classLevel(finalPrevious);
    scratch.fill(0);
    unionOfLevel(node, finalPrevious, finalClassSets, scratch, 0);
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
    finalSets.set(cacheKey, result);
    return result;
  };

  return {
    accountsOf(principalArn) {
      const node = nodeIndex.get(principalArn);
      if (node === undefined || !hasEdges(node) || maxDepth < 1) return NO_ACCOUNTS;
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
          // A class is no hop: the roles that admitted it are one hop from each member.
          const targets: number[] = [];
          for (let edge = direct.offsets[node]; edge < direct.offsets[node + 1]; edge += 1) targets.push(direct.values[edge]);
          for (let edge = memberOf.offsets[node]; edge < memberOf.offsets[node + 1]; edge += 1) {
            const assumerClass = memberOf.values[edge];
            for (let target = classTargets.offsets[assumerClass]; target < classTargets.offsets[assumerClass + 1]; target += 1) targets.push(classTargets.values[target]);
          }
          for (const target of targets) {
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
