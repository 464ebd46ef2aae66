import { assignmentItemActions, assignmentKey, bedrockRoleOfAssignment, type AssignmentGrantFacts, type RoleGrant } from './assignment-items';

/** One entitlement as a snapshot holds it: its stable key and its allowed actions. */
export interface EntitlementActions {
  entitlementKey: string;
  actions: readonly string[];
}

export interface EntitlementChange {
  entitlementKey: string;
  change: 'new' | 'widened';
  /** Actions the new snapshot allows that the previous one did not (every action when new). */
  addedActions: string[];
}

/**
 * New or widened Bedrock entitlements between two snapshots: a key absent before, or a key whose
 * action set gained at least one action. Narrowed or unchanged entitlements need no review.
 */
export function diffEntitlements(previous: Iterable<EntitlementActions>, next: Iterable<EntitlementActions>): EntitlementChange[] {
  const before = new Map<string, Set<string>>();
  for (const entitlement of previous) {
    const set = before.get(entitlement.entitlementKey) ?? new Set<string>();
    for (const action of entitlement.actions) set.add(action);
    before.set(entitlement.entitlementKey, set);
  }
  const changes: EntitlementChange[] = [];
  for (const entitlement of next) {
    const known = before.get(entitlement.entitlementKey);
    const unique = [...new Set(entitlement.actions)].sort();
    if (!known) {
      changes.push({ entitlementKey: entitlement.entitlementKey, change: 'new', addedActions: unique });
      continue;
    }
    const added = unique.filter((action) => !known.has(action));
    if (added.length > 0) changes.push({ entitlementKey: entitlement.entitlementKey, change: 'widened', addedActions: added });
  }
  return changes.sort((a, b) => a.entitlementKey.localeCompare(b.entitlementKey));
}

/** Each assignment item of a snapshot (its key) and the role it grants through. */
function assignmentItemRoles(facts: AssignmentGrantFacts): Map<string, RoleGrant> {
  const items = new Map<string, RoleGrant>();
  for (const fact of facts.assignments) {
    const role = bedrockRoleOfAssignment(fact, facts);
    if (role) items.set(assignmentKey(fact), role);
  }
  return items;
}

/** assignmentItemActions once per role: every person assigned a set in an account shares its role. */
function memoisedRoleActions(): (role: RoleGrant) => string[] {
  const cache = new Map<RoleGrant, string[]>();
  return (role) => {
    let actions = cache.get(role);
    if (!actions) cache.set(role, (actions = assignmentItemActions(role)));
    return actions;
  };
}

/**
 * The assignment items a snapshot holds (lib/campaigns/assignment-items: one per person,
 * permission set, account and via, whose role reaches Bedrock), each keyed by its assignment key
 * with the Bedrock actions its permission set grants in that account.
 */
export function listAssignmentItemActions(facts: AssignmentGrantFacts): EntitlementActions[] {
  const actionsOf = memoisedRoleActions();
  return [...assignmentItemRoles(facts)].map(([entitlementKey, role]) => ({ entitlementKey, actions: [...actionsOf(role)] }));
}

/**
 * New or widened Identity Center assignment items between two snapshots (#14): a person newly
 * reaching a permission set with Bedrock access in an account (directly, or by joining a group),
 * or an assignment whose permission set now grants Bedrock actions it did not. A snapshot that read
 * no Identity Center is null: with no previous directory there is nothing to compare with (every
 * assignment would look new, as on a first scan), and a new snapshot without one shows nothing.
 * The same result as diffEntitlements over listAssignmentItemActions of both, computed once per
 * pair of roles rather than once per person: a set held by thousands compares its actions once.
 */
export function diffAssignmentItems(previous: AssignmentGrantFacts | null, next: AssignmentGrantFacts | null): EntitlementChange[] {
  if (previous === null || next === null) return [];
  const before = assignmentItemRoles(previous);
  const previousActionsOf = memoisedRoleActions();
  const nextActionsOf = memoisedRoleActions();
  const addedByRoles = new Map<RoleGrant, Map<RoleGrant, string[]>>();
  const addedActions = (was: RoleGrant, now: RoleGrant) => {
    const byNow = addedByRoles.get(was) ?? new Map<RoleGrant, string[]>();
    addedByRoles.set(was, byNow);
    let added = byNow.get(now);
    if (!added) {
      const known = new Set(previousActionsOf(was));
      byNow.set(now, (added = nextActionsOf(now).filter((action) => !known.has(action))));
    }
    return added;
  };
  const changes: EntitlementChange[] = [];
  for (const [entitlementKey, role] of assignmentItemRoles(next)) {
    const was = before.get(entitlementKey);
    if (!was) {
      changes.push({ entitlementKey, change: 'new', addedActions: [...nextActionsOf(role)] });
      continue;
    }
    const added = addedActions(was, role);
    if (added.length > 0) changes.push({ entitlementKey, change: 'widened', addedActions: [...added] });
  }
  return changes.sort((a, b) => a.entitlementKey.localeCompare(b.entitlementKey));
}
