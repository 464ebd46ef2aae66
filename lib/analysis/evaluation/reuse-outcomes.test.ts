import { beforeAll, describe, expect, it } from 'vitest';
import { loadActionCatalogue, type ActionCatalogue } from '../catalogue/load-catalogue';
import { diverseSnapshot } from '../trust/test-support/diverse-snapshot';
import type { PrincipalAccess, PrincipalFacts } from '../types';
import { createEvaluator } from './evaluate-principal';

/** Everything an access says, as plain JSON (grant objects shared or not). */
const asJson = (access: PrincipalAccess) => JSON.stringify(access);

describe('outcomes reused across a principal\'s own Denies', () => {
  let catalogue: ActionCatalogue;
  beforeAll(async () => {
    catalogue = await loadActionCatalogue();
  });

  it.each(['reuse-a', 'reuse-b', 'reuse-c'])('give every principal of a diverse organisation (seed %s) exactly the access computed whole', (seed) => {
    const snapshot = diverseSnapshot(seed, 6, 40, new Date('2026-11-01T00:00:00Z'));
    const reused = createEvaluator(catalogue, snapshot);
    const whole = createEvaluator(catalogue, snapshot, { reuseOutcomesAcrossDenies: false });
    const principals: PrincipalFacts[] = snapshot.accounts.flatMap((account) => [...account.users, ...account.roles]);
    const sharedGrants = new Set<object>();
    let principalsWithOwnDenies = 0;
    for (const principal of principals) {
      const access = reused.evaluatePrincipal(principal);
      expect(asJson(access), principal.arn).toBe(asJson(whole.evaluatePrincipal(principal)));
      if (reused.resolvePrincipal(principal).identity.some((ref) => ref.policy.denyStatements.length > 0)) principalsWithOwnDenies += 1;
      for (const grant of access.grants) sharedGrants.add(grant);
    }
    // The case this guards must occur: principals whose own policies deny some actions.
    expect(principalsWithOwnDenies).toBeGreaterThan(20);
    // And it must pay: fewer distinct grant objects than when every outcome is computed whole.
    const wholeGrants = new Set<object>(principals.flatMap((principal) => whole.evaluatePrincipal(principal).grants));
    expect(sharedGrants.size).toBeLessThan(wholeGrants.size);
  });
});
