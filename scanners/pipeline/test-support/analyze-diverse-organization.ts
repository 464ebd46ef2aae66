/** Tests only: a generated diverse organisation (issue #16) as the persist step receives it. */
import { analyzeSnapshot } from '../../../lib/analysis/analyze-snapshot';
import { loadActionCatalogue } from '../../../lib/analysis/catalogue/load-catalogue';
import { DEFAULT_SOD_RULES } from '../../../lib/analysis/sod/default-rules';
import type { SnapshotAnalysis } from '../../../lib/analysis/snapshot-analysis-types';
import { diverseSnapshot } from '../../../lib/analysis/trust/test-support/diverse-snapshot';
import type { SnapshotInput } from '../../../lib/analysis/types';

/** Four accounts of 30 principals generated from `seed`, mapped as an import maps them and analysed with the default SoD rules at `now`. */
export async function analyzeDiverseOrganization(seed: string, now: Date): Promise<{ snapshot: SnapshotInput; analysis: SnapshotAnalysis }> {
  const snapshot = diverseSnapshot(seed, 4, 30, now);
  const analysis = analyzeSnapshot(snapshot, await loadActionCatalogue(), { now, sodRules: [...DEFAULT_SOD_RULES] });
  return { snapshot, analysis };
}
