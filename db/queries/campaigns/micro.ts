import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, entitlements } from '../../schema';
import type { AppConfig } from '../../../lib/config/schema';
import { getConfig } from '../../../lib/config/load-config';
import { diffEntitlements } from '../../../lib/campaigns/micro-diff';
import type { CampaignItemContext } from '../../../lib/campaigns/item-context';
import { EMPTY_SCOPE } from '../../../lib/campaigns/scope';
import { sendEmails } from '../../../lib/campaigns/email';
import { launchCampaign, type LaunchCampaignResult } from './launch';
import { getLatestPublishedScanId } from '../scans';
import { parseStoredStringList } from '../../schema/stored-json';

type Change = NonNullable<CampaignItemContext['change']>;

function entitlementActions(database: AppDatabase, scanId: number) {
  return database
    .select({ entitlementKey: entitlements.entitlementKey, actions: entitlements.actions })
    .from(entitlements)
    .where(eq(entitlements.scanId, scanId))
    .all()
    .map((row) => ({ entitlementKey: row.entitlementKey, actions: parseStoredStringList(row.actions) }));
}

/**
 * Synchronous core of launchMicroCertification: launches (in one transaction) a 'micro' campaign
 * over the entitlements of `newScanId` that are new or widened since `previousScanId`. Returns
 * null when nothing changed (or when there is no previous snapshot: the first scan is no change).
 */
export function launchMicroCertificationNow(
  database: AppDatabase,
  input: { previousScanId: number | null; newScanId: number; now: Date; campaignsConfig?: AppConfig['campaigns'] },
): LaunchCampaignResult | null {
  if (input.previousScanId === null) return null;
  const changes = diffEntitlements(entitlementActions(database, input.previousScanId), entitlementActions(database, input.newScanId));
  if (changes.length === 0) return null;
  const config = input.campaignsConfig ?? getConfig().campaigns;
  const only = new Map<string, Change>(changes.map((change) => [change.entitlementKey, { kind: change.change, addedActions: change.addedActions, previousItemId: null }]));
  return launchCampaign(database, {
    name: `New or widened access: snapshot #${input.newScanId}`,
    kind: 'micro',
    scope: EMPTY_SCOPE,
    dueInDays: config.microCertificationDueInDays,
    closeBehaviour: 'report',
    launchedBy: 'system:micro-certification',
    fallbackReviewers: config.fallbackReviewers,
    now: input.now,
    scanId: input.newScanId,
    onlyEntitlements: only,
  });
}

/**
 * Micro-certification, for the scan pipeline to call after publishing a snapshot: new or widened
 * Bedrock entitlements (key absent before, or its action set grew) go to their owners at once as a
 * small campaign (kind 'micro'). Sends the notification emails after the transaction commits.
 */
export async function launchMicroCertification(
  database: AppDatabase,
  input: { previousScanId: number | null; newScanId: number; now: Date; config?: AppConfig },
): Promise<LaunchCampaignResult | null> {
  const config = input.config ?? getConfig();
  const result = launchMicroCertificationNow(database, { ...input, campaignsConfig: config.campaigns });
  if (result) await sendEmails(config.smtp, result.emails);
  return result;
}

/**
 * Time-bound attestations whose keep-until date has come: the latest item per entitlement that
 * was attested with a keep-until on or before today, and whose entitlement the latest published
 * snapshot still holds. A relaunched item is newer than the expired one, so it never comes twice.
 */
export function findExpiredAttestations(database: AppDatabase, now: Date, scanId: number): Map<string, Change> {
  const today = now.toISOString().slice(0, 10);
  const expired = database
    .select({ id: campaignItems.id, entitlementKey: campaignItems.entitlementKey })
    .from(campaignItems)
    .where(and(eq(campaignItems.status, 'attested'), isNotNull(campaignItems.keepUntil), lte(campaignItems.keepUntil, today)))
    .orderBy(desc(campaignItems.id))
    .all();
  const result = new Map<string, Change>();
  if (expired.length === 0) return result;
  const keys = [...new Set(expired.map((item) => item.entitlementKey))];
  const latestByKey = new Map<string, number>();
  const stillHeld = new Set<string>();
  for (let index = 0; index < keys.length; index += 400) {
    const chunk = keys.slice(index, index + 400);
    for (const row of database
      .select({ entitlementKey: campaignItems.entitlementKey, latestId: sql<number>`max(${campaignItems.id})` })
      .from(campaignItems)
      .where(inArray(campaignItems.entitlementKey, chunk))
      .groupBy(campaignItems.entitlementKey)
      .all()) {
      latestByKey.set(row.entitlementKey, Number(row.latestId));
    }
    for (const row of database
      .select({ entitlementKey: entitlements.entitlementKey })
      .from(entitlements)
      .where(and(eq(entitlements.scanId, scanId), inArray(entitlements.entitlementKey, chunk)))
      .all()) {
      stillHeld.add(row.entitlementKey);
    }
  }
  for (const item of expired) {
    if (latestByKey.get(item.entitlementKey) === item.id && stillHeld.has(item.entitlementKey)) {
      result.set(item.entitlementKey, { kind: 'attestation-expired', addedActions: [], previousItemId: item.id });
    }
  }
  return result;
}

/** Synchronous core of relaunchExpiredAttestations. */
export function relaunchExpiredAttestationsNow(database: AppDatabase, input: { now: Date; campaignsConfig?: AppConfig['campaigns'] }): LaunchCampaignResult | null {
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) return null;
  const expired = findExpiredAttestations(database, input.now, scanId);
  if (expired.size === 0) return null;
  const config = input.campaignsConfig ?? getConfig().campaigns;
  return launchCampaign(database, {
    name: `Expired attestations: ${input.now.toISOString().slice(0, 10)}`,
    kind: 'micro',
    scope: EMPTY_SCOPE,
    dueInDays: config.microCertificationDueInDays,
    closeBehaviour: 'report',
    launchedBy: 'system:attestation-expiry',
    fallbackReviewers: config.fallbackReviewers,
    now: input.now,
    scanId,
    onlyEntitlements: expired,
  });
}

/**
 * Brings back time-bound attestations whose keep-until date passed, as a micro campaign on the
 * latest published snapshot, to their owners at once. Sends the emails after commit.
 */
export async function relaunchExpiredAttestations(database: AppDatabase, input: { now: Date; config?: AppConfig }): Promise<LaunchCampaignResult | null> {
  const config = input.config ?? getConfig();
  const result = relaunchExpiredAttestationsNow(database, { now: input.now, campaignsConfig: config.campaigns });
  if (result) await sendEmails(config.smtp, result.emails);
  return result;
}
