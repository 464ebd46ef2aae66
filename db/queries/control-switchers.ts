import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { controlSwitchers, principals } from '../schema';
import type { ControlKind, SwitchGrant } from '../../lib/controls/types';
import { parseStoredStringList } from '../schema/stored-json';
import { readSwitchGrants } from '../stored-json/control-columns';

export interface ControlSwitcherView {
  accountId: string;
  region: string;
  control: ControlKind;
  principalArn: string;
  principalAccountId: string;
  /** The principal's row in this scan, for a link; null when it is not stored (never expected). */
  principalId: number | null;
  principalName: string;
  actions: string[];
  grants: SwitchGrant[];
}

/**
 * Who can switch the controls of the given accounts off in one scan (all accounts when none is
 * given), by account, region, control and principal name, with the grants that let them.
 */
export function listControlSwitchers(database: AppDatabase, scanId: number, accountIds?: string[]): ControlSwitcherView[] {
  const condition = accountIds && accountIds.length > 0 ? and(eq(controlSwitchers.scanId, scanId), sql`${controlSwitchers.accountId} IN (${sql.join(accountIds.map((id) => sql`${id}`), sql`, `)})`) : eq(controlSwitchers.scanId, scanId);
  const rows = database
    .select({
      id: controlSwitchers.id,
      accountId: controlSwitchers.accountId,
      region: controlSwitchers.region,
      control: controlSwitchers.control,
      principalArn: controlSwitchers.principalArn,
      principalAccountId: controlSwitchers.principalAccountId,
      actions: controlSwitchers.actions,
      grants: controlSwitchers.grants,
      principalId: principals.id,
      principalName: principals.name,
    })
    .from(controlSwitchers)
    .leftJoin(principals, and(eq(principals.scanId, controlSwitchers.scanId), eq(principals.arn, controlSwitchers.principalArn)))
    .where(condition)
    .orderBy(asc(controlSwitchers.accountId), asc(controlSwitchers.region), asc(controlSwitchers.control), asc(principals.name))
    .all();
  return rows.map(({ id, ...row }) => ({
    ...row,
    principalName: row.principalName ?? row.principalArn.split('/').pop() ?? row.principalArn,
    actions: parseStoredStringList(row.actions),
    grants: readSwitchGrants(row.grants, id),
  }));
}
