/**
 * The naive design, for comparison only: one full policy-simulation call per (principal, action),
 * here with iam-simulate (AGPL, a devDependency; benchmarks are dev tooling, never shipped).
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { ActionCatalogue } from '../lib/analysis/catalogue/load-catalogue';
import type { PolicyDocumentSource, PrincipalFacts, SnapshotInput } from '../lib/analysis/types';

function parse(document: PolicyDocumentSource): Record<string, unknown> {
  if (typeof document !== 'string') return document;
  return JSON.parse(document.startsWith('%7B') || document.startsWith('%7b') ? decodeURIComponent(document) : document) as Record<string, unknown>;
}

export async function runNaiveSlice(snapshot: SnapshotInput, catalogue: ActionCatalogue, principalLimit: number): Promise<{ principalCount: number; actionCount: number; callCount: number; seconds: number }> {
  const actions = catalogue.actions.filter((action) => action.isBedrock).map((action) => action.name);
  const slice: Array<{ principal: PrincipalFacts; identityPolicies: Array<{ name: string; policy: Record<string, unknown> }> }> = [];
  for (const account of snapshot.accounts) {
    const managed = new Map(account.managedPolicies.map((policy) => [policy.arn, policy]));
    const groups = new Map(account.groups.map((group) => [group.name, group]));
    for (const principal of [...account.users, ...account.roles]) {
      if (slice.length >= principalLimit) break;
      const holders = [principal, ...(principal.type === 'user' ? principal.groupNames.map((name) => groups.get(name)).filter((group) => group !== undefined) : [])];
      const identityPolicies = holders.flatMap((holder) => [
        ...holder.inlinePolicies.map((policy) => ({ name: policy.name, policy: parse(policy.document) })),
        ...holder.attachedManagedPolicyArns.flatMap((arn) => {
          const policy = managed.get(arn);
          return policy ? [{ name: policy.name, policy: parse(policy.document) }] : [];
        }),
      ]);
      slice.push({ principal, identityPolicies });
    }
  }
  let callCount = 0;
  const started = performance.now();
  for (const { principal, identityPolicies } of slice) {
    for (const action of actions) {
      const simulation: Simulation = {
        request: { principal: principal.arn, action, resource: { resource: '*', accountId: principal.accountId }, contextVariables: {} },
        identityPolicies,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
      };
      await runSimulation(simulation, {});
      callCount += 1;
    }
  }
  return { principalCount: slice.length, actionCount: actions.length, callCount, seconds: (performance.now() - started) / 1000 };
}
