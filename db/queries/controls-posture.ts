import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../client';
import { accounts, controlAccounts, controlCells, controlSwitchers } from '../schema';
import { ENVIRONMENTS, type Environment, type Tier } from '../../lib/analysis/types';
import { readControlList, readDeniedTiers, readOuPath } from '../stored-json/control-columns';
import type { GuardrailEnforcement, LoggingState } from '../../lib/controls/types';
import type { PostureAccount } from '../../lib/controls/recommend-controls';

export const controlsQuerySchema = z.object({
  ou: z.string().trim().max(200).optional().transform((value) => value || undefined),
  environment: z.enum(ENVIRONMENTS).optional().catch(undefined),
});
export interface ControlsQuery {
  /** An OU id anywhere on the account's path. */
  ou?: string;
  environment?: Environment;
}

/** Reads the page's URL state; an unknown environment is ignored rather than an error. */
export function parseControlsQuery(searchParams: Record<string, string | string[] | undefined>): ControlsQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return controlsQuerySchema.parse({ ou: first(searchParams.ou), environment: first(searchParams.environment) });
}

export interface ControlCellView {
  region: string;
  guardrailEnforced: GuardrailEnforcement;
  guardrailArn: string | null;
  guardrailVersion: string | null;
  guardrailName: string | null;
  guardrailFilters: string[];
  guardrailSource: string | null;
  guardrailShareable: boolean | null;
  guardrailNote: string | null;
  loggingState: LoggingState;
  loggingDestinations: string[];
  loggingDataTypes: string[];
  loggingNote: string | null;
  /** Principals that can switch each control off here. */
  guardrailSwitchers: number;
  loggingSwitchers: number;
  /** A production account where models can be invoked without an enforced guardrail or without logging. */
  isGap: boolean;
}

/** An account's controls as the page shows them: what the recommendations read, and the rest of its SCP limits. */
export interface ControlAccountView extends Omit<PostureAccount, 'cells'> {
  modelAllowList: string[] | null;
  deniedTiers: Tier[];
  policyNames: string[];
  cells: ControlCellView[];
}

export interface ControlsPosture {
  regions: string[];
  accounts: ControlAccountView[];
  /** Every OU on some scanned account's path, for the filter. */
  organizationalUnits: Array<{ id: string; name: string }>;
  gapCount: number;
}

/** A nullable list column of control_accounts: null means the SCPs set no such limit. */
function readOptionalList(text: string | null, column: string, controlAccountId: number): string[] | null {
  return text === null ? null : readControlList(text, { column: `control_accounts.${column}`, row: controlAccountId });
}

/**
 * The accounts x regions matrix of one published scan, filtered by OU (anywhere on the account's
 * path) and environment: each cell's guardrail and logging, how many principals can switch each
 * off, and whether it is a gap. Accounts without controls rows (scanned before controls were
 * read) are absent.
 */
export function getControlsPosture(database: AppDatabase, scanId: number, query: ControlsQuery): ControlsPosture {
  const accountRows = database
    .select({
      id: controlAccounts.id,
      accountId: controlAccounts.accountId,
      isManagementAccount: controlAccounts.isManagementAccount,
      approvedRegions: controlAccounts.approvedRegions,
      modelAllowList: controlAccounts.modelAllowList,
      deniedTiers: controlAccounts.deniedTiers,
      policyNames: controlAccounts.policyNames,
      accountName: accounts.name,
      environment: accounts.environment,
      ouPath: accounts.ouPath,
    })
    .from(controlAccounts)
    .leftJoin(accounts, eq(accounts.id, controlAccounts.accountId))
    .where(eq(controlAccounts.scanId, scanId))
    .orderBy(asc(accounts.name), asc(controlAccounts.accountId))
    .all();
  const cellRows = database.select().from(controlCells).where(eq(controlCells.scanId, scanId)).all();
  const switcherRows = database.select({ accountId: controlSwitchers.accountId, region: controlSwitchers.region, control: controlSwitchers.control }).from(controlSwitchers).where(eq(controlSwitchers.scanId, scanId)).all();
  const switcherCount = new Map<string, number>();
  for (const row of switcherRows) {
    const key = `${row.accountId}|${row.region}|${row.control}`;
    switcherCount.set(key, (switcherCount.get(key) ?? 0) + 1);
  }
  const units = new Map<string, string>();
  const views: ControlAccountView[] = [];
  const regions = new Set<string>();
  let gapCount = 0;
  for (const row of accountRows) {
    const ouPath = row.ouPath === null ? [] : readOuPath(row.ouPath, row.accountId).filter((unit) => unit.id.startsWith('ou-'));
    for (const unit of ouPath) units.set(unit.id, unit.name);
    const environment = (row.environment ?? 'unknown') as Environment;
    if (query.environment && environment !== query.environment) continue;
    if (query.ou && !ouPath.some((unit) => unit.id === query.ou)) continue;
    const cells = cellRows
      .filter((cell) => cell.accountId === row.accountId)
      .sort((left, right) => left.region.localeCompare(right.region))
      .map((cell): ControlCellView => {
        regions.add(cell.region);
        const isGap = environment === 'prod' && (cell.guardrailEnforced === 'none' || cell.loggingState === 'off');
        if (isGap) gapCount += 1;
        return {
          region: cell.region,
          guardrailEnforced: cell.guardrailEnforced,
          guardrailArn: cell.guardrailArn,
          guardrailVersion: cell.guardrailVersion,
          guardrailName: cell.guardrailName,
          guardrailFilters: readControlList(cell.guardrailFilters, { column: 'control_cells.guardrail_filters', row: cell.id }),
          guardrailSource: cell.guardrailSource,
          guardrailShareable: cell.guardrailShareable,
          guardrailNote: cell.guardrailNote,
          loggingState: cell.loggingState,
          loggingDestinations: readControlList(cell.loggingDestinations, { column: 'control_cells.logging_destinations', row: cell.id }),
          loggingDataTypes: readControlList(cell.loggingDataTypes, { column: 'control_cells.logging_data_types', row: cell.id }),
          loggingNote: cell.loggingNote,
          guardrailSwitchers: switcherCount.get(`${row.accountId}|${cell.region}|guardrail`) ?? 0,
          loggingSwitchers: switcherCount.get(`${row.accountId}|${cell.region}|logging`) ?? 0,
          isGap,
        };
      });
    views.push({
      accountId: row.accountId,
      accountName: row.accountName ?? row.accountId,
      environment,
      ouPath,
      isManagementAccount: row.isManagementAccount,
      approvedRegions: readOptionalList(row.approvedRegions, 'approved_regions', row.id),
      modelAllowList: readOptionalList(row.modelAllowList, 'model_allow_list', row.id),
      deniedTiers: readDeniedTiers(row.deniedTiers, row.id),
      policyNames: readControlList(row.policyNames, { column: 'control_accounts.policy_names', row: row.id }),
      cells,
    });
  }
  return { regions: [...regions].sort(), accounts: views, organizationalUnits: [...units].map(([id, name]) => ({ id, name })).sort((left, right) => left.name.localeCompare(right.name)), gapCount };
}

