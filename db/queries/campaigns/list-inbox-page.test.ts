import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test-database';
import { sodConflicts } from '../../schema';
import { parseCampaignItemSearchParams, parseInboxSearchParams } from '../../../lib/campaigns/search-params';
import { splitItemConflicts } from '../../../lib/campaigns/item-conflicts';
import { listInboxPage } from './list-inbox-page';
import { listCampaignItemPage } from './list-campaign-item-page';
import { listConflictSidesOfItems } from './item-conflicts';
import { INVOKE_ONLY, PROD_ACCOUNT, insertPrincipal, launchFixtureCampaign, seedCampaignFixture } from './test-support/fixtures';

const path = (policyName: string, policyKind: 'managed' | 'inline') => ({
  policyKind,
  policyArn: policyKind === 'managed' ? `arn:aws:iam::aws:policy/${policyName}` : null,
  policyName,
  isAwsManaged: policyKind === 'managed',
  attachedVia: 'direct' as const,
  groupName: null,
  statementId: null,
  statementIndex: 0,
});

function setup() {
  const database = createTestDatabase();
  const { scanId } = seedCampaignFixture(database);
  // Same score as ml-pipeline (72) but recommended for revocation: sorts first among the ties.
  insertPrincipal(database, scanId, {
    accountId: PROD_ACCOUNT,
    type: 'role',
    name: 'zz-idle-batch',
    ownerTag: 'maya@example.com',
    score: 72,
    lastUsedAt: null,
    recommendations: [{ kind: 'revoke-unused', title: 'Unused', detail: 'No Bedrock use in 90 days.', path: null }],
    entitlements: [INVOKE_ONLY],
  });
  // ml-pipeline's customise-and-invoke conflict with its sides as the scanner stores them.
  database
    .update(sodConflicts)
    .set({
      sideA: JSON.stringify([{ path: path('AmazonBedrockFullAccess', 'managed'), tiers: ['customize'], actions: ['bedrock:CreateModelCustomizationJob'] }]),
      sideB: JSON.stringify([
        { path: path('AmazonBedrockFullAccess', 'managed'), tiers: ['invoke'], actions: ['bedrock:InvokeModel'] },
        { path: path('invoke-claude', 'inline'), tiers: ['invoke'], actions: ['bedrock:InvokeModel'] },
      ]),
    })
    .where(eq(sodConflicts.ruleId, 'SOD-CUSTOMIZE-INVOKE'))
    .run();
  const { campaignId } = launchFixtureCampaign(database);
  return { database, campaignId };
}

const describeRow = (row: { principalName: string; score: number; context: { grantPath: { policyName: string }; recommendation: { decision: string } } }) => `${row.principalName}/${row.context.grantPath.policyName} ${row.score} ${row.context.recommendation.decision}`;

describe('listInboxPage', () => {
  it('puts the riskiest first, and revoke recommendations first among equal scores', () => {
    const { database } = setup();
    const page = listInboxPage(database, 'maya@example.com', parseInboxSearchParams({}), 25);
    expect(page.rows.map(describeRow)).toEqual([
      'zz-idle-batch/invoke-claude 72 revoke',
      'ml-pipeline/AmazonBedrockFullAccess 72 review',
      'ml-pipeline/invoke-claude 72 review',
      'analyst/AmazonBedrockFullAccess 35 revoke',
    ]);
    expect(page.total).toBe(4);
  });

  it('sorts by principal on request, pages on the server, and stays scoped to the reviewer', () => {
    const { database } = setup();
    const byName = listInboxPage(database, 'maya@example.com', parseInboxSearchParams({ sort: 'principal' }), 2);
    expect(byName.rows.map((row) => row.principalName)).toEqual(['analyst', 'ml-pipeline']);
    expect(byName.total).toBe(4);
    const second = listInboxPage(database, 'maya@example.com', parseInboxSearchParams({ sort: 'principal', page: '2' }), 2);
    expect(second.rows.map((row) => row.principalName)).toEqual(['ml-pipeline', 'zz-idle-batch']);
    expect(listInboxPage(database, 'maya@example.com', parseInboxSearchParams({ tier: 'govern' }), 25).total).toBe(0);
    expect(listInboxPage(database, 'sofia@example.com', parseInboxSearchParams({}), 25).rows.every((row) => row.reviewerEmail === 'sofia@example.com')).toBe(true);
  });
});

describe('listCampaignItemPage', () => {
  it('lists the whole campaign riskiest first, filtered by reviewer', () => {
    const { database, campaignId } = setup();
    const all = listCampaignItemPage(database, campaignId, parseCampaignItemSearchParams({}), 50);
    expect(all.rows.map((row) => row.score)).toEqual([...all.rows.map((row) => row.score)].sort((left, right) => right - left));
    const maya = listCampaignItemPage(database, campaignId, parseCampaignItemSearchParams({ reviewer: 'MAYA@example.com' }), 50);
    expect(maya.total).toBe(4);
  });
});

describe('listConflictSidesOfItems with splitItemConflicts', () => {
  it("attributes the principal's conflict to the entitlements whose actions stand on a side", () => {
    const { database } = setup();
    const rows = listInboxPage(database, 'maya@example.com', parseInboxSearchParams({}), 25).rows;
    const sides = listConflictSidesOfItems(database, rows.map((row) => row.id));
    const byPolicy = Object.fromEntries(
      rows.filter((row) => row.principalName === 'ml-pipeline').map((row) => [row.context.grantPath.policyName, splitItemConflicts(row.context, sides.get(row.id)).own.map((conflict) => conflict.participation)]),
    );
    expect(byPolicy).toEqual({ AmazonBedrockFullAccess: ['both'], 'invoke-claude': ['side-b'] });
    const analyst = rows.find((row) => row.principalName === 'analyst');
    expect(sides.get(analyst!.id)).toBeUndefined();
  });
});
