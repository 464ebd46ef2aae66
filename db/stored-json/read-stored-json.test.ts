import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getPrincipalDetail } from '../queries/principals';
import { getLatestPublishedScanId } from '../queries/scans';
import { getOverviewCounts } from '../queries/overview';
import { seedSnapshot } from '../queries/test-support/seed-snapshot';
import { principals, scans } from '../schema';
import { createTestDatabase } from '../test-database';
import { readPrincipalAnalysis, readPrincipalRecommendations } from './principal-columns';
import { readRevocationResult } from './revocation-columns';
import { StoredJsonError } from './read-stored-json';

const admin = { role: 'admin', email: 'admin@example.com' } as const;

function errorOf(read: () => unknown): StoredJsonError {
  try {
    read();
  } catch (error) {
    if (error instanceof StoredJsonError) return error;
    throw error;
  }
  throw new Error('expected a StoredJsonError');
}

describe('stored JSON readers', () => {
  it('name the column and the row when the text is not JSON', () => {
    const error = errorOf(() => readPrincipalAnalysis('{"tiers": [', 42));
    expect(error.column).toBe('principals.analysis');
    expect(error.row).toBe(42);
    expect(error.message).toMatch(/^Stored JSON in principals\.analysis of row 42 is not valid: /);
  });

  it('name the place inside the value that has another shape', () => {
    const database = createTestDatabase();
    seedSnapshot(database);
    const row = database.select({ id: principals.id, analysis: principals.analysis }).from(principals).limit(1).get()!;
    const analysis = JSON.parse(row.analysis) as Record<string, unknown>;
    const corrupt = JSON.stringify({ ...analysis, blastRadius: { score: 'high', factors: [] } });
    const error = errorOf(() => readPrincipalAnalysis(corrupt, row.id));
    expect(error.message).toContain(`principals.analysis of row ${row.id}`);
    expect(error.message).toContain('blastRadius.score');
  });

  it('reject a recommendation kind the engine does not have instead of passing it on', () => {
    const error = errorOf(() => readPrincipalRecommendations('{"recommendations":[{"kind":"delete-everything","title":"t","detail":"d","path":null}]}', 7));
    expect(error.message).toContain('recommendations.0.kind');
  });

  it('read back what the seeded snapshot stored, field for field', () => {
    const database = createTestDatabase();
    seedSnapshot(database);
    for (const row of database.select({ id: principals.id, analysis: principals.analysis }).from(principals).all()) {
      expect(readPrincipalAnalysis(row.analysis, row.id)).toEqual(JSON.parse(row.analysis));
    }
  });

  it('merge a stored revocation result over the empty one, and read none as empty', () => {
    expect(readRevocationResult(null, 1)).toEqual({ pending: null, claim: null, calls: [], rollbackCalls: [], verification: null });
    expect(readRevocationResult('{"pending":"execute"}', 1)).toEqual({ pending: 'execute', claim: null, calls: [], rollbackCalls: [], verification: null });
  });
});

describe('a query over a corrupt row', () => {
  it('fails with the column and row instead of showing an empty page', () => {
    const database = createTestDatabase();
    const seeded = seedSnapshot(database);
    const principalId = Object.values(seeded.principalIds)[0];
    database.update(principals).set({ analysis: '{"tiers":["invoke"]' }).where(eq(principals.id, principalId)).run();
    expect(() => getPrincipalDetail(database, admin, principalId, seeded.latestScanId)).toThrow(new RegExp(`principals\\.analysis of row ${principalId} is not valid`));
  });

  it('names the scan whose summary is damaged', () => {
    const database = createTestDatabase();
    seedSnapshot(database);
    const scanId = getLatestPublishedScanId(database) as number;
    database.update(scans).set({ summary: '{"principalCount":"many"}' }).where(eq(scans.id, scanId)).run();
    expect(() => getOverviewCounts(database, scanId)).toThrow(new RegExp(`scans\\.summary of row ${scanId} is not valid: principalCount`));
  });
});
