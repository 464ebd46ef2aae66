import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-database';
import { EMPTY_SCOPE } from '../../../lib/campaigns/scope';
import { closeCampaign } from './close';
import { launchCampaign } from './launch';
import { listCampaignPage } from './list-campaign-page';
import { FALLBACK, FIXTURE_NOW, PROD_ACCOUNT, seedCampaignFixture } from './test-support/fixtures';
import type { AppDatabase } from '../../client';

function launch(database: AppDatabase, name: string, options: { kind?: 'standard' | 'micro'; dueInDays?: number; accountIds?: string[] } = {}) {
  return launchCampaign(database, {
    name,
    kind: options.kind ?? 'standard',
    scope: { ...EMPTY_SCOPE, accountIds: options.accountIds ?? [] },
    dueInDays: options.dueInDays ?? 14,
    closeBehaviour: 'report',
    launchedBy: 'admin@example.com',
    fallbackReviewers: FALLBACK,
    now: FIXTURE_NOW,
  }).campaignId;
}

function seeded() {
  const database = createTestDatabase();
  seedCampaignFixture(database);
  const first = launch(database, 'Q1 review', { dueInDays: 30 });
  const second = launch(database, 'Prod 100% review', { accountIds: [PROD_ACCOUNT], dueInDays: 7 });
  const third = launch(database, 'New access', { kind: 'micro', dueInDays: 3 });
  closeCampaign(database, { campaignId: first, actor: 'admin@example.com', now: FIXTURE_NOW, reason: 'manual' });
  return { database, first, second, third };
}

const names = (result: { rows: { name: string }[] }) => result.rows.map((row) => row.name);

describe('listCampaignPage', () => {
  it('lists the newest launch first with each campaign’s counts', () => {
    const { database } = seeded();
    const result = listCampaignPage(database, { sort: 'launched', page: 1 });
    expect(names(result)).toEqual(['New access', 'Prod 100% review', 'Q1 review']);
    expect(result.total).toBe(3);
    expect(result.rows[1].counts).toMatchObject({ total: 5, pending: 5 });
    expect(result.rows[2]).toMatchObject({ status: 'closed', counts: { total: 7, pending: 0, notCertified: 7 } });
  });

  const filters: { name: string; query: Parameters<typeof listCampaignPage>[1]; expected: string[] }[] = [
    { name: 'by status', query: { status: 'active', sort: 'launched', page: 1 }, expected: ['New access', 'Prod 100% review'] },
    { name: 'by kind', query: { kind: 'micro', sort: 'launched', page: 1 }, expected: ['New access'] },
    { name: 'by name, any case', query: { q: 'REVIEW', sort: 'launched', page: 1 }, expected: ['Prod 100% review', 'Q1 review'] },
    { name: 'a % in the search is a character, not a wildcard', query: { q: '100%', sort: 'launched', page: 1 }, expected: ['Prod 100% review'] },
    { name: 'an underscore is literal too', query: { q: 'Q_', sort: 'launched', page: 1 }, expected: [] },
    { name: 'sorted by due date, soonest first', query: { sort: 'due', page: 1 }, expected: ['New access', 'Prod 100% review', 'Q1 review'] },
    { name: 'sorted by name, descending', query: { sort: 'name', direction: 'desc', page: 1 }, expected: ['Q1 review', 'Prod 100% review', 'New access'] },
  ];
  for (const testCase of filters) {
    it(testCase.name, () => {
      const { database } = seeded();
      const result = listCampaignPage(database, testCase.query);
      expect(names(result)).toEqual(testCase.expected);
      expect(result.total).toBe(testCase.expected.length);
    });
  }

  it('pages on the server and counts every match', () => {
    const { database } = seeded();
    const second = listCampaignPage(database, { sort: 'name', page: 2, pageSize: 2 });
    expect(names(second)).toEqual(['Q1 review']);
    expect(second.total).toBe(3);
  });
});
