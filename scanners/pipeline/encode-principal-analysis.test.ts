import { describe, expect, it } from 'vitest';
import type { StoredPrincipalAnalysis } from '../../db/schema/stored-json';
import { analyzeDiverseOrganization } from './test-support/analyze-diverse-organization';
import { encodePrincipalAnalysis, storedAnalysisOf } from './encode-principal-analysis';

describe('encodePrincipalAnalysis', () => {
  it('writes exactly what JSON.stringify writes, for every principal of a generated diverse organisation', async () => {
    const { analysis } = await analyzeDiverseOrganization('encode-test', new Date('2026-11-01T00:00:00Z'));
    expect(analysis.principals.length).toBeGreaterThan(100);
    const memo = new Map<object, string>();
    for (const principal of analysis.principals) {
      const stored = storedAnalysisOf(principal);
      // Twice: the second time the shared parts come from the memo.
      expect(encodePrincipalAnalysis(stored, memo)).toBe(JSON.stringify(stored));
      expect(encodePrincipalAnalysis(stored, memo)).toBe(JSON.stringify(stored));
    }
  });

  it('leaves out undefined fields as JSON.stringify does', () => {
    const partial = { tiers: ['invoke'], blastRadius: undefined, errors: [] } as unknown as StoredPrincipalAnalysis;
    expect(encodePrincipalAnalysis(partial, new Map())).toBe(JSON.stringify(partial));
  });
});
