import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../analyze-snapshot';
import { loadActionCatalogue } from '../catalogue/load-catalogue';
import { createEvaluator } from '../evaluation/evaluate-principal';
import { DEFAULT_SOD_RULES } from '../sod/default-rules';
import type { SnapshotInput, TrustEntry } from '../types';
import { createAssumeRoleClassifier } from './assume-role-class';
import { createTrustAnalyzer, summarizeExposure } from './analyze-trust';
import { computeAssumableByPairwise } from './test-support/reference-assumable-by';
import { computeReachableRoles } from './test-support/reference-reach';
import { diverseSnapshot as diverseSnapshotAt } from './test-support/diverse-snapshot';

const NOW = new Date('2026-11-01T00:00:00Z');

const diverseSnapshot = (seed: string, accountCount: number, principalsPerAccount: number): SnapshotInput => diverseSnapshotAt(seed, accountCount, principalsPerAccount, NOW);

/** The reach of the engine before issue #16: one decision per distinct access and role, every pair listed, then a search from every principal. */
function referenceReach(snapshot: SnapshotInput, catalogue: Awaited<ReturnType<typeof loadActionCatalogue>>) {
  const evaluator = createEvaluator(catalogue, snapshot);
  const organizationAccountIds = new Set(snapshot.organization?.accounts.map((account) => account.id));
  const analyzeTrust = createTrustAnalyzer(organizationAccountIds);
  const all = snapshot.accounts.flatMap((account) => [...account.users, ...account.roles]);
  const accessOf = new Map(all.map((principal) => [principal.arn, evaluator.evaluatePrincipal(principal)]));
  const byArn = new Map(all.map((principal) => [principal.arn, principal]));
  const trustsOf = new Map<string, TrustEntry[]>();
  for (const principal of all) if (principal.type === 'role') trustsOf.set(principal.arn, analyzeTrust(principal));
  const mayAssume = new Set(all.filter((principal) => accessOf.get(principal.arn)?.supportingGrants.some((grant) => grant.action.toLowerCase() === 'sts:assumerole')).map((principal) => principal.arn));
  const reach = computeAssumableByPairwise({
    roles: all.filter((principal) => principal.type === 'role').map((role) => ({ arn: role.arn, accountId: role.accountId, trusts: trustsOf.get(role.arn) ?? [] })),
    principals: all.map((principal) => ({ arn: principal.arn, accountId: principal.accountId, decisionKey: accessOf.get(principal.arn) })),
    canAssumeAnyRole: (arn) => mayAssume.has(arn),
    canAssumeByIdentityPolicy: (principalArn, roleArn) => mayAssume.has(principalArn) && evaluator.isAllowed(byArn.get(principalArn)!, 'sts:AssumeRole', roleArn).decision === 'allow',
  });
  const bedrockRoleAccount = new Map(all.filter((principal) => principal.type === 'role' && (accessOf.get(principal.arn)?.grants.length ?? 0) > 0).map((role) => [role.arn, role.accountId]));
  const reachable = computeReachableRoles(reach);
  const reachAccountIds = new Map<string, string[]>();
  for (const principal of all) {
    const accounts = new Set<string>();
    if ((accessOf.get(principal.arn)?.grants.length ?? 0) > 0) accounts.add(principal.accountId);
    for (const roleArn of reachable.get(principal.arn) ?? []) {
      const accountId = bedrockRoleAccount.get(roleArn);
      if (accountId !== undefined) accounts.add(accountId);
    }
    reachAccountIds.set(principal.arn, [...accounts].sort());
  }
  return { reach, trustsOf, reachAccountIds, evaluator, all, mayAssume };
}

describe('reach at scale equals the reference reach', () => {
  for (const seed of ['diff-1', 'diff-2', 'diff-3']) {
    it(`gives the same reach accounts, exposure and blast-radius inputs on a generated diverse organisation (${seed})`, async () => {
      const catalogue = await loadActionCatalogue();
      const snapshot = diverseSnapshot(seed, 12, 40);
      const analysis = analyzeSnapshot(snapshot, catalogue, { now: NOW, sodRules: [...DEFAULT_SOD_RULES] });
      const reference = referenceReach(snapshot, catalogue);
      let crossAccountReach = 0;
      let assumable = 0;
      for (const principal of analysis.principals) {
        const arn = principal.facts.arn;
        expect(principal.reachAccountIds, arn).toEqual(reference.reachAccountIds.get(arn));
        expect(principal.exposure, arn).toEqual(summarizeExposure(reference.trustsOf.get(arn) ?? [], reference.reach.get(arn)?.paths ?? []));
        if (principal.reachAccountIds.length > 1) crossAccountReach += 1;
        if ((reference.reach.get(arn)?.directAssumers.length ?? 0) > 0) assumable += 1;
      }
      // The organisation exercises what the test is about.
      expect(crossAccountReach).toBeGreaterThan(20);
      expect(assumable).toBeGreaterThan(20);
    });
  }

  it('puts in one assume-role class only principals that get the same decision for every role', async () => {
    const catalogue = await loadActionCatalogue();
    const snapshot = diverseSnapshot('classes', 10, 40);
    const { evaluator, all, mayAssume } = referenceReach(snapshot, catalogue);
    const classify = createAssumeRoleClassifier(catalogue);
    const members = new Map<string, typeof all>();
    for (const principal of all) {
      if (!mayAssume.has(principal.arn)) continue;
      const key = classify(evaluator.resolvePrincipal(principal));
      if (key !== null) members.set(key, [...(members.get(key) ?? []), principal]);
    }
    const roles = all.filter((principal) => principal.type === 'role');
    const shared = [...members.values()].filter((list) => list.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const list of shared) {
      for (const role of roles) {
        const decisions = new Set(list.map((principal) => evaluator.isAllowed(principal, 'sts:AssumeRole', role.arn).decision));
        expect(decisions.size, `${list[0].arn} and ${list.length - 1} others on ${role.arn}`).toBe(1);
      }
    }
  });
});
