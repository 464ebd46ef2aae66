import { desc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignDefinitions } from '../../schema';
import { appendAudit } from '../audit';
import { NotFoundError, ValidationError } from '../../../lib/http/errors';
import { parseStoredScope, type CampaignScope } from '../../../lib/campaigns/scope';
import type { CloseBehaviour } from '../../../lib/campaigns/close-behaviour';
import { cronExpressionProblem, nextScheduledLaunch } from '../../../lib/campaigns/timing';
import { launchCampaign, type LaunchCampaignResult } from './launch';
import { inWriteTransaction } from '../../write-transaction';

export interface CampaignDefinitionInput {
  name: string;
  scope: CampaignScope;
  dueInDays: number;
  closeBehaviour: CloseBehaviour;
  /** Null for one-off; otherwise a cron expression. */
  schedule: string | null;
}

export interface CampaignDefinitionSummary {
  id: number;
  name: string;
  scope: CampaignScope;
  dueInDays: number;
  closeBehaviour: CloseBehaviour;
  schedule: string | null;
  isEnabled: boolean;
  lastLaunchedAt: string | null;
  nextLaunchAt: string | null;
  createdBy: string;
}

/**
 * Saves a definition (audited). A one-off definition is launched at once, in the same
 * transaction, so an empty scope leaves no orphan definition behind. A scheduled one launches
 * when its cron expression next fires (the worker calls runCampaignSchedules).
 */
export function createCampaignDefinition(
  database: AppDatabase,
  input: CampaignDefinitionInput,
  context: { actor: string; now: Date; fallbackReviewers: readonly string[]; launchNow?: boolean },
): { definitionId: number; launch: LaunchCampaignResult | null } {
  const schedule = input.schedule?.trim() || null;
  if (schedule) {
    const problem = cronExpressionProblem(schedule);
    if (problem) throw new ValidationError(`schedule: ${problem}`);
  }
  return inWriteTransaction(database, () => {
    const definition = database
      .insert(campaignDefinitions)
      .values({
        name: input.name,
        scope: JSON.stringify(input.scope),
        dueInDays: input.dueInDays,
        closeBehaviour: input.closeBehaviour,
        schedule,
        isEnabled: true,
        createdBy: context.actor,
        createdAt: context.now.toISOString(),
        lastLaunchedAt: null,
      })
      .returning({ id: campaignDefinitions.id })
      .get();
    appendAudit(
      database,
      { actor: context.actor, action: 'campaign-definition.create', objectType: 'campaign_definition', objectId: definition.id, after: { ...input, schedule } },
      context.now,
    );
    const shouldLaunch = context.launchNow ?? schedule === null;
    const launch = shouldLaunch ? launchDefinition(database, definition.id, context) : null;
    return { definitionId: definition.id, launch };
  });
}

/** Launches one definition now (admin "Launch now", CLI, or the worker's schedule). */
export function launchDefinition(database: AppDatabase, definitionId: number, context: { actor: string; now: Date; fallbackReviewers: readonly string[] }): LaunchCampaignResult {
  return inWriteTransaction(database, () => {
    const definition = database.select().from(campaignDefinitions).where(eq(campaignDefinitions.id, definitionId)).get();
    if (!definition) throw new NotFoundError('No such campaign definition.');
    const result = launchCampaign(database, {
      name: definition.schedule ? `${definition.name} (${context.now.toISOString().slice(0, 10)})` : definition.name,
      kind: 'standard',
      scope: parseStoredScope(definition.scope),
      dueInDays: definition.dueInDays,
      closeBehaviour: definition.closeBehaviour,
      launchedBy: context.actor,
      fallbackReviewers: context.fallbackReviewers,
      now: context.now,
      definitionId: definition.id,
    });
    database.update(campaignDefinitions).set({ lastLaunchedAt: context.now.toISOString() }).where(eq(campaignDefinitions.id, definition.id)).run();
    return result;
  });
}

export function listCampaignDefinitions(database: AppDatabase): CampaignDefinitionSummary[] {
  return database
    .select()
    .from(campaignDefinitions)
    .orderBy(desc(campaignDefinitions.id))
    .all()
    .map((definition) => ({
      id: definition.id,
      name: definition.name,
      scope: parseStoredScope(definition.scope),
      dueInDays: definition.dueInDays,
      closeBehaviour: definition.closeBehaviour,
      schedule: definition.schedule,
      isEnabled: definition.isEnabled,
      lastLaunchedAt: definition.lastLaunchedAt,
      nextLaunchAt: definition.isEnabled ? (nextScheduledLaunch(definition.schedule, definition.lastLaunchedAt, definition.createdAt)?.toISOString() ?? null) : null,
      createdBy: definition.createdBy,
    }));
}

/** Accounts to choose from in the scope form. */
export function listAccountChoices(database: AppDatabase): { id: string; name: string }[] {
  return database.select({ id: accounts.id, name: accounts.name }).from(accounts).orderBy(accounts.name).all();
}
