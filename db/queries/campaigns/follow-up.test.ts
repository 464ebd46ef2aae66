import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test-database';
import { auditLog, campaignDefinitions, campaignItems, campaigns, notifications } from '../../schema';
import { parseAppConfig } from '../../../lib/config/schema';
import { EMPTY_SCOPE } from '../../../lib/campaigns/scope';
import type { CampaignItemContext } from '../../../lib/campaigns/item-context';
import { decideItem } from './decide';
import { createCampaignDefinition, listCampaignDefinitions } from './definitions';
import { launchMicroCertification, launchMicroCertificationNow, relaunchExpiredAttestationsNow } from './micro';
import { runCampaignSchedules } from './schedules';
import { createOwnerMapping, deleteOwnerMapping, listOwnerMappings, updateOwnerMapping } from './owner-mappings';
import { FALLBACK, FIXTURE_NOW, FIXTURE_PRINCIPALS, FULL_ACCESS, GOVERN, insertPrincipal, insertScan, PROD_ACCOUNT, seedCampaignFixture } from './test-support/fixtures';

const config = parseAppConfig({ campaigns: { fallbackReviewers: FALLBACK, reminderDaysBeforeDue: 3, microCertificationDueInDays: 7 } });
const day = 86_400_000;

describe('micro-certification', () => {
  it('launches a micro campaign for new and widened entitlements only', async () => {
    const database = createTestDatabase();
    const { scanId: previousScanId } = seedCampaignFixture(database);
    const newScanId = insertScan(database, { finishedAt: '2030-01-09T00:00:00.000Z' });
    for (const spec of FIXTURE_PRINCIPALS) {
      if (spec.name === 'guardrail-operator') {
        // Widened: gains the invoke actions of a second statement in the same policy.
        insertPrincipal(database, newScanId, { ...spec, entitlements: [{ ...GOVERN, tiers: ['govern', 'invoke'], actions: [...GOVERN.actions, 'bedrock:InvokeModel'] }] });
      } else if (spec.name === 'build-bot') {
        insertPrincipal(database, newScanId, { ...spec, entitlements: [...spec.entitlements, FULL_ACCESS] }); // new entitlement
      } else {
        insertPrincipal(database, newScanId, spec);
      }
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await launchMicroCertification(database, { previousScanId, newScanId, now: FIXTURE_NOW, config });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^would email /));
    log.mockRestore();
    expect(result?.itemCount).toBe(2);
    const campaign = database.select().from(campaigns).where(eq(campaigns.id, result!.campaignId)).get();
    expect(campaign).toMatchObject({ kind: 'micro', scanId: newScanId, dueAt: new Date(FIXTURE_NOW.getTime() + 7 * day).toISOString() });
    const items = database.select().from(campaignItems).where(eq(campaignItems.campaignId, result!.campaignId)).all();
    const changes = Object.fromEntries(items.map((item) => [item.principalName, (JSON.parse(item.context) as CampaignItemContext).change]));
    expect(changes['guardrail-operator']).toEqual({ kind: 'widened', addedActions: ['bedrock:InvokeModel'], previousItemId: null });
    expect(changes['build-bot']?.kind).toBe('new');
    expect(launchMicroCertificationNow(database, { previousScanId: newScanId, newScanId, now: FIXTURE_NOW, campaignsConfig: config.campaigns })).toBeNull();
    expect(launchMicroCertificationNow(database, { previousScanId: null, newScanId, now: FIXTURE_NOW, campaignsConfig: config.campaigns })).toBeNull();
  });

  it('launches nothing when entitlements only narrowed: a changed list is read, and holds no new action', () => {
    const database = createTestDatabase();
    const { scanId: previousScanId } = seedCampaignFixture(database);
    const newScanId = insertScan(database, { finishedAt: '2030-01-09T00:00:00.000Z' });
    let narrowed = 0;
    for (const spec of FIXTURE_PRINCIPALS) {
      const entitlements = spec.entitlements.map((entitlement) => (entitlement.actions.length > 1 ? { ...entitlement, actions: entitlement.actions.slice(1) } : entitlement));
      narrowed += entitlements.filter((entitlement, index) => entitlement !== spec.entitlements[index]).length;
      insertPrincipal(database, newScanId, { ...spec, entitlements });
    }
    expect(narrowed).toBeGreaterThan(0);
    expect(launchMicroCertificationNow(database, { previousScanId, newScanId, now: FIXTURE_NOW, campaignsConfig: config.campaigns })).toBeNull();
  });

  it('brings back attestations whose keep-until date passed, once', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { launch } = createCampaignDefinition(
      database,
      { name: 'Q1', scope: { ...EMPTY_SCOPE, tiers: ['govern'] }, dueInDays: 14, closeBehaviour: 'report', schedule: null },
      { actor: 'admin@example.com', now: FIXTURE_NOW, fallbackReviewers: FALLBACK },
    );
    const item = database.select().from(campaignItems).where(eq(campaignItems.campaignId, launch!.campaignId)).get()!;
    decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'liam@example.com', decision: { kind: 'attest', justification: 'for now', keepUntil: '2030-02-01' }, now: FIXTURE_NOW });
    expect(relaunchExpiredAttestationsNow(database, { now: new Date('2030-01-31T00:00:00.000Z'), campaignsConfig: config.campaigns })).toEqual([]);
    const [relaunch, ...more] = relaunchExpiredAttestationsNow(database, { now: new Date('2030-02-01T08:00:00.000Z'), campaignsConfig: config.campaigns });
    expect(more).toEqual([]);
    expect(relaunch?.itemCount).toBe(1);
    const again = database.select().from(campaignItems).where(eq(campaignItems.campaignId, relaunch!.campaignId)).get()!;
    expect((JSON.parse(again.context) as CampaignItemContext).change).toEqual({ kind: 'attestation-expired', addedActions: [], previousItemId: item.id });
    expect(relaunchExpiredAttestationsNow(database, { now: new Date('2030-02-02T08:00:00.000Z'), campaignsConfig: config.campaigns })).toEqual([]);
  });
});

describe('definitions and schedules', () => {
  it('launches a one-off definition at once and refuses a bad cron expression', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const created = createCampaignDefinition(database, { name: 'Now', scope: EMPTY_SCOPE, dueInDays: 7, closeBehaviour: 'revoke', schedule: null }, { actor: 'admin@example.com', now: FIXTURE_NOW, fallbackReviewers: FALLBACK });
    expect(created.launch?.itemCount).toBe(7);
    expect(() => createCampaignDefinition(database, { name: 'Bad', scope: EMPTY_SCOPE, dueInDays: 7, closeBehaviour: 'report', schedule: 'every tuesday' }, { actor: 'a', now: FIXTURE_NOW, fallbackReviewers: FALLBACK })).toThrow(/schedule/);
    expect(database.select().from(auditLog).where(eq(auditLog.action, 'campaign-definition.create')).all()).toHaveLength(1);
  });

  it('runs the worker tick: scheduled launch, reminder, escalation and auto-close', async () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    createCampaignDefinition(
      database,
      { name: 'Quarterly', scope: EMPTY_SCOPE, dueInDays: 10, closeBehaviour: 'report', schedule: '0 6 1 1,4,7,10 *' },
      { actor: 'admin@example.com', now: new Date('2029-12-15T00:00:00.000Z'), fallbackReviewers: FALLBACK },
    );
    expect(listCampaignDefinitions(database)[0].nextLaunchAt).toBe(new Date(2030, 0, 1, 6).toISOString());

    const launchTime = new Date(2030, 0, 1, 6, 0, 30);
    const first = await runCampaignSchedules(database, config, launchTime);
    expect(first.launchedCampaignIds).toHaveLength(1);
    const campaignId = first.launchedCampaignIds[0];
    expect((await runCampaignSchedules(database, config, new Date(launchTime.getTime() + 60_000))).launchedCampaignIds).toEqual([]);

    const reminderTime = new Date(launchTime.getTime() + 8 * day);
    expect((await runCampaignSchedules(database, config, reminderTime)).remindedCampaignIds).toEqual([campaignId]);
    expect(database.select().from(notifications).where(eq(notifications.kind, 'reminder')).all().map((row) => row.userEmail).sort()).toEqual([
      'admin@example.com',
      'liam@example.com',
      'maya@example.com',
      'sofia@example.com',
    ]);
    expect((await runCampaignSchedules(database, config, new Date(reminderTime.getTime() + 60_000))).remindedCampaignIds).toEqual([]);

    const dueTime = new Date(launchTime.getTime() + 10 * day);
    const last = await runCampaignSchedules(database, config, dueTime);
    expect(last).toMatchObject({ escalatedCampaignIds: [campaignId], closedCampaignIds: [campaignId] });
    const escalations = database.select().from(notifications).where(eq(notifications.kind, 'escalation')).all();
    expect(escalations.map((row) => row.userEmail).sort()).toEqual(['admin@example.com', 'liam@example.com']); // prod account owner + admins
    expect(database.select().from(campaigns).where(eq(campaigns.id, campaignId)).get()?.status).toBe('closed');
    expect(database.select().from(campaignDefinitions).get()?.lastLaunchedAt).toBe(launchTime.toISOString());
    log.mockRestore();
  });
});

describe('owner mappings', () => {
  it('creates, orders, updates and deletes rules, audited', () => {
    const database = createTestDatabase();
    const rule = createOwnerMapping(database, { priority: 20, accountId: PROD_ACCOUNT, pathPrefix: '', namePattern: 'ml-*', ownerEmail: 'Maya@Example.com' }, 'admin@example.com');
    createOwnerMapping(database, { priority: 10, accountId: null, pathPrefix: '/ds/', namePattern: null, ownerEmail: 'sofia@example.com' }, 'admin@example.com');
    expect(rule).toMatchObject({ pathPrefix: null, ownerEmail: 'maya@example.com' });
    expect(listOwnerMappings(database).map((row) => row.priority)).toEqual([10, 20]);
    updateOwnerMapping(database, rule.id, { ...rule, priority: 5 }, 'admin@example.com');
    expect(listOwnerMappings(database)[0].id).toBe(rule.id);
    deleteOwnerMapping(database, rule.id, 'admin@example.com');
    expect(listOwnerMappings(database)).toHaveLength(1);
    expect(() => deleteOwnerMapping(database, rule.id, 'admin@example.com')).toThrow(/No such/);
    expect(database.select().from(auditLog).all().map((entry) => entry.action)).toEqual(['owner-mapping.create', 'owner-mapping.create', 'owner-mapping.update', 'owner-mapping.delete']);
  });
});
