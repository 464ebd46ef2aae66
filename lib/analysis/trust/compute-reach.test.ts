import { describe, expect, it } from 'vitest';
import type { TrustEntry } from '../types';
import { computeAssumableBy, type ReachInput, type ReachRole } from './compute-reach';
import { computeReachableRoles } from './test-support/reference-reach';

const A = '111111111111';
const B = '222222222222';
const arn = (account: string, kind: 'user' | 'role', name: string) => `arn:aws:iam::${account}:${kind}/${name}`;

function trust(kind: TrustEntry['kind'], principal: string, accountId: string | null): TrustEntry {
  return { kind, principal, accountId, isConditional: false, conditions: [], isSubjectPinned: null, oidcProvider: null };
}

function reachRole(account: string, name: string, trusts: TrustEntry[]): ReachRole {
  return { arn: arn(account, 'role', name), accountId: account, trusts };
}

function input(roles: ReachRole[], users: string[], allowed: Array<[string, string]>, calls: Array<[string, string]> = []): ReachInput {
  const allowedKeys = new Set(allowed.map(([principal, role]) => `${principal}|${role}`));
  return {
    roles,
    principals: [...users.map((user) => ({ arn: user, accountId: user.split(':')[4] })), ...roles.map((role) => ({ arn: role.arn, accountId: role.accountId }))],
    canAssumeByIdentityPolicy: (principal, role) => {
      calls.push([principal, role]);
      return allowedKeys.has(`${principal}|${role}`);
    },
  };
}

describe('computeAssumableBy', () => {
  const alice = arn(A, 'user', 'alice');
  const bob = arn(B, 'user', 'bob');

  it('a same-account principal named by ARN needs no identity policy', () => {
    const target = reachRole(A, 'bedrock-app', [trust('same-account', alice, A)]);
    const calls: Array<[string, string]> = [];
    const reach = computeAssumableBy(input([target], [alice], [], calls));
    expect(reach.get(target.arn)?.paths).toEqual([{ chain: [alice, target.arn] }]);
    expect(calls).toEqual([]);
  });

  it('a cross-account principal named by ARN also needs its identity policy', () => {
    const target = reachRole(A, 'bedrock-app', [trust('organization-account', bob, B)]);
    expect(computeAssumableBy(input([target], [bob], [])).get(target.arn)?.paths).toEqual([]);
    expect(computeAssumableBy(input([target], [bob], [[bob, target.arn]])).get(target.arn)?.paths).toEqual([{ chain: [bob, target.arn] }]);
  });

  it('an account-root trust admits only principals of that account whose identity policy allows it', () => {
    const carol = arn(B, 'user', 'carol');
    const target = reachRole(A, 'bedrock-app', [trust('organization-account', `arn:aws:iam::${B}:root`, B)]);
    const calls: Array<[string, string]> = [];
    const reach = computeAssumableBy(input([target], [alice, bob, carol], [[bob, target.arn]], calls));
    expect(reach.get(target.arn)?.paths).toEqual([{ chain: [bob, target.arn] }]);
    // alice is in another account: the callback is never asked about her.
    expect(calls.map(([principal]) => principal).sort()).toEqual([bob, carol]);
  });

  it('asks once per decision key and role, and admits every principal that shares the key', () => {
    const carol = arn(B, 'user', 'carol');
    const dave = arn(B, 'user', 'dave');
    const target = reachRole(A, 'bedrock-app', [trust('organization-account', `arn:aws:iam::${B}:root`, B)]);
    const calls: Array<[string, string]> = [];
    const base = input([target], [bob, carol, dave], [[bob, target.arn]], calls);
    // bob and carol share one access (key 'k1'); dave has his own.
    const keys = new Map([[bob, 'k1'], [carol, 'k1'], [dave, 'k2']]);
    const reach = computeAssumableBy({ ...base, principals: base.principals.map((principal) => ({ ...principal, decisionKey: keys.get(principal.arn) })) });
    expect(reach.get(target.arn)?.directAssumers).toEqual([bob, carol]);
    expect(calls.map(([principal]) => principal)).toEqual([bob, dave]);
  });

  it('a bare account id in the same account still requires the identity policy', () => {
    const target = reachRole(A, 'bedrock-app', [trust('same-account', A, A)]);
    expect(computeAssumableBy(input([target], [alice], [])).get(target.arn)?.paths).toEqual([]);
  });

  it('public trust admits anyone whose identity policy allows it', () => {
    const target = reachRole(A, 'open', [trust('public', '*', null)]);
    const reach = computeAssumableBy(input([target], [alice, bob], [[bob, target.arn]]));
    expect(reach.get(target.arn)?.paths).toEqual([{ chain: [bob, target.arn] }]);
  });

  it('with a pre-filter, public and account-root trusts ask only about principals that can assume roles, named ones are still checked', () => {
    const carol = arn(B, 'user', 'carol');
    const open = reachRole(A, 'open', [trust('public', '*', null)]);
    const rooted = reachRole(A, 'rooted', [trust('organization-account', `arn:aws:iam::${B}:root`, B)]);
    const named = reachRole(A, 'named', [trust('organization-account', carol, B)]);
    const calls: Array<[string, string]> = [];
    const reach = computeAssumableBy({
      ...input([open, rooted, named], [alice, bob, carol], [[bob, open.arn], [bob, rooted.arn]], calls),
      canAssumeAnyRole: (principal) => principal === bob,
    });
    expect(reach.get(open.arn)?.paths).toEqual([{ chain: [bob, open.arn] }]);
    expect(reach.get(rooted.arn)?.paths).toEqual([{ chain: [bob, rooted.arn] }]);
    expect(calls.filter(([, role]) => role !== named.arn).map(([principal]) => principal)).toEqual([bob, bob]);
    // A principal named by ARN is decided by the callback whatever the pre-filter says.
    expect(calls.filter(([, role]) => role === named.arn)).toEqual([[carol, named.arn]]);
  });

  it('service, SAML and OIDC trusts add no IAM principal', () => {
    const target = reachRole(A, 'svc', [trust('aws-service', 'lambda.amazonaws.com', null), trust('saml', `arn:aws:iam::${A}:saml-provider/AWSSSO_x`, A)]);
    expect(computeAssumableBy(input([target], [alice], [])).get(target.arn)?.paths).toEqual([]);
  });

  it('follows role chains breadth first, without cycles', () => {
    const hop = reachRole(B, 'hop', []);
    const target = reachRole(A, 'bedrock-app', [trust('organization-account', hop.arn, B)]);
    hop.trusts = [trust('same-account', bob, B), trust('organization-account', target.arn, A)];
    const reach = computeAssumableBy(input([target, hop], [bob], [[hop.arn, target.arn], [target.arn, hop.arn]]));
    expect(reach.get(target.arn)?.paths).toEqual([{ chain: [hop.arn, target.arn] }, { chain: [bob, hop.arn, target.arn] }]);
    expect(reach.get(hop.arn)?.paths).toEqual([{ chain: [bob, hop.arn] }, { chain: [target.arn, hop.arn] }]);
  });

  it('resolves assumed-role session ARNs and role ARNs without the path', () => {
    const deployer = reachRole(A, 'ci/deployer', []);
    const target = reachRole(A, 'bedrock-app', [trust('same-account', `arn:aws:sts::${A}:assumed-role/deployer/build-42`, A)]);
    expect(computeAssumableBy(input([target, deployer], [], [])).get(target.arn)?.paths).toEqual([{ chain: [deployer.arn, target.arn] }]);
  });

  it('stops at the depth limit and caps paths with a flag', () => {
    // A straight chain r0 <- r1 <- ... <- r6: r0 is reachable from r1..r4 with maxDepth 4.
    const roles = Array.from({ length: 7 }, (_, index) => reachRole(A, `r${index}`, []));
    roles.forEach((role, index) => {
      if (index < roles.length - 1) role.trusts = [trust('same-account', roles[index + 1].arn, A)];
    });
    const reach = computeAssumableBy({ ...input(roles, [], []), maxDepth: 4 });
    expect(reach.get(roles[0].arn)?.paths.map((path) => path.chain.length)).toEqual([2, 3, 4, 5]);
    const capped = computeAssumableBy({ ...input(roles, [], []), maxPathsPerRole: 2 }).get(roles[0].arn);
    expect(capped).toMatchObject({ isTruncated: true });
    expect(capped?.paths).toHaveLength(2);
  });

  it('handles 100,000 principals with account-root trusts and calls the callback only for admitted pairs', () => {
    const accounts = Array.from({ length: 100 }, (_, index) => String(100000000000 + index));
    const users = accounts.flatMap((account) => Array.from({ length: 1000 }, (_, index) => arn(account, 'user', `u${index}`)));
    const roles = accounts.map((account, index) => reachRole(account, 'bedrock', [trust('organization-account', `arn:aws:iam::${accounts[(index + 1) % 100]}:root`, null)]));
    let calls = 0;
    const started = performance.now();
    const reach = computeAssumableBy({
      roles,
      principals: [...users.map((user) => ({ arn: user, accountId: user.split(':')[4] })), ...roles.map((role) => ({ arn: role.arn, accountId: role.accountId }))],
      canAssumeByIdentityPolicy: (principal) => {
        calls += 1;
        return principal.endsWith('/u1');
      },
    });
    const elapsed = performance.now() - started;
    // Each role admits one account: 1000 users + 1 role, never all 100,100 principals.
    expect(calls).toBe(100 * 1001);
    expect(reach.get(roles[0].arn)?.paths).toEqual([{ chain: [arn(accounts[1], 'user', 'u1'), roles[0].arn] }]);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('computeReachableRoles', () => {
  it('lists every role a principal can become, through chains', () => {
    const bob = arn(B, 'user', 'bob');
    const hop = reachRole(B, 'hop', [trust('same-account', bob, B)]);
    const target = reachRole(A, 'bedrock-app', [trust('organization-account', hop.arn, B)]);
    const reach = computeAssumableBy(input([target, hop], [bob], [[hop.arn, target.arn]]));
    const reachable = computeReachableRoles(reach);
    expect(reachable.get(bob)?.sort()).toEqual([hop.arn, target.arn].sort());
    expect(reachable.get(hop.arn)).toEqual([target.arn]);
  });
});
