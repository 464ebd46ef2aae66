import type { BlastRadiusFacts } from '../../types';

/**
 * Tests only: a principal that scores nothing (no tiers, models, regions or accounts, nobody can
 * assume it, a role in a sandbox), so a test spreads it and names only the facts it is about.
 */
export const QUIET_FACTS: BlastRadiusFacts = {
  tiers: [],
  modelScope: { isAllModels: false, modelPatternCount: 0 },
  regionCount: 0,
  totalRegionCount: 30,
  accountCount: 0,
  exposure: { kinds: [], hasUnpinnedOidc: false, hasPublicTrust: false, assumableByCount: 0 },
  credentials: { type: 'role', activeAccessKeys: 0, oldestKeyAgeDays: 0, hasBedrockApiKey: false, consoleWithoutMfa: false },
  environment: 'sandbox',
  controls: { allInvokeRequiresGuardrail: false, modelsPinned: false },
};
