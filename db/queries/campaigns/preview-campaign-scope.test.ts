import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestDatabase } from '../../test-database';
import { auditLog, campaignItems, campaigns, notifications } from '../../schema';
import { EMPTY_SCOPE, type CampaignScope } from '../../../lib/campaigns/scope';
import { launchCampaign } from './launch';
import { createOwnerMapping } from './owner-mappings';
import { previewCampaignScope } from './preview-campaign-scope';
import { FALLBACK, FIXTURE_NOW, PROD_ACCOUNT, SANDBOX_ACCOUNT, seedCampaignFixture } from './test-support/fixtures';
import type { AppDatabase } from '../../client';

function rowCounts(database: AppDatabase) {
  return {
    campaigns: database.select({ value: count() }).from(campaigns).get()?.value,
    items: database.select({ value: count() }).from(campaignItems).get()?.value,
    notifications: database.select({ value: count() }).from(notifications).get()?.value,
    audit: database.select({ value: count() }).from(auditLog).get()?.value,
  };
}

function launch(database: AppDatabase, scope: CampaignScope) {
  return launchCampaign(database, { name: 'Preview check', kind: 'standard', scope, dueInDays: 14, closeBehaviour: 'report', launchedBy: 'admin@example.com', fallbackReviewers: FALLBACK, now: FIXTURE_NOW });
}

describe('previewCampaignScope', () => {
  const scopes: { name: string; scope: CampaignScope }[] = [
    { name: 'everything', scope: EMPTY_SCOPE },
    { name: 'one account', scope: { ...EMPTY_SCOPE, accountIds: [PROD_ACCOUNT] } },
    { name: 'the other account', scope: { ...EMPTY_SCOPE, accountIds: [SANDBOX_ACCOUNT] } },
    { name: 'roles only', scope: { ...EMPTY_SCOPE, principalTypes: ['role'] } },
    { name: 'users with conflicts', scope: { ...EMPTY_SCOPE, principalTypes: ['user'], onlyWithConflicts: true } },
    { name: 'governance tier', scope: { ...EMPTY_SCOPE, tiers: ['govern', 'customize'] } },
    { name: 'high score', scope: { ...EMPTY_SCOPE, minScore: 60 } },
  ];
  for (const { name, scope } of scopes) {
    it(`counts what the launch then creates: ${name}`, () => {
      const database = createTestDatabase();
      seedCampaignFixture(database);
      createOwnerMapping(database, { priority: 10, accountId: SANDBOX_ACCOUNT, pathPrefix: null, namePattern: null, ownerEmail: 'liam@example.com' }, 'admin@example.com', FIXTURE_NOW);
      const before = rowCounts(database);
      const preview = previewCampaignScope(database, scope, FALLBACK);
      expect(rowCounts(database)).toEqual(before); // nothing written
      if (preview.itemCount === 0) {
        expect(() => launch(database, scope)).toThrow(/No Bedrock entitlement/);
        return;
      }
      const result = launch(database, scope);
      expect(preview.itemCount).toBe(result.itemCount);
      expect(preview.reviewerCount).toBe(Object.keys(result.reviewerCounts).length);
      const expectedTop = Object.entries(result.reviewerCounts)
        .map(([email, itemCount]) => ({ email, itemCount }))
        .sort((a, b) => b.itemCount - a.itemCount || a.email.localeCompare(b.email))
        .slice(0, 5);
      expect(preview.topReviewers).toEqual(expectedTop);
    });
  }

  it('the whole fixture: seven items for four reviewers', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const preview = previewCampaignScope(database, EMPTY_SCOPE, FALLBACK);
    expect(preview).toMatchObject({ itemCount: 7, reviewerCount: 4, accountCount: 2 });
    expect(preview.topReviewers[0]).toEqual({ email: 'maya@example.com', itemCount: 3 });
  });

  it('says there is no snapshot before the first scan', () => {
    const database = createTestDatabase();
    expect(previewCampaignScope(database, EMPTY_SCOPE, FALLBACK)).toMatchObject({ scanId: null, itemCount: 0, reviewerCount: 0 });
  });
});
