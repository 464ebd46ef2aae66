import { and, desc, eq, inArray, isNotNull, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AppDatabase } from '../../client';
import { actionLists, campaignItems, entitlements, identityCenterInstances, type ITEM_KINDS } from '../../schema';
import type { AppConfig } from '../../../lib/config/schema';
import { getConfig } from '../../../lib/config/load-config';
import { diffAssignmentItems, diffEntitlements, type EntitlementChange } from '../../../lib/campaigns/micro-diff';
import type { CampaignItemContext } from '../../../lib/campaigns/item-context';
import { EMPTY_SCOPE } from '../../../lib/campaigns/scope';
import { sendEmails } from '../../../lib/campaigns/email';
import { launchCampaign, type LaunchCampaignResult } from './launch';
import { getLatestPublishedScanId } from '../scans';
import { parseStoredStringList } from '../../schema/stored-json';
import { findHeldAssignmentKeys } from './held-assignments';
import { readChangedAssignmentFacts } from './assignment-changes';

type Change = NonNullable<CampaignItemContext['change']>;

const IN_CHUNK = 500;

function chunked<Item>(items: Item[]): Item[][] {
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += IN_CHUNK) chunks.push(items.slice(start, start + IN_CHUNK));
  return chunks;
}

/**
 * The entitlements of two snapshots that can differ, with their actions: those of the new one
 * whose key does not hold the same action list (by its content hash) in the previous one, and the
 * previous ones of the same keys. An entitlement whose list is unchanged can be neither new nor
 * widened, so diffEntitlements over these gives what it gives over both snapshots whole, and
 * each distinct list is parsed once instead of once per row of both snapshots.
 */
function changedEntitlementActions(database: AppDatabase, previousScanId: number, newScanId: number) {
  const previous = alias(entitlements, 'previous');
  const next = database
    .select({ entitlementKey: entitlements.entitlementKey, actionsHash: entitlements.actionsHash })
    .from(entitlements)
    .where(
      and(
        eq(entitlements.scanId, newScanId),
        notExists(database.select({ one: sql`1` }).from(previous).where(and(eq(previous.scanId, previousScanId), eq(previous.entitlementKey, entitlements.entitlementKey), eq(previous.actionsHash, entitlements.actionsHash)))),
      ),
    )
    .all();
  if (next.length === 0) return { previous: [], next: [] };
  const before = chunked([...new Set(next.map((row) => row.entitlementKey))]).flatMap((keys) =>
    database
      .select({ entitlementKey: entitlements.entitlementKey, actionsHash: entitlements.actionsHash })
      .from(entitlements)
      .where(and(eq(entitlements.scanId, previousScanId), inArray(entitlements.entitlementKey, keys)))
      .all(),
  );
  const actionsByHash = new Map<string, string[]>();
  for (const hashes of chunked([...new Set([...next, ...before].map((row) => row.actionsHash))])) {
    for (const row of database.select({ hash: actionLists.hash, list: actionLists.list }).from(actionLists).where(inArray(actionLists.hash, hashes)).all()) actionsByHash.set(row.hash, parseStoredStringList(row.list));
  }
  // A row whose list is missing is left out, as the inner join of a whole-snapshot read would.
  const withActions = (rows: typeof next) => rows.flatMap((row) => {
    const actions = actionsByHash.get(row.actionsHash);
    return actions === undefined ? [] : [{ entitlementKey: row.entitlementKey, actions }];
  });
  return { previous: withActions(before), next: withActions(next) };
}

const hasReadIdentityCenter = (database: AppDatabase, scanId: number) =>
  database.select({ scanId: identityCenterInstances.scanId }).from(identityCenterInstances).where(eq(identityCenterInstances.scanId, scanId)).get() !== undefined;

/**
 * The assignment facts of two snapshots that can differ (readChangedAssignmentFacts); null when
 * either read no Identity Center (nothing to compare).
 */
function changedAssignmentFacts(database: AppDatabase, previousScanId: number, newScanId: number) {
  if (!hasReadIdentityCenter(database, previousScanId) || !hasReadIdentityCenter(database, newScanId)) return null;
  return readChangedAssignmentFacts(database, previousScanId, newScanId);
}

const asChanges = (changes: EntitlementChange[]) => new Map<string, Change>(changes.map((change) => [change.entitlementKey, { kind: change.change, addedActions: change.addedActions, previousItemId: null }]));

interface MicroCertificationInput {
  previousScanId: number | null;
  newScanId: number;
  now: Date;
  campaignsConfig?: AppConfig['campaigns'];
}

/** One 'micro' campaign over the changes of one subject, in one transaction; null when there are none. */
function launchChangesCampaign(database: AppDatabase, input: MicroCertificationInput, subject: 'entitlements' | 'assignments', name: string, changes: EntitlementChange[]): LaunchCampaignResult | null {
  if (changes.length === 0) return null;
  const config = input.campaignsConfig ?? getConfig().campaigns;
  return launchCampaign(database, {
    name,
    kind: 'micro',
    // A campaign has one subject: assignment changes get their own micro campaign beside the entitlements' one.
    scope: subject === 'assignments' ? { ...EMPTY_SCOPE, subject } : EMPTY_SCOPE,
    dueInDays: config.microCertificationDueInDays,
    closeBehaviour: 'report',
    launchedBy: 'system:micro-certification',
    fallbackReviewers: config.fallbackReviewers,
    now: input.now,
    scanId: input.newScanId,
    onlyEntitlements: asChanges(changes),
  });
}

/** Runs a synchronous launch with the configured campaigns, then sends its emails once it has committed. */
async function launchAndNotify(input: { config?: AppConfig }, launch: (campaignsConfig: AppConfig['campaigns']) => LaunchCampaignResult | null): Promise<LaunchCampaignResult | null> {
  const config = input.config ?? getConfig();
  const result = launch(config.campaigns);
  if (result) await sendEmails(config.smtp, result.emails);
  return result;
}

/**
 * Synchronous core of launchMicroCertification: launches (in one transaction) a 'micro' campaign
 * over the entitlements of `newScanId` that are new or widened since `previousScanId`. Returns
 * null when nothing changed (or when there is no previous snapshot: the first scan is no change).
 */
export function launchMicroCertificationNow(database: AppDatabase, input: MicroCertificationInput): LaunchCampaignResult | null {
  if (input.previousScanId === null) return null;
  const changed = changedEntitlementActions(database, input.previousScanId, input.newScanId);
  const changes = diffEntitlements(changed.previous, changed.next);
  return launchChangesCampaign(database, input, 'entitlements', `New or widened access: snapshot #${input.newScanId}`, changes);
}

/**
 * Micro-certification, for the scan pipeline to call after publishing a snapshot: new or widened
 * Bedrock entitlements (key absent before, or its action set grew) go to their owners at once as a
 * small campaign (kind 'micro'). Sends the notification emails after the transaction commits.
 */
export async function launchMicroCertification(database: AppDatabase, input: Omit<MicroCertificationInput, 'campaignsConfig'> & { config?: AppConfig }): Promise<LaunchCampaignResult | null> {
  return launchAndNotify(input, (campaignsConfig) => launchMicroCertificationNow(database, { ...input, campaignsConfig }));
}

/**
 * Synchronous core of launchAssignmentMicroCertification: launches (in one transaction, through
 * launchCampaign) a 'micro' campaign of Identity Center assignment items (#14) that are new or
 * widened in `newScanId` since `previousScanId` (lib/campaigns/micro-diff: diffAssignmentItems),
 * each reviewed by the assignment reviewer rules. Null when nothing changed, on the first scan, or
 * when either snapshot read no Identity Center.
 */
export function launchAssignmentMicroCertificationNow(database: AppDatabase, input: MicroCertificationInput): LaunchCampaignResult | null {
  if (input.previousScanId === null) return null;
  const facts = changedAssignmentFacts(database, input.previousScanId, input.newScanId);
  const changes = facts === null ? [] : diffAssignmentItems(facts.previous, facts.next);
  return launchChangesCampaign(database, input, 'assignments', `New or widened assignments: snapshot #${input.newScanId}`, changes);
}

/**
 * Micro-certification of Identity Center assignments, for the scan pipeline to call after
 * publishing a snapshot: a person newly reaching a Bedrock permission set in an account (directly
 * or by joining a group), or a set that grants more, goes to the assignment's reviewer at once.
 * Sends the notification emails after the transaction commits.
 */
export async function launchAssignmentMicroCertification(database: AppDatabase, input: Omit<MicroCertificationInput, 'campaignsConfig'> & { config?: AppConfig }): Promise<LaunchCampaignResult | null> {
  return launchAndNotify(input, (campaignsConfig) => launchAssignmentMicroCertificationNow(database, { ...input, campaignsConfig }));
}

/**
 * Attested items of one kind whose keep-until date has come (on or before today) and that are
 * still the latest item of their key: key -> item id. A relaunched item is newer than the expired
 * one, so it never comes twice.
 */
function latestExpiredAttestations(database: AppDatabase, now: Date, itemKind: (typeof ITEM_KINDS)[number]): Map<string, number> {
  const today = now.toISOString().slice(0, 10);
  const expired = database
    .select({ id: campaignItems.id, entitlementKey: campaignItems.entitlementKey })
    .from(campaignItems)
    .where(and(eq(campaignItems.itemKind, itemKind), eq(campaignItems.status, 'attested'), isNotNull(campaignItems.keepUntil), lte(campaignItems.keepUntil, today)))
    .orderBy(desc(campaignItems.id))
    .all();
  const result = new Map<string, number>();
  if (expired.length === 0) return result;
  const keys = [...new Set(expired.map((item) => item.entitlementKey))];
  const latestByKey = new Map<string, number>();
  for (let index = 0; index < keys.length; index += 400) {
    for (const row of database
      .select({ entitlementKey: campaignItems.entitlementKey, latestId: sql<number>`max(${campaignItems.id})` })
      .from(campaignItems)
      .where(inArray(campaignItems.entitlementKey, keys.slice(index, index + 400)))
      .groupBy(campaignItems.entitlementKey)
      .all()) {
      latestByKey.set(row.entitlementKey, Number(row.latestId));
    }
  }
  for (const item of expired) if (latestByKey.get(item.entitlementKey) === item.id) result.set(item.entitlementKey, item.id);
  return result;
}

const expiredChange = (previousItemId: number): Change => ({ kind: 'attestation-expired', addedActions: [], previousItemId });

/**
 * Time-bound attestations of entitlements whose keep-until date has come, and whose entitlement
 * the snapshot `scanId` still holds.
 */
export function findExpiredAttestations(database: AppDatabase, now: Date, scanId: number): Map<string, Change> {
  const expired = latestExpiredAttestations(database, now, 'entitlement');
  const keys = [...expired.keys()];
  const result = new Map<string, Change>();
  for (let index = 0; index < keys.length; index += 400) {
    for (const row of database
      .select({ entitlementKey: entitlements.entitlementKey })
      .from(entitlements)
      .where(and(eq(entitlements.scanId, scanId), inArray(entitlements.entitlementKey, keys.slice(index, index + 400))))
      .all()) {
      result.set(row.entitlementKey, expiredChange(expired.get(row.entitlementKey) ?? 0));
    }
  }
  return result;
}

/**
 * Time-bound attestations of Identity Center assignments (#14) whose keep-until date has come, and
 * that the snapshot `scanId` still holds as an assignment item (findHeldAssignmentKeys).
 */
export function findExpiredAssignmentAttestations(database: AppDatabase, now: Date, scanId: number): Map<string, Change> {
  const expired = latestExpiredAttestations(database, now, 'assignment');
  if (expired.size === 0) return new Map();
  const held = findHeldAssignmentKeys(database, scanId, expired.keys());
  return new Map([...expired].filter(([key]) => held.has(key)).map(([key, itemId]) => [key, expiredChange(itemId)]));
}

/**
 * Synchronous core of relaunchExpiredAttestations: at most two micro campaigns on the latest
 * published snapshot, one of entitlements and one of assignments (a campaign has one subject).
 * Assignments wait while that snapshot read no Identity Center: nothing says whether they are held.
 */
export function relaunchExpiredAttestationsNow(database: AppDatabase, input: { now: Date; campaignsConfig?: AppConfig['campaigns'] }): LaunchCampaignResult[] {
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) return [];
  const readIdentityCenter = hasReadIdentityCenter(database, scanId);
  const bySubject = [
    { subject: 'entitlements' as const, expired: findExpiredAttestations(database, input.now, scanId) },
    { subject: 'assignments' as const, expired: readIdentityCenter ? findExpiredAssignmentAttestations(database, input.now, scanId) : new Map<string, Change>() },
  ];
  const config = input.campaignsConfig ?? getConfig().campaigns;
  return bySubject
    .filter(({ expired }) => expired.size > 0)
    .map(({ subject, expired }) =>
      launchCampaign(database, {
        name: `Expired ${subject === 'assignments' ? 'assignment ' : ''}attestations: ${input.now.toISOString().slice(0, 10)}`,
        kind: 'micro',
        scope: subject === 'assignments' ? { ...EMPTY_SCOPE, subject } : EMPTY_SCOPE,
        dueInDays: config.microCertificationDueInDays,
        closeBehaviour: 'report',
        launchedBy: 'system:attestation-expiry',
        fallbackReviewers: config.fallbackReviewers,
        now: input.now,
        scanId,
        onlyEntitlements: expired,
      }),
    );
}

/**
 * Brings back time-bound attestations (of entitlements and of assignments) whose keep-until date
 * passed, as micro campaigns on the latest published snapshot, to their reviewers at once. Sends
 * the emails after commit.
 */
export async function relaunchExpiredAttestations(database: AppDatabase, input: { now: Date; config?: AppConfig }): Promise<LaunchCampaignResult[]> {
  const config = input.config ?? getConfig();
  const results = relaunchExpiredAttestationsNow(database, { now: input.now, campaignsConfig: config.campaigns });
  for (const result of results) await sendEmails(config.smtp, result.emails);
  return results;
}
