import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test-database';
import { campaignItems, usageDaily, usageImports } from '../../schema';
import { ValidationError } from '../../../lib/http/errors';
import type { AppDatabase } from '../../client';
import { decideItem, decideItems } from './decide';
import { FIXTURE_NOW, PROD_ACCOUNT, launchFixtureCampaign, seedCampaignFixture } from './test-support/fixtures';

const at = (minutes: number) => new Date(FIXTURE_NOW.getTime() + minutes * 60_000);

/** A published snapshot with a campaign on it; `cloudTrail` says whether its scan read CloudTrail. */
function setup(options: { cloudTrail: boolean }) {
  const database = createTestDatabase();
  seedCampaignFixture(database);
  if (options.cloudTrail) {
    database.insert(usageImports).values({ scanId: 1, source: 'offline', filesRead: 3, bedrockEvents: 40 }).run();
    // ml-pipeline invoked Claude on 2029-12-20 (inside the 90 days before the snapshot); analyst never called Bedrock.
    database
      .insert(usageDaily)
      .values({
        scanId: 1,
        bucketKey: 'ml-pipeline|InvokeModel|2029-12-20',
        accountId: PROD_ACCOUNT,
        principalArn: `arn:aws:iam::${PROD_ACCOUNT}:role/ml-pipeline`,
        action: 'bedrock:InvokeModel',
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        region: 'us-east-1',
        day: '2029-12-20',
        callerKind: 'workload',
        callerName: 'ml-pipeline',
        callerUserId: '',
        callerBasis: 'session-name',
        unattributedReason: '',
        credential: 'session',
        isStandingCredential: false,
        calls: 12,
        deniedCalls: 0,
        lastCallAt: '2029-12-20T10:00:00Z',
        lastDeniedAt: null,
      })
      .run();
  }
  const { campaignId } = launchFixtureCampaign(database);
  return { database, campaignId };
}

function itemFor(database: AppDatabase, campaignId: number, principalName: string, policy: string) {
  const item = database
    .select()
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId))
    .all()
    .find((row) => row.principalName === principalName && row.entitlementKey.includes(policy));
  if (!item) throw new Error(`no item for ${principalName}`);
  return item;
}

describe('attesting access that shows no use (server-side rule)', () => {
  it('refuses a justification that does not say why, in plain words, and stores nothing', () => {
    const { database, campaignId } = setup({ cloudTrail: true });
    const item = itemFor(database, campaignId, 'analyst', 'AmazonBedrockFullAccess');
    const attempt = () => decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'keep' }, now: at(1) });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/no Bedrock use in 90 days: to keep it, say why/);
    expect(itemFor(database, campaignId, 'analyst', 'AmazonBedrockFullAccess')).toMatchObject({ status: 'pending', version: 0 });
  });

  it('accepts a justification that says why', () => {
    const { database, campaignId } = setup({ cloudTrail: true });
    const item = itemFor(database, campaignId, 'analyst', 'AmazonBedrockFullAccess');
    const result = decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'Needed for the year-end model evaluation' }, now: at(1) });
    expect(result.status).toBe('attested');
  });

  it('asks nothing more for used access, or when no CloudTrail was read (unknown is not unused)', () => {
    const used = setup({ cloudTrail: true });
    const invoke = itemFor(used.database, used.campaignId, 'ml-pipeline', 'invoke-claude');
    expect(decideItem(used.database, { itemId: invoke.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'ok' }, now: at(1) }).status).toBe('attested');

    const unknown = setup({ cloudTrail: false });
    const analyst = itemFor(unknown.database, unknown.campaignId, 'analyst', 'AmazonBedrockFullAccess');
    // Unknown usage is not "unused"; the revoke recommendation frozen at launch (and the over-broad
    // grant) still ask for a sentence, in their own words.
    expect(() => decideItem(unknown.database, { itemId: analyst.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'ok' }, now: at(1) })).toThrow(/recommended for revocation/);
    expect(decideItem(unknown.database, { itemId: analyst.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification: 'Quarterly evaluation runs in January' }, now: at(1) }).status).toBe('attested');
  });

  it('asks the same of an over-broad entitlement that is in use (invoke with customize)', () => {
    const { database, campaignId } = setup({ cloudTrail: true });
    const fullAccess = itemFor(database, campaignId, 'ml-pipeline', 'AmazonBedrockFullAccess');
    const attest = (justification: string) => decideItem(database, { itemId: fullAccess.id, expectedVersion: 0, reviewerEmail: 'maya@example.com', decision: { kind: 'attest', justification }, now: at(1) });
    expect(() => attest('ok')).toThrow(/invokes models and also holds the customize tier/);
    expect(attest('The pipeline fine-tunes and serves the fraud model').status).toBe('attested');
  });

  it('bulk attest skips the unused items with the reason and applies the used ones', () => {
    const { database, campaignId } = setup({ cloudTrail: true });
    const analyst = itemFor(database, campaignId, 'analyst', 'AmazonBedrockFullAccess');
    const invoke = itemFor(database, campaignId, 'ml-pipeline', 'invoke-claude');
    const result = decideItems(database, {
      items: [
        { id: analyst.id, version: 0 },
        { id: invoke.id, version: 0 },
      ],
      reviewerEmail: 'maya@example.com',
      decision: { kind: 'attest', justification: 'Still needed' },
      now: at(1),
    });
    expect(result.applied.map((entry) => entry.itemId)).toEqual([invoke.id]);
    expect(result.skipped).toEqual([{ itemId: analyst.id, reason: expect.stringMatching(/no Bedrock use in 90 days/) }]);
  });
});
