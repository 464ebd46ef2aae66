import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-database';
import { listOwnerMappingRows } from './list-owner-mapping-rows';
import { createOwnerMapping } from './owner-mappings';
import { previewOwnerMapping } from './preview-owner-mapping';
import { PROD_ACCOUNT, SANDBOX_ACCOUNT, seedCampaignFixture } from './test-support/fixtures';

const draft = { priority: 20, accountId: null, pathPrefix: null, namePattern: null, ownerEmail: 'maya@example.com' };

describe('previewOwnerMapping', () => {
  it('counts the Bedrock holders a rule matches and the ones it would route', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    // Sandbox: notebook (taken by the /data-science/ rule at priority 10) and build-bot.
    expect(previewOwnerMapping(database, { ...draft, accountId: SANDBOX_ACCOUNT })).toEqual({ scanId: expect.any(Number), matchCount: 2, decidedCount: 1, sampleNames: ['build-bot', 'notebook'], warnings: [] });
    // Prod: four principals, two carry an owner tag.
    expect(previewOwnerMapping(database, { ...draft, accountId: PROD_ACCOUNT })).toMatchObject({ matchCount: 4, decidedCount: 2 });
    expect(previewOwnerMapping(database, { ...draft, namePattern: 'ml-*' })).toMatchObject({ matchCount: 1, decidedCount: 0, sampleNames: ['ml-pipeline'] });
  });

  it('warns about a catch-all, a duplicate priority and a reviewer who is no user', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    const preview = previewOwnerMapping(database, { ...draft, priority: 10, ownerEmail: 'stranger@example.com' });
    expect(preview.warnings.map((warning) => warning.kind)).toEqual(['unknown-reviewer', 'catch-all', 'duplicate-priority']);
    expect(preview.matchCount).toBe(6);
  });

  it('matches nothing before the first snapshot, and still warns', () => {
    const database = createTestDatabase();
    expect(previewOwnerMapping(database, draft)).toMatchObject({ scanId: null, matchCount: 0, warnings: [{ kind: 'unknown-reviewer' }, { kind: 'catch-all' }] });
  });
});

describe('listOwnerMappingRows', () => {
  it('gives each stored rule its warnings', () => {
    const database = createTestDatabase();
    seedCampaignFixture(database);
    createOwnerMapping(database, { priority: 10, accountId: null, pathPrefix: null, namePattern: '*', ownerEmail: 'gone@example.com' }, 'admin@example.com');
    const rows = listOwnerMappingRows(database);
    expect(rows.map((row) => [row.priority, row.warnings.map((warning) => warning.kind)])).toEqual([
      [10, ['duplicate-priority']],
      [10, ['unknown-reviewer', 'catch-all', 'duplicate-priority']],
    ]);
  });
});
