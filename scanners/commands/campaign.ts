import type { AppDatabase } from '../../db/client';
import { createCampaignDefinition } from '../../db/queries/campaigns/definitions';
import { buildEvidence, evidenceToCsv } from '../../db/queries/campaigns/evidence';
import { campaignScopeSchema } from '../../lib/campaigns/scope';
import { sendEmails } from '../../lib/campaigns/email';
import { getConfig } from '../../lib/config/load-config';
import { integerFlag, requireStringFlag, stringFlag, UsageError, type ParsedArguments } from '../cli-args';

export const CAMPAIGN_USAGE = `usage:
  campaign export ID --format csv|json
  campaign launch --name NAME [--accounts a,b] [--tiers invoke,govern] [--min-score N] [--types user,role]
                  [--only-conflicts] [--due-days N] [--close revoke|report]`;

function listFlag(parsed: ParsedArguments, name: string): string[] {
  return (stringFlag(parsed, name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

/**
 * `campaign export ID --format csv|json` prints a campaign's evidence on stdout;
 * `campaign launch ...` launches a one-off campaign on the latest published snapshot (actor "cli").
 */
export async function campaignCommand(database: AppDatabase, parsed: ParsedArguments): Promise<number> {
  const [, subcommand, idText] = parsed.positionals;
  if (subcommand === 'export') {
    const campaignId = Number(idText);
    if (!Number.isInteger(campaignId) || campaignId < 1) throw new UsageError(CAMPAIGN_USAGE);
    const format = stringFlag(parsed, 'format') ?? 'json';
    if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
    const evidence = buildEvidence(database, campaignId, new Date());
    process.stdout.write(format === 'csv' ? evidenceToCsv(evidence) : `${JSON.stringify(evidence, null, 2)}\n`);
    return 0;
  }
  if (subcommand === 'launch') {
    const scope = campaignScopeSchema.safeParse({
      accountIds: listFlag(parsed, 'accounts'),
      tiers: listFlag(parsed, 'tiers'),
      minScore: integerFlag(parsed, 'min-score') ?? 0,
      principalTypes: listFlag(parsed, 'types'),
      onlyWithConflicts: parsed.flags.has('only-conflicts'),
    });
    if (!scope.success) throw new UsageError(scope.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const close = stringFlag(parsed, 'close') ?? 'report';
    if (close !== 'report' && close !== 'revoke') throw new UsageError('--close must be revoke or report');
    const dueInDays = integerFlag(parsed, 'due-days') ?? 14;
    if (dueInDays < 1 || dueInDays > 365) throw new UsageError('--due-days must be between 1 and 365');
    const config = getConfig();
    const { launch } = createCampaignDefinition(
      database,
      { name: requireStringFlag(parsed, 'name'), scope: scope.data, dueInDays, closeBehaviour: close, schedule: null },
      { actor: 'cli', now: new Date(), fallbackReviewers: config.campaigns.fallbackReviewers },
    );
    if (!launch) return 1;
    await sendEmails(config.smtp, launch.emails);
    console.log(
      `Launched campaign ${launch.campaignId} on snapshot ${launch.scanId}${launch.isPartialSnapshot ? ' (PARTIAL snapshot)' : ''}: ${launch.itemCount} items for ${Object.keys(launch.reviewerCounts).length} reviewers.`,
    );
    return 0;
  }
  throw new UsageError(CAMPAIGN_USAGE);
}
