import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { controlAccounts, controlCells } from '../schema';
import type { GuardrailEnforcement } from '../../lib/controls/types';
import { parseStoredStringList } from '../schema/stored-json';

/** One account and region of `export --format json`'s top-level `controls` (issue #20's shape). */
export interface ExportedControl {
  accountId: string;
  region: string;
  guardrail: { enforced: GuardrailEnforcement; guardrailArn: string | null; version: string | null };
  invocationLogging: { enabled: boolean; destinations: string[] } | 'unknown';
  /** An SCP limits the regions Bedrock can be invoked in (never for the management account). */
  regionRestricted: boolean;
  /** Model ARN patterns an SCP limits invoke to; null when there is no allow-list. */
  modelAllowList: string[] | null;
}

/** The controls of a scan for the JSON export, by account then region. */
export function listExportedControls(database: AppDatabase, scanId: number): ExportedControl[] {
  const scpByAccount = new Map(database.select().from(controlAccounts).where(eq(controlAccounts.scanId, scanId)).all().map((row) => [row.accountId, row]));
  return database
    .select()
    .from(controlCells)
    .where(eq(controlCells.scanId, scanId))
    .orderBy(asc(controlCells.accountId), asc(controlCells.region))
    .all()
    .map((cell) => {
      const scp = scpByAccount.get(cell.accountId);
      return {
        accountId: cell.accountId,
        region: cell.region,
        guardrail: { enforced: cell.guardrailEnforced, guardrailArn: cell.guardrailArn, version: cell.guardrailVersion },
        invocationLogging: cell.loggingState === 'unknown' ? 'unknown' : { enabled: cell.loggingState === 'on', destinations: parseStoredStringList(cell.loggingDestinations) },
        regionRestricted: scp !== undefined && !scp.isManagementAccount && scp.approvedRegions !== null,
        modelAllowList: scp?.modelAllowList ? (parseStoredStringList(scp.modelAllowList)) : null,
      };
    });
}
