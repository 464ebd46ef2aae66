import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { controlAccounts, controlCells, controlCoverage, controlSwitchers } from '../../db/schema';
import type { ControlsAnalysis } from '../../lib/controls/analyze-controls';
import { inWriteTransaction } from '../../db/write-transaction';

/** Writes a scan's controls posture in ONE synchronous transaction (no await inside). */
export function persistControls(database: AppDatabase, scanId: number, analysis: ControlsAnalysis): void {
  inWriteTransaction(database, () => {
    for (const account of analysis.accounts) {
      const { scp } = account;
      database
        .insert(controlAccounts)
        .values({
          scanId,
          accountId: account.accountId,
          isManagementAccount: scp.isManagementAccount,
          approvedRegions: scp.approvedRegions === null ? null : JSON.stringify(scp.approvedRegions),
          modelAllowList: scp.modelAllowList === null ? null : JSON.stringify(scp.modelAllowList),
          deniedTiers: JSON.stringify(scp.deniedTiers),
          policyNames: JSON.stringify(scp.policyNames),
        })
        .run();
      for (const cell of account.regions) {
        database
          .insert(controlCells)
          .values({
            scanId,
            accountId: cell.accountId,
            region: cell.region,
            guardrailEnforced: cell.guardrail.enforced,
            guardrailArn: cell.guardrail.guardrailArn,
            guardrailVersion: cell.guardrail.version,
            guardrailName: cell.guardrail.name,
            guardrailFilters: JSON.stringify(cell.guardrail.filters),
            guardrailSource: cell.guardrail.source,
            guardrailShareable: cell.guardrail.isShareable,
            guardrailNote: cell.guardrail.note,
            loggingState: cell.logging.state,
            loggingDestinations: JSON.stringify(cell.logging.destinations),
            loggingDataTypes: JSON.stringify(cell.logging.dataTypes),
            loggingNote: cell.logging.note,
          })
          .run();
      }
    }
    if (analysis.accounts.length > 0) database.insert(controlCoverage).values({ scanId, ...analysis.coverage }).run();
    for (const switcher of analysis.switchers) {
      database
        .insert(controlSwitchers)
        .values({ scanId, accountId: switcher.accountId, region: switcher.region, control: switcher.control, principalArn: switcher.principalArn, principalAccountId: switcher.principalAccountId, actions: JSON.stringify(switcher.actions), grants: JSON.stringify(switcher.grants) })
        .run();
    }
  });
}

/** Removes the controls rows of a scan that will never be published. */
export function discardControls(database: AppDatabase, scanId: number): void {
  inWriteTransaction(database, () => {
    database.delete(controlCells).where(eq(controlCells.scanId, scanId)).run();
    database.delete(controlAccounts).where(eq(controlAccounts.scanId, scanId)).run();
    database.delete(controlSwitchers).where(eq(controlSwitchers.scanId, scanId)).run();
    database.delete(controlCoverage).where(eq(controlCoverage.scanId, scanId)).run();
  });
}
