import { DEFAULT_MAX_REACH_DEPTH, type RoleReach } from '../compute-reach';

/**
 * The reach engine before issue #16, kept only as the oracle of the differential test: a
 * breadth-first search from every principal, materialising every (principal, role) pair.
 * Quadratic on organisations where many principals can assume many roles; never used in production.
 * Returns the roles each principal can become (directly or by chaining, up to `maxDepth` hops).
 */
export function computeReachableRoles(reach: Map<string, RoleReach>, maxDepth = DEFAULT_MAX_REACH_DEPTH): Map<string, string[]> {
  const outgoing = new Map<string, string[]>();
  for (const [roleArn, { directAssumers }] of reach) {
    for (const assumer of directAssumers) {
      const targets = outgoing.get(assumer);
      if (targets) targets.push(roleArn);
      else outgoing.set(assumer, [roleArn]);
    }
  }
  const result = new Map<string, string[]>();
  for (const start of outgoing.keys()) {
    const depthByRole = new Map<string, number>();
    let frontier = [start];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
      const nextFrontier: string[] = [];
      for (const principal of frontier) {
        for (const target of outgoing.get(principal) ?? []) {
          if (target === start || depthByRole.has(target)) continue;
          depthByRole.set(target, depth);
          nextFrontier.push(target);
        }
      }
      frontier = nextFrontier;
    }
    result.set(start, [...depthByRole.keys()]);
  }
  return result;
}
