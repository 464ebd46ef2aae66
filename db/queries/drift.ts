import type { AppDatabase } from '../client';
import { actionLists, entitlements, principals } from '../schema';
import { parseStoredStringList } from '../schema/stored-json';
import { readScanEntitlements } from './read-scan-entitlements';

/** One entitlement as drift compares it: matched across scans by its stable key. */
export interface DriftEntitlement {
  entitlementKey: string;
  principalArn: string;
  principalName: string;
  principalId: number;
  policyName: string;
  actions: string[];
}

export interface DriftPrincipal {
  principalArn: string;
  principalName: string;
  /** The principal's id in the scan where it exists (the newer one for added, the older for removed). */
  principalId: number;
}

export interface DriftChange extends DriftEntitlement {
  gained: string[];
  lost: string[];
}

export interface DriftResult {
  /** Bedrock holders in `to` that held nothing in `from`. */
  principalsAdded: DriftPrincipal[];
  principalsRemoved: DriftPrincipal[];
  entitlementsAdded: DriftEntitlement[];
  entitlementsRemoved: DriftEntitlement[];
  /** Same entitlement, more actions (it may also have lost some: then it is in both lists). */
  widened: DriftChange[];
  narrowed: DriftChange[];
  unchangedCount: number;
}

function byName(left: { principalName: string; entitlementKey?: string }, right: { principalName: string; entitlementKey?: string }): number {
  return left.principalName.localeCompare(right.principalName) || (left.entitlementKey ?? '').localeCompare(right.entitlementKey ?? '');
}

/**
 * Compares the Bedrock entitlements of two snapshots. Pure: the same inputs give the same
 * output, sorted by principal name then key, so the page and the tests agree.
 */
export function computeDrift(from: readonly DriftEntitlement[], to: readonly DriftEntitlement[]): DriftResult {
  const before = new Map(from.map((entry) => [entry.entitlementKey, entry]));
  const after = new Map(to.map((entry) => [entry.entitlementKey, entry]));
  const result: DriftResult = { principalsAdded: [], principalsRemoved: [], entitlementsAdded: [], entitlementsRemoved: [], widened: [], narrowed: [], unchangedCount: 0 };

  for (const [key, entry] of after) {
    const previous = before.get(key);
    if (!previous) {
      result.entitlementsAdded.push(entry);
      continue;
    }
    const previousActions = new Set(previous.actions);
    const currentActions = new Set(entry.actions);
    const gained = entry.actions.filter((action) => !previousActions.has(action)).sort();
    const lost = previous.actions.filter((action) => !currentActions.has(action)).sort();
    if (gained.length > 0) result.widened.push({ ...entry, gained, lost });
    if (lost.length > 0) result.narrowed.push({ ...entry, gained, lost });
    if (gained.length === 0 && lost.length === 0) result.unchangedCount += 1;
  }
  for (const [key, entry] of before) if (!after.has(key)) result.entitlementsRemoved.push(entry);

  const principalsOf = (entries: Iterable<DriftEntitlement>) => {
    const map = new Map<string, DriftPrincipal>();
    for (const entry of entries) if (!map.has(entry.principalArn)) map.set(entry.principalArn, { principalArn: entry.principalArn, principalName: entry.principalName, principalId: entry.principalId });
    return map;
  };
  const beforePrincipals = principalsOf(before.values());
  const afterPrincipals = principalsOf(after.values());
  for (const [arn, principal] of afterPrincipals) if (!beforePrincipals.has(arn)) result.principalsAdded.push(principal);
  for (const [arn, principal] of beforePrincipals) if (!afterPrincipals.has(arn)) result.principalsRemoved.push(principal);

  result.principalsAdded.sort(byName);
  result.principalsRemoved.sort(byName);
  result.entitlementsAdded.sort(byName);
  result.entitlementsRemoved.sort(byName);
  result.widened.sort(byName);
  result.narrowed.sort(byName);
  return result;
}

/** The entitlements of one scan, only the columns drift needs (index entitlements_scan_key_idx). */
export function loadDriftEntitlements(database: AppDatabase, scanId: number): DriftEntitlement[] {
  return readScanEntitlements(database, scanId, {
    entitlementKey: entitlements.entitlementKey,
    principalArn: principals.arn,
    principalName: principals.name,
    principalId: principals.id,
    policyName: entitlements.policyName,
    actions: actionLists.list,
  }).map((row) => ({ ...row, actions: parseStoredStringList(row.actions) }));
}
