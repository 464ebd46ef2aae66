import type { ActionCatalogue, CatalogueEntry } from '../catalogue/load-catalogue';
import { PolicyCompiler } from '../policy/compile-policy';
import type { PrincipalAccess, PrincipalFacts, SnapshotInput } from '../types';
import { type ActionGate, computeActionGate } from './access-gate';
import { computeAccess, createOutcomeCaches, type EvaluatorOptions } from './compute-access';
import { decideRequest, type RequestContext, type RequestDecision } from './decide-request';
import { mentionsAccountPolicies, rebaseAccess } from './rebase-access';
import { PolicyResolver, type ResolvedPrincipal } from './resolve-policies';

export type { PrincipalAccess } from '../types';
export type { RequestContext, RequestDecision } from './decide-request';
export type { EvaluatorOptions } from './compute-access';

export interface Evaluator {
  /**
   * Effective Bedrock access of a principal: grants (Bedrock actions), supporting grants
   * (iam/sts actions of SoD and role reach), denied actions and errors. Principals that the same
   * policies reach the same way share one result: treat the returned value as read-only.
   */
  evaluatePrincipal(principal: PrincipalFacts): PrincipalAccess;
  /** The decision for one concrete request; `resourceArn` is `*` for wildcard-only actions. */
  isAllowed(principal: PrincipalFacts, action: string, resourceArn: string, context?: RequestContext): RequestDecision;
  /** The policies that reach a principal, compiled (memoised; reach classes read them). */
  resolvePrincipal(principal: PrincipalFacts): ResolvedPrincipal;
  /** Distinct policies compiled so far (for benchmarks). */
  compiledPolicyCount(): number;
}

/**
 * Creates the evaluator of one snapshot. Each distinct policy is parsed and compiled once
 * (managed policies by ARN and version, inline policies and SCPs by text), the boundary/SCP
 * gate of an action is computed once per (account, boundary), and principals reached by the
 * same policies in the same way share one computed access.
 *
 * Follows AWS's evaluation logic for identity-based access: explicit Deny in an identity policy,
 * the boundary or an SCP wins; an identity Allow is needed; the boundary (if any) and every SCP
 * level on the account's path must allow. The management account is exempt from SCPs; without
 * organisation data SCPs are not applied. RCPs and resource policies are not considered: they
 * restrict or extend access per resource, which identity review does not see.
 */
export function createEvaluator(catalogue: ActionCatalogue, snapshot: SnapshotInput, options: EvaluatorOptions = {}): Evaluator {
  const compiler = new PolicyCompiler(catalogue);
  const resolver = new PolicyResolver(snapshot, compiler);
  const gateCache = new Map<string, Array<ActionGate | undefined>>();
  /** Per account: the access of one account's principals. */
  const accessCache = new Map<string, PrincipalAccess>();
  /** Across accounts: computed once, reused as is or rebased to another account's policy ARNs. */
  const sharedAccessCache = new Map<string, { access: PrincipalAccess; accountId: string; isAccountSpecific: boolean }>();
  const outcomeCaches = createOutcomeCaches(options);
  // Reach checks ask isAllowed about the same principals many times: resolve each once.
  const resolvedCache = new WeakMap<PrincipalFacts, ReturnType<PolicyResolver['resolve']>>();
  const resolve = (principal: PrincipalFacts) => {
    let resolved = resolvedCache.get(principal);
    if (!resolved) {
      resolved = resolver.resolve(principal);
      resolvedCache.set(principal, resolved);
    }
    return resolved;
  };

  // Reach checks ask for the same principals' access many times: answer those by object identity.
  // A Map, not a WeakMap: the evaluator holds the snapshot anyway, and 100,000 weak entries cost
  // the collector far more (ephemeron marking) than strong ones.
  const accessByPrincipal = new Map<PrincipalFacts, PrincipalAccess>();

  return {
    evaluatePrincipal(principal) {
      let access = accessByPrincipal.get(principal);
      if (!access) {
        access = computePrincipalAccess(principal);
        accessByPrincipal.set(principal, access);
      }
      return access;
    },
    isAllowed(principal, action, resourceArn, context) {
      return decideRequest(resolve(principal), catalogue, action, resourceArn, context);
    },
    resolvePrincipal: resolve,
    compiledPolicyCount: () => compiler.size,
  };

  function computePrincipalAccess(principal: PrincipalFacts): PrincipalAccess {
    // Not kept: once the access is known only the few principals asked about (isAllowed) need
    // their policies again, and keeping 100,000 of them alive made the collector copy them all.
    const resolved = resolver.resolve(principal);
    const local = accessCache.get(resolved.accessKey);
    if (local) return local;
    const shared = sharedAccessCache.get(resolved.sharedAccessKey);
    if (shared) {
      if (!shared.isAccountSpecific || shared.accountId === principal.accountId) return shared.access;
      const rebased = rebaseAccess(shared.access, shared.accountId, principal.accountId);
      accessCache.set(resolved.accessKey, rebased);
      return rebased;
    }
    // The SCP signature joins the key: SCPs specialised to principal facts differ within one account.
    const gateKey = `${resolved.account.accountId}\u0001${resolved.boundary ? resolved.boundary.policy.key : '-'}\u0001${resolved.account.signature}`;
    let gates = gateCache.get(gateKey);
    if (!gates) {
      gates = new Array<ActionGate | undefined>(catalogue.actions.length);
      gateCache.set(gateKey, gates);
    }
    const actionGates = gates;
    const gateFor = (action: CatalogueEntry): ActionGate => {
      let gate = actionGates[action.index];
      if (!gate) {
        gate = computeActionGate(action, resolved.boundary, resolved.account.scpLevels);
        actionGates[action.index] = gate;
      }
      return gate;
    };
    const access = computeAccess(resolved, catalogue, gateFor, outcomeCaches, gateKey);
    // Same policies in another account with the same SCPs give the same access, unless a denial
    // names this account's own SCP level: then the result is kept for this account only.
    const label = resolved.account.accountLevelLabel;
    const namesThisAccount = label !== null && access.denied.some((denied) => denied.deniedBy.policyName === label);
    if (namesThisAccount) accessCache.set(resolved.accessKey, access);
    else sharedAccessCache.set(resolved.sharedAccessKey, { access, accountId: principal.accountId, isAccountSpecific: mentionsAccountPolicies(access, principal.accountId) });
    return access;
  }
}
