import { mapAccountControls } from '../../lib/controls/map-controls';
import type { RawControlsFile } from '../../lib/controls/raw-controls';
import type { RegionControls } from '../../lib/controls/types';
import type { OrganizationFile } from '../raw-types';

/** The controls reads of one scan: the regions in scope and one file per account read. */
export interface ControlsSource {
  /** Live: the configured regions. Offline: every region a controls file names. */
  regions: string[];
  files: RawControlsFile[];
}

/**
 * Every scanned account's controls, region by region. Pure. Accounts without a controls file get
 * `unknown` cells (their reads failed or were not exported), never `none`/`off`.
 */
export function mapSnapshotControls(source: ControlsSource, organization: OrganizationFile | null, accountIds: string[]): RegionControls[] {
  const byAccount = new Map(source.files.map((file) => [file.accountId, file]));
  const managementAccountId = organization?.organization.managementAccountId ?? null;
  const managementControls = managementAccountId ? (byAccount.get(managementAccountId) ?? null) : null;
  const effective = organization?.effectivePolicies;
  const effectiveByAccount = new Map((effective ?? []).map((entry) => [entry.targetId, entry]));
  const cells: RegionControls[] = [];
  for (const accountId of [...new Set(accountIds)].sort()) {
    let effectivePolicy = effectiveByAccount.get(accountId);
    // An organisation file that lists effective policies but not this account: AWS answered "none" for it only if it was asked; not asked is unknown.
    if (effective !== undefined && effectivePolicy === undefined) effectivePolicy = { targetId: accountId, policyType: 'BEDROCK_POLICY', content: null, error: { code: 'NotRead', message: 'the organisation file has no effective Bedrock policy for this account' } };
    cells.push(...mapAccountControls({ accountId, regions: source.regions, controls: byAccount.get(accountId) ?? null, effectivePolicy, managementControls }));
  }
  return cells;
}

/** Offline: the regions in scope are those any controls file names. */
export function regionsOfControlsFiles(files: RawControlsFile[]): string[] {
  return [...new Set(files.flatMap((file) => Object.keys(file.regions)))].sort();
}
