import type { AccountControlCoverage } from '../analysis/blast-radius/account-controls';
import { matchesResourcePattern } from '../analysis/catalogue/wildcard';
import type { Grant } from '../analysis/types';
import type { RegionControls } from './types';

/** Regions where the grants let the principal invoke models; 'all' when one has no region limit. */
export function invokeRegionsOf(grants: Grant[]): string[] | 'all' {
  const regions = new Set<string>();
  for (const grant of grants) {
    if (grant.tier !== 'invoke') continue;
    if (grant.regions.some((region) => region.includes('*') || region.includes('?'))) return 'all';
    for (const region of grant.regions) regions.add(region);
  }
  return [...regions].sort();
}

/**
 * How the account's controls cover a principal's invoke regions. A region the scan did not read
 * counts as uncovered (but not as a known gap); so does a principal without a region limit, which
 * can invoke where no control was read. Null when the account's controls were not read at all.
 */
export function coverageOf(invokeRegions: string[] | 'all', cells: RegionControls[] | undefined): AccountControlCoverage | null {
  if (!cells || cells.length === 0) return null;
  const isAll = invokeRegions === 'all';
  const inScope = isAll ? cells : cells.filter((cell) => invokeRegions.some((region) => matchesResourcePattern(region, cell.region)));
  const isEveryRegionRead = !isAll && invokeRegions.every((region) => cells.some((cell) => cell.region === region));
  const gapRegions = inScope.filter((cell) => cell.guardrail.enforced === 'none' || cell.logging.state === 'off').map((cell) => cell.region).sort();
  const isGuardrailEnforced = isEveryRegionRead && inScope.every((cell) => cell.guardrail.enforced === 'organization' || cell.guardrail.enforced === 'account');
  return {
    isGuardrailEnforced,
    isGuardrailFromOrganization: isGuardrailEnforced && inScope.every((cell) => cell.guardrail.enforced === 'organization'),
    isLoggingOn: isEveryRegionRead && inScope.every((cell) => cell.logging.state === 'on'),
    gapRegions,
  };
}

/**
 * A memoised `coverageOf` for a whole snapshot: principals sharing one grants array and one
 * account share the answer. Returns undefined for every principal when the snapshot holds no
 * controls at all (scores are then computed as before controls were read).
 */
export function createCoverageLookup(controls: RegionControls[] | undefined): (accountId: string, grants: Grant[]) => AccountControlCoverage | null | undefined {
  if (controls === undefined) return () => undefined;
  const cellsByAccount = new Map<string, RegionControls[]>();
  for (const cell of controls) {
    const list = cellsByAccount.get(cell.accountId) ?? [];
    list.push(cell);
    cellsByAccount.set(cell.accountId, list);
  }
  const memo = new WeakMap<Grant[], Map<string, AccountControlCoverage | null>>();
  return (accountId, grants) => {
    let byAccount = memo.get(grants);
    if (!byAccount) {
      byAccount = new Map();
      memo.set(grants, byAccount);
    }
    if (!byAccount.has(accountId)) byAccount.set(accountId, coverageOf(invokeRegionsOf(grants), cellsByAccount.get(accountId)));
    return byAccount.get(accountId) ?? null;
  };
}
