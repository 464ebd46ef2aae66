import type { DecidedCondition, Grant } from '../../lib/analysis/types';
import { readEncodedGrantActions, type EncodedGrantAction, type GrantRowDefaults } from '../stored-json/grant-columns';

/**
 * The per-action detail of one grant row (its `action_lists` text, named by `grants.actions_hash`). The row's own columns hold the
 * resources, NotResources, regions and conditions of its first action; an action stores only
 * what differs from them, so a statement granting 100 actions on `*` is 100 short entries, not
 * 100 copies of the same lists (the verbose form made snapshots of 20,000 principals ~0.9 GB).
 * Rows written in the verbose form decode the same way.
 */
export type StoredGrantAction = Pick<Grant, 'action' | 'tier' | 'resources' | 'notResources' | 'regions' | 'conditions' | 'requiresGuardrail'> & {
  /** Principal-fact conditions the engine decided for this action; absent when none. */
  decided?: DecidedCondition[];
};

const NO_DECIDED: DecidedCondition[] = [];

function isSameList(left: readonly unknown[], right: readonly unknown[]): boolean {
  if (left === right) return true;
  if (left.length !== right.length) return false;
  // Lists of strings (resources, regions) compare item by item; objects (conditions) as JSON.
  let isPrimitive = true;
  for (let index = 0; index < left.length; index += 1) {
    if (left[index] === right[index]) continue;
    if (typeof left[index] !== 'object' || typeof right[index] !== 'object') return false;
    isPrimitive = false;
  }
  return isPrimitive || JSON.stringify(left) === JSON.stringify(right);
}

/** Encodes the grants of one statement; the row's columns are taken from `grants[0]`. */
export function encodeGrantActions(grants: Grant[]): string {
  const first = grants[0];
  return JSON.stringify(
    grants.map((grant) => {
      const entry: EncodedGrantAction = { action: grant.action, tier: grant.tier };
      if (!isSameList(grant.resources, first.resources)) entry.resources = grant.resources;
      if (!isSameList(grant.notResources, first.notResources)) entry.notResources = grant.notResources;
      if (!isSameList(grant.regions, first.regions)) entry.regions = grant.regions;
      if (!isSameList(grant.conditions, first.conditions)) entry.conditions = grant.conditions;
      if (grant.requiresGuardrail) entry.requiresGuardrail = true;
      const decided = grant.decided ?? NO_DECIDED;
      if (grant === first ? decided.length > 0 : !isSameList(decided, first.decided ?? NO_DECIDED)) entry.decided = decided;
      return entry;
    }),
  );
}

/** Decodes the action list of grant row `grantId` against the row's columns. */
export function decodeGrantActions(text: string, defaults: GrantRowDefaults, grantId: number): StoredGrantAction[] {
  const entries = readEncodedGrantActions(text, grantId);
  const firstDecided = entries[0]?.decided ?? NO_DECIDED;
  return entries.map((entry) => {
    const decided = entry.decided ?? firstDecided;
    const action: StoredGrantAction = {
      action: entry.action,
      tier: entry.tier,
      resources: entry.resources ?? defaults.resources,
      notResources: entry.notResources ?? defaults.notResources,
      regions: entry.regions ?? defaults.regions,
      conditions: entry.conditions ?? defaults.conditions,
      requiresGuardrail: entry.requiresGuardrail ?? false,
    };
    if (decided.length > 0) action.decided = decided;
    return action;
  });
}
