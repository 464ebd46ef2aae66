import { assignmentItemActions, assignmentKey, bedrockRoleOfAssignment, type AssignmentFacts } from './assignment-items';

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

/**
 * The assignment items a snapshot holds (lib/campaigns/assignment-items: one per person,
 * permission set, account and via, whose role reaches Bedrock), each keyed by its assignment key
 * with the Bedrock actions its permission set grants in that account.
 */
export function listAssignmentItemActions(facts: AssignmentFacts): EntitlementActions[] {
  return facts.assignments.flatMap((fact) => {
    const role = bedrockRoleOfAssignment(fact, facts);
    return role ? [{ entitlementKey: assignmentKey(fact), actions: assignmentItemActions(role) }] : [];
  });
}

/**
 * New or widened Identity Center assignment items between two snapshots (#14): a person newly
 * reaching a permission set with Bedrock access in an account (directly, or by joining a group),
 * or an assignment whose permission set now grants Bedrock actions it did not. A snapshot that read
 * no Identity Center is null: with no previous directory there is nothing to compare with (every
 * assignment would look new, as on a first scan), and a new snapshot without one shows nothing.
 */
export function diffAssignmentItems(previous: AssignmentFacts | null, next: AssignmentFacts | null): EntitlementChange[] {
  if (previous === null || next === null) return [];
  return diffEntitlements(listAssignmentItemActions(previous), listAssignmentItemActions(next));
}
