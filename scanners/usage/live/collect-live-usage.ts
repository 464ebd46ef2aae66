import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AppDatabase } from '../../../db/client';
import { listUsageCursors } from '../../../db/queries/usage-cursors';
import { accumulateRecords } from '../../../lib/usage/accumulate-records';
import { UsageAccumulator } from '../../../lib/usage/accumulate-usage';
import { SessionOriginIndex } from '../../../lib/usage/session-origins';
import type { CloudTrailRecord } from '../../../lib/usage/cloudtrail-record';
import { assumeRole } from '../../live/assume-role';
import { createIamClient, createStsClient, type ClientCredentials, type ClientSettings } from '../../live/aws-clients';
import { describeAwsError } from '../../live/errors';
import { runPool } from '../../live/promise-pool';
import { FullJitterRetryStrategy } from '../../live/retry-strategy';
import type { LiveScanInput } from '../../live/scan-organization';
import { persistAccessAdvisorReport } from '../import-access-advisor';
import { UsageWriter } from '../persist-usage';
import { startAccessAdvisorJob, waitForAccessAdvisorJob } from './fetch-access-advisor';
import { lookupEvents } from './lookup-events';

/** LookupEvents keeps 90 days. */
const HISTORY_DAYS = 90;
/** Events reach LookupEvents within minutes: a window ends this long before now, so none is missed. */
const SETTLE_MS = 15 * 60_000;
/** Event sources whose events are Bedrock usage, and the STS events that name OIDC and SAML callers. */
const BEDROCK_SOURCES = ['bedrock.amazonaws.com', 'bedrock-agentcore.amazonaws.com'];
const SESSION_EVENTS = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'];

export interface LiveUsageTarget {
  accountId: string;
  /** Principals holding Bedrock access: Access Advisor is asked about these. */
  principalArns: string[];
}

export interface LiveUsageOptions {
  now: Date;
  credentials?: ClientCredentials;
  onProgress?: (done: number, total: number) => void;
  intervalMs?: number;
  accessAdvisorPollMs?: number;
  signal?: AbortSignal;
  /** False when CloudTrail comes from the organisation trail in S3: only Access Advisor is asked here. */
  readCloudTrail?: boolean;
}

/**
 * The live usage step: per account, CloudTrail LookupEvents in every configured region from the
 * last published high-water mark (90 days back the first time) to 15 minutes ago, and Access
 * Advisor for its Bedrock principals. An account is stored whole or not at all: a failure in
 * any region records a problem and keeps its cursor, so the next scan reads that window again.
 */
export async function collectLiveUsage(database: AppDatabase, scanId: number, config: LiveScanInput, targets: LiveUsageTarget[], options: LiveUsageOptions): Promise<string[]> {
  const settings: ClientSettings = { region: config.regions[0] ?? 'us-east-1', retry: { maxAttempts: config.maxAttempts }, endpointOverrides: config.endpointOverrides, credentials: options.credentials };
  const sts = createStsClient(settings);
  const writer = new UsageWriter(database, scanId);
  const cursors = listUsageCursors(database);
  const end = new Date(options.now.getTime() - SETTLE_MS);
  const firstStart = new Date(options.now.getTime() - HISTORY_DAYS * 86_400_000);
  const problems: string[] = [];
  let done = 0;
  let events = 0;
  let latest: string | null = null;
  try {
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    await runPool(
      targets,
      config.concurrency,
      async (target) => {
        try {
          const credentials =
            target.accountId === config.managementAccountId && caller.Account === config.managementAccountId
              ? options.credentials
              : await assumeRole(sts, { accountId: target.accountId, roleName: config.readOnlyRoleName, roleSessionName: config.roleSessionName ?? 'bedrock-access-review', externalId: config.externalId, signal: options.signal });
          const sessions = new SessionOriginIndex();
          const accumulator = new UsageAccumulator();
          const windows = (options.readCloudTrail === false ? [] : config.regions).map((region) => {
            const mark = cursors.get(`${target.accountId}\u001f${region}`);
            return { region, start: mark === undefined ? firstStart : new Date(mark) };
          });
          const clients = new Map(windows.map(({ region }) => [region, new CloudTrailClient({ region, credentials, maxAttempts: config.maxAttempts, retryStrategy: new FullJitterRetryStrategy({ maxAttempts: config.maxAttempts }), requestHandler: new NodeHttpHandler({ requestTimeout: 60_000, connectionTimeout: 10_000 }) })]));
          try {
            // Session origins first, in every region (global STS calls are logged in us-east-1).
            for (const { region, start } of windows) {
              for (const eventName of SESSION_EVENTS) {
                const records: CloudTrailRecord[] = [];
                for await (const record of lookupEvents(clients.get(region) as CloudTrailClient, { key: 'EventName', value: eventName }, new Date(start.getTime() - 12 * 3_600_000), end, { intervalMs: options.intervalMs, signal: options.signal })) records.push(record);
                accumulateRecords(records, sessions, accumulator);
              }
            }
            for (const { region, start } of windows) {
              for (const source of BEDROCK_SOURCES) {
                // One page at a time: aggregated as it arrives, never all events in memory.
                let page: CloudTrailRecord[] = [];
                for await (const record of lookupEvents(clients.get(region) as CloudTrailClient, { key: 'EventSource', value: source }, start, end, { intervalMs: options.intervalMs, signal: options.signal })) {
                  page.push(record);
                  if (page.length >= 500) {
                    accumulateRecords(page, sessions, accumulator);
                    page = [];
                  }
                }
                accumulateRecords(page, sessions, accumulator);
              }
            }
          } finally {
            for (const client of clients.values()) client.destroy();
          }
          const iam = createIamClient(settings, credentials);
          const reports = [];
          try {
            // All jobs of the account first: AWS runs them side by side while we poll.
            const jobs: Array<{ principalArn: string; jobId: string }> = [];
            for (const principalArn of target.principalArns) jobs.push({ principalArn, jobId: await startAccessAdvisorJob(iam, principalArn, options.signal) });
            for (const job of jobs) reports.push({ principalArn: job.principalArn, report: await waitForAccessAdvisorJob(iam, job.jobId, job.principalArn, { pollMs: options.accessAdvisorPollMs, signal: options.signal }) });
          } finally {
            iam.destroy();
          }
          // Everything of the account read: store it, then move its cursors.
          events += accumulator.events;
          if (accumulator.highWaterMark !== null && (latest === null || accumulator.highWaterMark > latest)) latest = accumulator.highWaterMark;
          writer.flush(accumulator, []);
          for (const { region } of windows) writer.recordCursor(target.accountId, region, end.toISOString());
          for (const { principalArn, report } of reports) persistAccessAdvisorReport(database, scanId, principalArn, report);
        } catch (error) {
          problems.push(`usage of account ${target.accountId}: ${describeAwsError(error)}`);
        }
        done += 1;
        options.onProgress?.(done, targets.length);
      },
      options.signal,
    );
  } finally {
    sts.destroy();
  }
  if (options.readCloudTrail === false) return problems;
  writer.finish({ source: 'lookup-events', filesRead: 0, filesSkipped: 0, filesFailed: 0, recordsRead: events, bedrockEvents: events, highWaterMark: latest, durationMs: Date.now() - options.now.getTime() });
  return problems;
}
