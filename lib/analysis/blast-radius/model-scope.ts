import type { Grant } from '../types';
import { hasWildcard, matchesWildcardCaseSensitive } from '../sod/wildcard-pattern';

/**
 * A model id no real pattern names: a resource pattern that matches it matches every model,
 * including ones released after the policy was written.
 */
const PROBE_MODEL_ID = 'zz-probe.any-model-v0';
const PROBE_REGION = 'zz-probe-1';

function probeArnFor(pattern: string): string {
  const parts = pattern.split(':');
  // Keep a concrete partition and region from the pattern so that `...:us-east-1::foundation-model/*`
  // (every model in one region) still counts as all models.
  const partition = parts[1] && !hasWildcard(parts[1]) ? parts[1] : 'aws';
  const region = parts[3] && !hasWildcard(parts[3]) ? parts[3] : PROBE_REGION;
  return `arn:${partition}:bedrock:${region}::foundation-model/${PROBE_MODEL_ID}`;
}

/**
 * True when a grant's resources cover every foundation model: `*`, `arn:aws:bedrock:*`,
 * `arn:aws:bedrock:*::foundation-model/*` and the like, not carved out by NotResource.
 */
export function coversAllModels(grant: Pick<Grant, 'resources' | 'notResources'>): boolean {
  if (grant.notResources.length === 0) return grant.resources.some(patternCoversAllModels);
  return grant.resources.some((pattern) => {
    const probe = probeArnFor(pattern);
    if (!matchesWildcardCaseSensitive(pattern, probe)) return false;
    return !grant.notResources.some((excluded) => matchesWildcardCaseSensitive(excluded, probe));
  });
}

// Asked for every invoke grant of every principal, about a few hundred distinct patterns.
const coverageByPattern = new Map<string, boolean>();
const COVERAGE_CACHE_LIMIT = 100_000;

function patternCoversAllModels(pattern: string): boolean {
  let covers = coverageByPattern.get(pattern);
  if (covers === undefined) {
    covers = matchesWildcardCaseSensitive(pattern, probeArnFor(pattern));
    if (coverageByPattern.size >= COVERAGE_CACHE_LIMIT) coverageByPattern.clear();
    coverageByPattern.set(pattern, covers);
  }
  return covers;
}
