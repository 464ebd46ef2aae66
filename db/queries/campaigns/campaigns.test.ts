import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test-database';
import { auditLog, campaignItems, campaigns, notifications, revocations } from '../../schema';
import { verifyAuditChain } from '../audit';
import { EMPTY_SCOPE } from '../../../lib/campaigns/scope';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/http/errors';
import type { CampaignItemContext } from '../../../lib/campaigns/item-context';
import { decideItem, decideItems } from './decide';
import { listInboxCampaigns, listInboxItems } from './inbox';
import { campaignProgressBy, getCampaignSummary, listCampaignItems } from './progress';
import { listCampaignPage } from './list-campaign-page';
import { closeCampaign } from './close';
import { buildEvidence, evidenceToCsv } from './evidence';
import { FIXTURE_NOW, PROD_ACCOUNT, SANDBOX_ACCOUNT, launchFixtureCampaign, seedCampaignFixture } from './test-support/fixtures';
import type { AppDatabase } from '../../client';

function itemsOf(database: AppDatabase, campaignId: number) {
  return database.select().from(campaignItems).where(eq(campaignItems.campaignId, campaignId)).all();
}

function itemFor(database: AppDatabase, campaignId: number, principalName: string, policy?: string) {
  const item = itemsOf(database, campaignId).find((row) => row.principalName === principalName && (!policy || row.entitlementKey.includes(policy)));
  if (!item) throw new Error(`no item for ${principalName}`);
  return item;
}

const at = (minutes: number) => new Date(FIXTURE_NOW.getTime() + minutes * 60_000);

describe('launchCampaign', () => {
  it('freezes every in-scope entitlement with its reviewer and context, notifies and audits', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const result = launchFixtureCampaign(database);
    expect(result.itemCount).toBe(7);
    expect(result.isPartialSnapshot).toBe(false);
    expect(result.reviewerCounts).toEqual({ 'maya@example.com': 3, 'admin@example.com': 2, 'liam@example.com': 1, 'sofia@example.com': 1 });

    const pipeline = itemFor(database, result.campaignId, 'ml-pipeline', 'AmazonBedrockFullAccess');
    expect(pipeline).toMatchObject({ reviewerEmail: 'maya@example.com', reviewerReason: 'owner-tag', status: 'pending', version: 0, score: 72 });
    const context = JSON.parse(pipeline.context) as CampaignItemContext;
    expect(context.tiers).toEqual(['invoke', 'customize', 'read']);
    expect(context.peerCount).toBe(1); // analyst holds the same managed policy in the same account
    expect(context.conflicts).toEqual([{ ruleId: 'SOD-CUSTOMIZE-INVOKE', severity: 'high', title: 'Can shape a model and invoke it' }]);
    expect(context.recommendation.decision).toBe('review');
    expect(context.grantPath.policyName).toBe('AmazonBedrockFullAccess');

    const analyst = JSON.parse(itemFor(database, result.campaignId, 'analyst').context) as CampaignItemContext;
    expect(analyst.recommendation.decision).toBe('revoke');

    // Self-review: user liam in liam's account goes to the fallback admin.
    const liam = itemFor(database, result.campaignId, 'liam');
    expect(liam).toMatchObject({ reviewerEmail: 'admin@example.com', reviewerReason: 'fallback' });
    expect((JSON.parse(liam.context) as CampaignItemContext).selfReviewAvoided).toBe('liam@example.com');
    expect(itemFor(database, result.campaignId, 'guardrail-operator')).toMatchObject({ reviewerEmail: 'liam@example.com', reviewerReason: 'account-owner' });
    expect(itemFor(database, result.campaignId, 'notebook')).toMatchObject({ reviewerEmail: 'sofia@example.com', reviewerReason: 'owner-mapping' });
    expect(itemFor(database, result.campaignId, 'build-bot')).toMatchObject({ reviewerEmail: 'admin@example.com', reviewerReason: 'fallback' });

    expect(database.select().from(notifications).all()).toHaveLength(4);
    expect(result.emails.map((email) => email.to).sort()).toEqual(['admin@example.com', 'liam@example.com', 'maya@example.com', 'sofia@example.com']);
    expect(database.select().from(auditLog).where(eq(auditLog.action, 'campaign.launch')).all()).toHaveLength(1);
  });

  it('applies the scope and refuses an empty one', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    expect(launchFixtureCampaign(database, { scope: { ...EMPTY_SCOPE, tiers: ['govern'] } }).itemCount).toBe(1);
    expect(launchFixtureCampaign(database, { scope: { ...EMPTY_SCOPE, accountIds: [SANDBOX_ACCOUNT], principalTypes: ['user'] } }).itemCount).toBe(1);
    expect(launchFixtureCampaign(database, { scope: { ...EMPTY_SCOPE, minScore: 50 } }).itemCount).toBe(3);
    expect(launchFixtureCampaign(database, { scope: { ...EMPTY_SCOPE, onlyWithConflicts: true } }).itemCount).toBe(2);
    expect(() => launchFixtureCampaign(database, { scope: { ...EMPTY_SCOPE, minScore: 99 } })).toThrow(ValidationError);
    expect(database.select().from(campaigns).all()).toHaveLength(4); // the refused launch left nothing
  });

  it('marks campaigns launched on a partial snapshot', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database, { scanStatus: 'partial' });
    const result = launchFixtureCampaign(database);
    expect(result.isPartialSnapshot).toBe(true);
    expect(getCampaignSummary(database, result.campaignId).isPartialSnapshot).toBe(true);
  });

  it('refuses to launch before any published snapshot', () => {
    const database = createTestDatabase();
    expect(() => launchFixtureCampaign(database)).toThrow(/No published snapshot/);
  });
});

describe('decisions', () => {
  function setup() {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { campaignId } = launchFixtureCampaign(database);
    return { database, campaignId };
  }

  it('attests with a justification and keep-until, audited with the snapshot id', () => {
    const { database, campaignId } = setup();
    const item = itemFor(database, campaignId, 'ml-pipeline', 'invoke-claude');
    const result = decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'Production pipeline', keepUntil: '2030-06-30' }, now: at(1) });
    expect(result).toMatchObject({ status: 'attested', version: 1 });
    expect(itemFor(database, campaignId, 'ml-pipeline', 'invoke-claude')).toMatchObject({ status: 'attested', keepUntil: '2030-06-30', version: 1 });
    const entry = database.select().from(auditLog).where(eq(auditLog.action, 'campaign-item.attest')).get();
    expect(JSON.parse(entry!.after!)).toMatchObject({ justification: 'Production pipeline', scanId: 1, keepUntil: '2030-06-30' });
    expect(verifyAuditChain(database).isIntact).toBe(true);
  });

  it('requires a justification and a future keep-until date', () => {
    const { database, campaignId } = setup();
    const item = itemFor(database, campaignId, 'analyst');
    const base = { itemId: item.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', now: at(1) };
    expect(() => decideItem(database, { ...base, decision: { kind: 'attest', justification: '  ' } })).toThrow(ValidationError);
    expect(() => decideItem(database, { ...base, decision: { kind: 'attest', justification: 'ok', keepUntil: '2030-01-01' } })).toThrow(/future/);
    expect(itemFor(database, campaignId, 'analyst').version).toBe(0);
  });

  it('revokes by creating a revocation request (live or offline by the account source), withdrawn if the decision changes', () => {
    const { database, campaignId } = setup();
    const analyst = itemFor(database, campaignId, 'analyst');
    decideItem(database, { itemId: analyst.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'revoke', justification: 'Unused' }, now: at(1) });
    const notebook = itemFor(database, campaignId, 'notebook');
    decideItem(database, { itemId: notebook.id, expectedVersion: 0, reviewerEmail: 'sofia@example.com', decision: { kind: 'revoke', justification: 'Sandbox cleanup' }, now: at(1) });
    const requests = database.select().from(revocations).all();
    expect(requests.map((request) => [request.campaignItemId, request.status, request.origin, request.mode])).toEqual([
      [analyst.id, 'requested', 'decision', 'live'],
      [notebook.id, 'requested', 'decision', 'offline'],
    ]);
    decideItem(database, { itemId: analyst.id, expectedVersion: 1, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'Needed after all for the Q2 launch' }, now: at(2) });
    expect(database.select().from(revocations).where(eq(revocations.campaignItemId, analyst.id)).get()?.status).toBe('rejected');
  });

  it('refuses a stale version with who decided and when (compare-and-set)', () => {
    const { database, campaignId } = setup();
    const item = itemFor(database, campaignId, 'analyst');
    decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'first tab keeps the pipeline' }, now: at(1) });
    expect(() => decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'revoke', justification: 'second tab' }, now: at(2) })).toThrow(
      new ConflictError(`This item was decided by maya@example.com at ${at(1).toISOString()}; reload to see it.`),
    );
    expect(itemFor(database, campaignId, 'analyst').status).toBe('attested');
    expect(database.select().from(revocations).all()).toHaveLength(0);
  });

  it("never lets anyone decide another reviewer's item, admins included", () => {
    const { database, campaignId } = setup();
    const item = itemFor(database, campaignId, 'analyst');
    for (const caller of ['liam@example.com', 'admin@example.com']) {
      expect(() => decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: caller, decision: { kind: 'attest', justification: 'x' }, now: at(1) })).toThrow(NotFoundError);
    }
  });

  it('delegates to another user, who can then decide; refuses auditors and the principal itself', () => {
    const { database, campaignId } = setup();
    const item = itemFor(database, campaignId, 'guardrail-operator');
    const base = { itemId: item.id, expectedVersion: 0, reviewerEmail: 'liam@example.com', now: at(1) };
    expect(() => decideItem(database, { ...base, decision: { kind: 'delegate', delegateTo: 'ciso@example.com', note: 'x' } })).toThrow(/not an active owner or admin/);
    expect(() => decideItem(database, { ...base, decision: { kind: 'delegate', delegateTo: 'liam@example.com', note: 'x' } })).toThrow(/already yours/);
    const result = decideItem(database, { ...base, decision: { kind: 'delegate', delegateTo: 'Sofia@example.com', note: 'Sofia runs guardrails' } });
    expect(result.emails).toHaveLength(1);
    expect(itemFor(database, campaignId, 'guardrail-operator')).toMatchObject({ reviewerEmail: 'sofia@example.com', reviewerReason: 'delegated', status: 'pending', version: 1 });
    expect(database.select().from(notifications).where(eq(notifications.kind, 'delegated')).all()).toHaveLength(1);
    expect(() => decideItem(database, { ...base, expectedVersion: 1, decision: { kind: 'attest', justification: 'x' } })).toThrow(NotFoundError);
    decideItem(database, { itemId: item.id, expectedVersion: 1, reviewerEmail: 'sofia@example.com', decision: { kind: 'attest', justification: 'Guardrail team' }, now: at(2) });

    // The principal itself cannot be the delegate: liam's own user item, now reviewed by admin.
    const liamItem = itemFor(database, campaignId, 'liam');
    expect(() => decideItem(database, { itemId: liamItem.id, expectedVersion: 0, reviewerEmail: 'admin@example.com', decision: { kind: 'delegate', delegateTo: 'liam@example.com', note: 'x' }, now: at(3) })).toThrow(/own access/);
  });

  it('bulk decisions apply per item and report the skipped ones', () => {
    const { database, campaignId } = setup();
    const mayaItems = itemsOf(database, campaignId).filter((item) => item.reviewerEmail === 'maya@example.com');
    const someoneElse = itemFor(database, campaignId, 'notebook');
    decideItem(database, { itemId: mayaItems[0].id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'earlier decision, pipeline still runs' }, now: at(1) });
    const result = decideItems(database, {
      items: [...mayaItems.map((item) => ({ id: item.id, version: 0 })), { id: someoneElse.id, version: 0 }],
      reviewerEmail: 'maya@example.com',
      decision: { kind: 'revoke', justification: 'Quarterly cleanup' },
      now: at(2),
    });
    expect(result.applied.map((entry) => entry.itemId)).toEqual(mayaItems.slice(1).map((item) => item.id));
    expect(result.skipped.map((entry) => entry.itemId)).toEqual([mayaItems[0].id, someoneElse.id]);
    expect(result.skipped[0].reason).toMatch(/decided by maya@example.com/);
    expect(database.select().from(revocations).all()).toHaveLength(2);
  });

  it('refuses decisions once the campaign is closed', () => {
    const { database, campaignId } = setup();
    closeCampaign(database, { campaignId, actor: 'admin@example.com', now: at(1), reason: 'manual' });
    const item = itemFor(database, campaignId, 'analyst');
    expect(() => decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'late' }, now: at(2) })).toThrow(/closed/);
  });
});

describe('inbox and progress', () => {
  it("lists only the caller's items in active campaigns, filtered and paged", () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { campaignId } = launchFixtureCampaign(database);
    const page = listInboxItems(database, 'maya@example.com', {}, 1, 2);
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(2);
    expect(page.rows.every((row) => row.reviewerEmail === 'maya@example.com')).toBe(true);
    expect(page.rows[0].principalName).toBe('analyst');
    expect(listInboxItems(database, 'maya@example.com', { search: 'pipe' }).total).toBe(2);
    expect(listInboxItems(database, 'maya@example.com', { tier: 'customize' }).total).toBe(2);
    expect(listInboxItems(database, 'maya@example.com', { accountId: SANDBOX_ACCOUNT }).total).toBe(0);
    expect(listInboxItems(database, 'maya@example.com', { search: '%' }).total).toBe(0);
    const first = page.rows[0];
    decideItem(database, { itemId: first.id, expectedVersion: first.version, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'Production pipeline still needs it' }, now: at(1) });
    expect(listInboxItems(database, 'maya@example.com', { status: 'pending' }).total).toBe(2);
    const decided = listInboxItems(database, 'maya@example.com', { status: 'decided' });
    expect(decided.rows[0].lastDecision).toMatchObject({ kind: 'attest', justification: 'Production pipeline still needs it', decidedBy: 'maya@example.com' });
    expect(listInboxCampaigns(database, 'maya@example.com')).toEqual([expect.objectContaining({ id: campaignId, total: 3, pending: 2 })]);
    closeCampaign(database, { campaignId, actor: 'admin@example.com', now: at(2), reason: 'manual' });
    expect(listInboxItems(database, 'maya@example.com', {}).total).toBe(0);
  });

  it('reports completion by reviewer and by account, and pages campaign items', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { campaignId } = launchFixtureCampaign(database);
    const item = itemFor(database, campaignId, 'notebook');
    decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'sofia@example.com', decision: { kind: 'attest', justification: 'ok' }, now: at(1) });
    const byReviewer = campaignProgressBy(database, campaignId, 'reviewer');
    expect(byReviewer.find((row) => row.key === 'sofia@example.com')).toMatchObject({ total: 1, attested: 1, pending: 0, completion: 100 });
    expect(byReviewer[0].key).toBe('maya@example.com');
    const byAccount = campaignProgressBy(database, campaignId, 'account');
    expect(byAccount.map((row) => [row.key, row.total])).toEqual([
      [PROD_ACCOUNT, 5],
      [SANDBOX_ACCOUNT, 2],
    ]);
    expect(listCampaignItems(database, campaignId, { status: 'attested' }).total).toBe(1);
    expect(listCampaignItems(database, campaignId, { reviewerEmail: 'admin@example.com' }).total).toBe(2);
    expect(listCampaignItems(database, campaignId, {}, 2, 5).rows).toHaveLength(2);
    const list = listCampaignPage(database, { sort: 'launched', page: 1 });
    expect(list.rows[0].counts).toMatchObject({ total: 7, attested: 1, pending: 6 });
  });
});

describe('close and evidence', () => {
  it("'report' closes undecided items as not certified", () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { campaignId } = launchFixtureCampaign(database);
    const result = closeCampaign(database, { campaignId, actor: 'admin@example.com', now: at(5), reason: 'manual' });
    expect(result).toMatchObject({ undecidedCount: 7, outcome: 'not-certified', revocationIds: [] });
    expect(getCampaignSummary(database, campaignId)).toMatchObject({ status: 'closed', counts: { notCertified: 7, pending: 0 } });
    expect(() => closeCampaign(database, { campaignId, actor: 'admin@example.com', now: at(6), reason: 'manual' })).toThrow(ConflictError);
  });

  it("'revoke' closes undecided items as revoked with revocation requests", () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { campaignId } = launchFixtureCampaign(database, { closeBehaviour: 'revoke' });
    const item = itemFor(database, campaignId, 'notebook');
    decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'sofia@example.com', decision: { kind: 'attest', justification: 'ok' }, now: at(1) });
    const result = closeCampaign(database, { campaignId, actor: 'system:worker', now: at(5), reason: 'due-date' });
    expect(result.revocationIds).toHaveLength(6);
    expect(database.select().from(revocations).all().every((request) => request.origin === 'campaign-close' && request.status === 'requested')).toBe(true);
    expect(getCampaignSummary(database, campaignId).counts).toMatchObject({ revoked: 6, attested: 1 });
  });

  it('exports evidence with a summary, as JSON and as formula-safe CSV', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const { campaignId } = launchFixtureCampaign(database, { dueInDays: 1 });
    const item = itemFor(database, campaignId, 'notebook');
    decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'sofia@example.com', decision: { kind: 'attest', justification: '=HYPERLINK("http://evil")' }, now: at(1) });
    const analyst = itemFor(database, campaignId, 'analyst');
    decideItem(database, { itemId: analyst.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'revoke', justification: 'unused' }, now: at(2) });
    const evidence = buildEvidence(database, campaignId, new Date(FIXTURE_NOW.getTime() + 2 * 86_400_000));
    expect(evidence.summary.totals).toMatchObject({ items: 7, attested: 1, revoked: 1, notCertified: 0, pending: 5, overdue: 5, decisionCount: 2 });
    expect(evidence.summary.completionPercent).toBe(28.6);
    const attested = evidence.items.find((row) => row.itemId === item.id);
    expect(attested).toMatchObject({ decision: 'attest', decidedBy: 'sofia@example.com', snapshotId: 1, reviewerEmail: 'sofia@example.com' });
    const csv = evidenceToCsv(evidence);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"item_id","account_id","principal_arn"');
    expect(csv.split('\r\n').filter((line) => line.startsWith('"overdue",'))).toEqual(['"overdue","5"']);
  });
});
