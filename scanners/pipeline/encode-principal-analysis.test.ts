import { describe, expect, it } from 'vitest';
import type { StoredPrincipalAnalysis } from '../../db/schema/stored-json';
import { analyzeSnapshot } from '../../lib/analysis/analyze-snapshot';
import { loadActionCatalogue } from '../../lib/analysis/catalogue/load-catalogue';
import { DEFAULT_SOD_RULES } from '../../lib/analysis/sod/default-rules';
import { diverseParameters } from '../../scripts/demo-org/diverse/diverse-parameters';
import { generateDiverseOrganization, generateDiverseOrganizationFile } from '../../scripts/demo-org/diverse/generate-diverse-organization';
import { buildSnapshot } from '../map/build-snapshot';
import { encodePrincipalAnalysis, storedAnalysisOf } from './encode-principal-analysis';

describe('encodePrincipalAnalysis', () => {
  it('writes exactly what JSON.stringify writes, for every principal of a generated diverse organisation', async () => {
    const parameters = diverseParameters({ seed: 'encode-test', accountCount: 4, principalsPerAccount: 30 });
    const accounts = [...generateDiverseOrganization(parameters)].map((account) => JSON.parse(JSON.stringify({ accountId: account.accountId, details: account.authorizationDetails, credentials: account.credentials })));
    const { snapshot } = buildSnapshot({ capturedAt: '2026-11-01T00:00:00Z', organization: generateDiverseOrganizationFile(parameters), accounts });
    const now = new Date('2026-11-01T00:00:00Z');
    const analysis = analyzeSnapshot(snapshot, await loadActionCatalogue(), { now, sodRules: [...DEFAULT_SOD_RULES] });
    expect(analysis.principals.length).toBeGreaterThan(100);
    for (const principal of analysis.principals) {
      const stored = storedAnalysisOf(principal);
      // Twice: the second time the shared parts come from the memo.
      expect(encodePrincipalAnalysis(stored)).toBe(JSON.stringify(stored));
      expect(encodePrincipalAnalysis(stored)).toBe(JSON.stringify(stored));
    }
  });

  it('leaves out undefined fields as JSON.stringify does', () => {
    const partial = { tiers: ['invoke'], blastRadius: undefined, errors: [] } as unknown as StoredPrincipalAnalysis;
    expect(encodePrincipalAnalysis(partial)).toBe(JSON.stringify(partial));
  });
});
