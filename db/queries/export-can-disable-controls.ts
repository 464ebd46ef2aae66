import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { controlSwitchers } from '../schema';
import type { ControlKind } from '../../lib/controls/types';
import { parseStoredStringList } from '../schema/stored-json';

/** One entry of a principal's `canDisableControls` in the JSON export (issue #20's shape). */
export interface ExportedCanDisableControl {
  accountId: string;
  region: string;
  control: ControlKind;
  actions: string[];
}

/** Per principal ARN: the controls it can switch off in a scan, by account, region and control. */
export function mapCanDisableControls(database: AppDatabase, scanId: number): Map<string, ExportedCanDisableControl[]> {
  const byPrincipal = new Map<string, ExportedCanDisableControl[]>();
  const rows = database
    .select({ principalArn: controlSwitchers.principalArn, accountId: controlSwitchers.accountId, region: controlSwitchers.region, control: controlSwitchers.control, actions: controlSwitchers.actions })
    .from(controlSwitchers)
    .where(eq(controlSwitchers.scanId, scanId))
    .orderBy(asc(controlSwitchers.accountId), asc(controlSwitchers.region), asc(controlSwitchers.control))
    .all();
  for (const row of rows) {
    const list = byPrincipal.get(row.principalArn) ?? [];
    list.push({ accountId: row.accountId, region: row.region, control: row.control, actions: parseStoredStringList(row.actions) });
    byPrincipal.set(row.principalArn, list);
  }
  return byPrincipal;
}
