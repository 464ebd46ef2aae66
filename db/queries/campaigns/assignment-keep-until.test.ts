import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns } from '../../schema';
import { createTestDatabase } from '../../test-database';
import { parseAppConfig } from '../../../lib/config/schema';
import type { AssignmentItemContext } from '../../../lib/campaigns/assignment-items';
import { EMPTY_SCOPE } from '../../../lib/campaigns/scope';
import { runScan } from '../../../scanners/pipeline/run-scan';
import { decideItem } from './decide';
import { launchCampaign } from './launch';
import { relaunchExpiredAttestationsNow } from './micro';
import { runCampaignSchedules } from './schedules';

/**
 * Keep-until on Identity Center assignment items (#14): an assignment attested "keep until" a
 * date comes back for review when the date passes, like an entitlement, as long as the latest
 * snapshot still holds it. The demo organisation is imported from a copy of demo/org.
 */
const DEMO = path.join(process.cwd(), 'demo', 'org');
const IMPORTED = new Date('2026-03-02T09:00:00Z');
const DECIDED = new Date('2026-03-03T10:00:00Z');
const KEEP_UNTIL = '2026-04-01';
const DAY_BEFORE = new Date('2026-03-31T08:00:00Z');
const EXPIRY_DAY = new Date('2026-04-01T08:00:00Z');
const config = parseAppConfig({ campaigns: { fallbackReviewers: ['admin@example.com'], microCertificationDueInDays: 7 } });

let database: AppDatabase;
let directory: string;

const itemsOf = (campaignId: number) => database.select().from(campaignItems).where(eq(campaignItems.campaignId, campaignId)).all();

function launchAssignments(): number {
  return launchCampaign(database, { name: 'Assignments Q1', kind: 'standard', scope: { ...EMPTY_SCOPE, subject: 'assignments' }, dueInDays: 14, closeBehaviour: 'report', launchedBy: 'admin@example.com', fallbackReviewers: ['admin@example.com'], now: DECIDED }).campaignId;
}

function attest(item: { id: number; reviewerEmail: string }, keepUntil: string | null = KEEP_UNTIL): void {
  decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: item.reviewerEmail, decision: { kind: 'attest', justification: 'Needed for the Q1 launch', keepUntil }, now: DECIDED });
}

beforeEach(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'keep-until-'));
  cpSync(DEMO, directory, { recursive: true });
  database = createTestDatabase();
  await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test', now: () => IMPORTED });
}, 60_000);

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('keep-until on assignment items', () => {
  it('an attested assignment comes back on its keep-until date as an assignment item, once', () => {
    const campaignId = launchAssignments();
    const [kept, forever] = itemsOf(campaignId).filter((item) => item.viaGroupId !== null);
    attest(kept);
    attest(forever, null);

    expect(relaunchExpiredAttestationsNow(database, { now: DAY_BEFORE, campaignsConfig: config.campaigns })).toEqual([]);
    const [relaunch] = relaunchExpiredAttestationsNow(database, { now: EXPIRY_DAY, campaignsConfig: config.campaigns });
    expect(relaunch?.itemCount).toBe(1);
    const campaign = database.select().from(campaigns).where(eq(campaigns.id, relaunch.campaignId)).get();
    expect(campaign).toMatchObject({ kind: 'micro', launchedBy: 'system:attestation-expiry' });
    expect(JSON.parse(campaign?.scope ?? '{}')).toMatchObject({ subject: 'assignments' });
    const [again] = itemsOf(relaunch.campaignId);
    expect(again).toMatchObject({ itemKind: 'assignment', entitlementKey: kept.entitlementKey, personUserId: kept.personUserId, viaGroupId: kept.viaGroupId, principalArn: kept.principalArn, status: 'pending' });
    const context = JSON.parse(again.context) as AssignmentItemContext;
    expect(context.change).toEqual({ kind: 'attestation-expired', addedActions: [], previousItemId: kept.id });
    expect(context.assignment.groupName).toBe(kept.viaGroupName);

    expect(relaunchExpiredAttestationsNow(database, { now: new Date('2026-04-02T08:00:00Z'), campaignsConfig: config.campaigns })).toEqual([]);
  }, 60_000);

  it('an assignment gone from the latest snapshot does not come back', async () => {
    const campaignId = launchAssignments();
    const item = itemsOf(campaignId).find((candidate) => candidate.viaGroupId !== null);
    if (!item) return expect.fail('the demo has group assignments');
    attest(item);
    const file = path.join(directory, 'identity-center.json');
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { IdentityCenter: { GroupMemberships: Array<{ GroupId: string; MemberId: { UserId: string } }> } };
    exported.IdentityCenter.GroupMemberships = exported.IdentityCenter.GroupMemberships.filter((membership) => !(membership.GroupId === item.viaGroupId && membership.MemberId.UserId === item.personUserId));
    writeFileSync(file, JSON.stringify(exported));
    await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test', now: () => new Date('2026-03-20T09:00:00Z') });
    expect(relaunchExpiredAttestationsNow(database, { now: EXPIRY_DAY, campaignsConfig: config.campaigns })).toEqual([]);
  }, 60_000);

  it('waits while the latest snapshot read no Identity Center, and comes back once one does', async () => {
    const campaignId = launchAssignments();
    attest(itemsOf(campaignId)[0]);
    const file = path.join(directory, 'identity-center.json');
    const exported = readFileSync(file, 'utf8');
    rmSync(file);
    await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test', now: () => new Date('2026-03-20T09:00:00Z') });
    expect(relaunchExpiredAttestationsNow(database, { now: EXPIRY_DAY, campaignsConfig: config.campaigns })).toEqual([]);
    writeFileSync(file, exported);
    await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test', now: () => new Date('2026-04-03T09:00:00Z') });
    expect(relaunchExpiredAttestationsNow(database, { now: new Date('2026-04-03T10:00:00Z'), campaignsConfig: config.campaigns }).map((result) => result.itemCount)).toEqual([1]);
  }, 60_000);

  it('the worker tick brings back expired entitlements and assignments, each in a campaign of its subject', async () => {
    const assignmentCampaign = launchAssignments();
    attest(itemsOf(assignmentCampaign)[0]);
    const entitlementCampaign = launchCampaign(database, { name: 'Entitlements Q1', kind: 'standard', scope: EMPTY_SCOPE, dueInDays: 14, closeBehaviour: 'report', launchedBy: 'admin@example.com', fallbackReviewers: ['admin@example.com'], now: DECIDED }).campaignId;
    attest(itemsOf(entitlementCampaign)[0]);

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const report = await runCampaignSchedules(database, config, EXPIRY_DAY);
    log.mockRestore();
    expect(report.relaunchedCampaignIds).toHaveLength(2);
    const kinds = report.relaunchedCampaignIds.map((id) => itemsOf(id).map((item) => item.itemKind));
    expect(kinds).toEqual([['entitlement'], ['assignment']]);
  }, 60_000);
});
