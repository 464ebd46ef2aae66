import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32';
import type { TrustEntry } from '../types';
import { computeAssumableBy, type ReachInput, type ReachPrincipal, type ReachRole } from './compute-reach';
import { computeReachedAccounts } from './reach-accounts';
import { computeAssumableByPairwise } from './test-support/reference-assumable-by';
import { diverseSnapshot } from './test-support/diverse-snapshot';
import { loadActionCatalogue } from '../catalogue/load-catalogue';
import { createEvaluator } from '../evaluation/evaluate-principal';
import { createAssumeRoleClassifier } from './assume-role-class';
import { awsManagedPolicy, roleFacts, userFacts } from '../test-support/principal-facts';
import type { OrganizationFacts, SnapshotInput } from '../types';

function trust(kind: TrustEntry['kind'], principal: string, accountId: string | null): TrustEntry {
  return { kind, principal, accountId, isConditional: false, conditions: [], isSubjectPinned: null, oidcProvider: null };
}

/**
 * A random organisation: principals with shared, own or no decision keys, some unable to assume
 * any role, and roles trusting `*`, account roots (their own and others), principals by ARN in
 * their own account and others, and services, in random order and with repeats.
 */
function randomOrganization(seed: number): ReachInput {
  const next = mulberry32(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const accounts = Array.from({ length: 2 + Math.floor(next() * 4) }, (_, index) => String(300000000000 + index));
  const principals: ReachPrincipal[] = [];
  const roles: ReachRole[] = [];
  const keys = ['admin', 'power', 'ci', 'narrow'];
  for (const accountId of accounts) {
    const count = 2 + Math.floor(next() * 8);
    for (let index = 0; index < count; index += 1) {
      const isRole = next() < 0.6;
      const arn = `arn:aws:iam::${accountId}:${isRole ? 'role' : 'user'}/p${index}`;
      const roll = next();
      const decisionKey = roll < 0.5 ? pick(keys) : roll < 0.7 ? `${arn}#own` : undefined;
      principals.push({ arn, accountId, decisionKey });
      if (isRole) roles.push({ arn, accountId, trusts: [] });
    }
  }
  for (const role of roles) {
    const entryCount = Math.floor(next() * 4);
    for (let entry = 0; entry < entryCount; entry += 1) {
      const roll = next();
      const other = pick(accounts);
      if (roll < 0.2) role.trusts.push(trust('public', '*', null));
      else if (roll < 0.45) role.trusts.push(trust(other === role.accountId ? 'same-account' : 'organization-account', `arn:aws:iam::${other}:root`, other));
      else if (roll < 0.9) {
        const named = pick(principals);
        role.trusts.push(trust(named.accountId === role.accountId ? 'same-account' : 'organization-account', named.arn, named.accountId));
      } else role.trusts.push(trust('aws-service', 'lambda.amazonaws.com', null));
    }
  }
  const capable = new Set(principals.filter(() => next() < 0.75).map((principal) => principal.arn));
  const keyOf = new Map(principals.map((principal) => [principal.arn, principal.decisionKey ?? principal.arn]));
  // The same answer for every principal of a key, as the contract requires.
  const answer = new Map<string, boolean>();
  return {
    roles,
    principals,
    canAssumeAnyRole: (arn) => capable.has(arn),
    canAssumeByIdentityPolicy: (principalArn, roleArn) => {
      if (!capable.has(principalArn)) return false;
      const key = `${String(keyOf.get(principalArn))}|${roleArn}`;
      let allowed = answer.get(key);
      if (allowed === undefined) {
        allowed = next() < 0.6;
        answer.set(key, allowed);
      }
      return allowed;
    },
    maxPathsPerRole: 6,
  };
}

describe('reach by classes equals the pairwise reach it replaced', () => {
  it('on 400 random organisations: the same direct assumers in the same order, paths, truncation and reached accounts', () => {
    let classAdmissions = 0;
    let chains = 0;
    for (let seed = 1; seed <= 400; seed += 1) {
      const input = randomOrganization(seed);
      // Both engines ask the same callback; answers are fixed per key and role once drawn.
      const reference = computeAssumableByPairwise(input);
      const classes = computeAssumableBy(input);
      const bedrockRoleAccount = new Map(input.roles.filter((_role, index) => index % 2 === 0).map((role) => [role.arn, role.accountId]));
      const referenceAccounts = computeReachedAccounts(reference, bedrockRoleAccount);
      const classAccounts = computeReachedAccounts(classes, bedrockRoleAccount);
      for (const role of input.roles) {
        const expected = reference.get(role.arn);
        const actual = classes.get(role.arn);
        expect(actual?.directAssumers, `seed ${seed} ${role.arn}`).toEqual(expected?.directAssumers);
        expect(actual?.paths, `seed ${seed} ${role.arn}`).toEqual(expected?.paths);
        expect(actual?.isTruncated, `seed ${seed} ${role.arn}`).toBe(expected?.isTruncated);
        classAdmissions += actual?.assumers?.classes.length ?? 0;
        chains += (actual?.paths ?? []).filter((path) => path.chain.length > 2).length;
      }
      // A walk back to the start may add the start's own account: the caller counts it anyway
      // when the start holds Bedrock access (reach-accounts.ts), so compare without it.
      const withoutOwn = (principal: ReachPrincipal, accounts: string[]) => (bedrockRoleAccount.has(principal.arn) ? accounts.filter((accountId) => accountId !== principal.accountId) : accounts);
      for (const principal of input.principals) {
        expect(withoutOwn(principal, classAccounts.accountsOf(principal.arn)), `seed ${seed} ${principal.arn}`).toEqual(withoutOwn(principal, referenceAccounts.accountsOf(principal.arn)));
        for (const role of input.roles) {
          expect(classAccounts.shortestChain(principal.arn, role.arn)?.chain.length, `seed ${seed} ${principal.arn} -> ${role.arn}`).toBe(referenceAccounts.shortestChain(principal.arn, role.arn)?.chain.length);
        }
      }
    }
    // The organisations exercise what the test is about: whole classes admitted, and role chains.
    expect(classAdmissions).toBeGreaterThan(400);
    expect(chains).toBeGreaterThan(400);
  });

  it('holds a `*` trust as one edge per admitted class, never one per member', () => {
    const accountId = '400000000000';
    const principals: ReachPrincipal[] = Array.from({ length: 5000 }, (_, index) => ({ arn: `arn:aws:iam::${accountId}:user/u${index}`, accountId, decisionKey: index % 2 === 0 ? 'admin' : 'reader' }));
    const roles: ReachRole[] = Array.from({ length: 200 }, (_, index) => ({ arn: `arn:aws:iam::${accountId}:role/open${index}`, accountId, trusts: [trust('public', '*', null)] }));
    let calls = 0;
    const reach = computeAssumableBy({
      roles,
      principals: [...principals, ...roles.map((role) => ({ arn: role.arn, accountId }))],
      canAssumeAnyRole: (arn) => arn.includes(':user/'),
      canAssumeByIdentityPolicy: (principalArn) => {
        calls += 1;
        return Number(principalArn.split('/u')[1]) % 2 === 0;
      },
    });
    const open = reach.get(roles[0].arn);
    // Two keys, 200 roles: 400 decisions, and one admitted class per role.
    expect(calls).toBe(400);
    expect(open?.assumers?.classes).toHaveLength(1);
    expect(open?.assumers?.classes[0].members).toHaveLength(2500);
    expect(open?.paths).toHaveLength(50);
    expect(open?.paths[0]).toEqual({ chain: [principals[0].arn, roles[0].arn] });
    const accounts = computeReachedAccounts(reach, new Map(roles.map((role) => [role.arn, accountId])));
    expect(accounts.accountsOf(principals[4998].arn)).toEqual([accountId]);
    expect(accounts.accountsOf(principals[4999].arn)).toEqual([]);
  });

  it('admits a principal named in its own account by the trust alone, even when an earlier account-root entry found no identity Allow', () => {
    const accountId = '500000000000';
    const alice = `arn:aws:iam::${accountId}:user/alice`;
    const role: ReachRole = { arn: `arn:aws:iam::${accountId}:role/app`, accountId, trusts: [trust('same-account', `arn:aws:iam::${accountId}:root`, accountId), trust('same-account', alice, accountId)] };
    const input: ReachInput = { roles: [role], principals: [{ arn: alice, accountId }], canAssumeByIdentityPolicy: () => false };
    expect(computeAssumableBy(input).get(role.arn)?.directAssumers).toEqual([alice]);
    expect(computeAssumableByPairwise(input).get(role.arn)?.directAssumers).toEqual([alice]);
  });
});

describe('assume-role classes answer as a whole request evaluation would', () => {
  for (const seed of ['class-1', 'class-2']) {
    it(`gives every member of a class, for every role, the decision decideRequest gives it (${seed})`, async () => {
      const catalogue = await loadActionCatalogue();
      const snapshot = diverseSnapshot(seed, 10, 40, new Date('2026-11-01T00:00:00Z'));
      const evaluator = createEvaluator(catalogue, snapshot);
      const classify = createAssumeRoleClassifier(catalogue);
      const all = snapshot.accounts.flatMap((account) => [...account.users, ...account.roles]);
      const capable = all.filter((principal) => evaluator.evaluatePrincipal(principal).supportingGrants.some((grant) => grant.action === 'sts:AssumeRole'));
      const roles = all.filter((principal) => principal.type === 'role');
      const keys = new Set<string>();
      let allowed = 0;
      let conditional = 0;
      for (const principal of capable) {
        const key = classify(evaluator.resolvePrincipal(principal));
        keys.add(key);
        for (const role of roles) {
          const expected = evaluator.isAllowed(principal, 'sts:AssumeRole', role.arn);
          expect(classify.allows(key, role.arn), `${principal.arn} -> ${role.arn}`).toBe(expected.decision === 'allow');
          if (expected.decision === 'allow') allowed += 1;
          if (expected.isConditional) conditional += 1;
        }
      }
      // Both answers occur, conditional statements are among the classified, and classes share.
      expect(allowed).toBeGreaterThan(0);
      expect(allowed).toBeLessThan(capable.length * roles.length);
      expect(conditional).toBeGreaterThan(0);
      expect(keys.size).toBeLessThan(capable.length / 2);
    });
  }
});

describe('assume-role classes: the statements that decide', () => {
  const A = '600000000000';
  const admin = awsManagedPolicy('AdministratorAccess');
  const targets = ['prod-deployer', 'dev-sandbox', 'break-glass'].map((name) => roleFacts(name, { accountId: A }));
  const policy = (name: string, statements: unknown[]) => ({ name, document: { Version: '2012-10-17', Statement: statements } });
  const principals = [
    // Unconditional Deny on prod-* roles in an identity policy.
    userFacts('no-prod', { accountId: A, attachedManagedPolicyArns: [admin.arn], inlinePolicies: [policy('deny-prod', [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/prod-*` }])] }),
    // A Deny that holds only without MFA: undecided without a request, so it does not deny.
    userFacts('mfa-deny', { accountId: A, attachedManagedPolicyArns: [admin.arn], inlinePolicies: [policy('mfa', [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }])] }),
    // A conditional Allow on dev-* only: allows dev-*, nothing else.
    userFacts('dev-only', { accountId: A, inlinePolicies: [policy('dev', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/dev-*`, Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }])] }),
    // Administrator under a boundary that allows only break-glass.
    userFacts('bounded', { accountId: A, attachedManagedPolicyArns: [admin.arn], permissionsBoundaryArn: `arn:aws:iam::${A}:policy/only-break-glass` }),
    userFacts('plain-admin', { accountId: A, attachedManagedPolicyArns: [admin.arn] }),
  ];
  const boundary = { arn: `arn:aws:iam::${A}:policy/only-break-glass`, name: 'only-break-glass', path: '/', isAwsManaged: false, defaultVersionId: 'v1', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/break-glass` }] } };
  const organization: OrganizationFacts = {
    id: 'o-1',
    managementAccountId: '999999999999',
    accounts: [{ id: A, name: 'Workload', ouPath: [{ id: 'r-1', name: 'Root' }], environment: 'prod', ownerEmail: null, tags: {} }],
    policies: [
      { id: 'p-full', name: 'FullAWSAccess', kind: 'scp', document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, targetIds: ['r-1', A] },
      // The SCP keeps everyone in the account from becoming break-glass, except with MFA (undecided: no Deny).
      { id: 'p-bg', name: 'NoBreakGlass', kind: 'scp', document: { Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/break-glass`, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }, { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/prod-deployer` }] }, targetIds: [A] },
    ],
  };
  const snapshot: SnapshotInput = { capturedAt: '2026-11-01T00:00:00Z', organization, accounts: [{ accountId: A, users: principals, roles: targets, managedPolicies: [admin, boundary], groups: [] }] };

  it('decides Allows, Denies, boundaries and SCP levels as decideRequest does, conditional ones included', async () => {
    const catalogue = await loadActionCatalogue();
    const evaluator = createEvaluator(catalogue, snapshot);
    const classify = createAssumeRoleClassifier(catalogue);
    const answers: Record<string, string[]> = {};
    for (const principal of principals) {
      const key = classify(evaluator.resolvePrincipal(principal));
      answers[principal.name] = targets.filter((role) => classify.allows(key, role.arn)).map((role) => role.name);
      for (const role of targets) expect(classify.allows(key, role.arn), `${principal.name} -> ${role.name}`).toBe(evaluator.isAllowed(principal, 'sts:AssumeRole', role.arn).decision === 'allow');
    }
    // The SCP's unconditional Deny takes prod-deployer from everyone; its MFA Deny takes nothing.
    expect(answers).toEqual({
      'no-prod': ['dev-sandbox', 'break-glass'],
      'mfa-deny': ['dev-sandbox', 'break-glass'],
      'dev-only': ['dev-sandbox'],
      bounded: ['break-glass'],
      'plain-admin': ['dev-sandbox', 'break-glass'],
    });
  });

  it('puts principals whose deciding statements are the same in one class', async () => {
    const catalogue = await loadActionCatalogue();
    const evaluator = createEvaluator(catalogue, snapshot);
    const classify = createAssumeRoleClassifier(catalogue);
    const keyOf = (name: string) => classify(evaluator.resolvePrincipal(principals.find((principal) => principal.name === name) ?? principals[0]));
    // An undecided Deny decides nothing: the MFA-conditioned administrator is a plain administrator.
    expect(keyOf('mfa-deny')).toBe(keyOf('plain-admin'));
    expect(new Set(['no-prod', 'dev-only', 'bounded', 'plain-admin'].map(keyOf)).size).toBe(4);
  });
});
