import type { StoredPrincipalAnalysis } from '../../db/schema/stored-json';
import type { AnalyzedPrincipal } from '../../lib/analysis/snapshot-analysis-types';

/** The part of an analysed principal its row stores as the analysis JSON. */
export function storedAnalysisOf(principal: AnalyzedPrincipal): StoredPrincipalAnalysis {
  return {
    tiers: principal.tiers,
    blastRadius: principal.blastRadius,
    exposure: principal.exposure,
    denied: principal.denied,
    recommendations: principal.recommendations,
    credentials: principal.credentials,
    reachAccountIds: principal.reachAccountIds,
    errors: principal.errors,
  };
}

/**
 * `principals.analysis` exactly as `JSON.stringify(analysis)` writes it, but with the parts that
 * principals share (the denials of one computed access, one exposure for roles with
 * the same trust entries, recommendations) encoded once per object instead of once per row. An
 * AdministratorAccess holder's denials alone are tens of kilobytes, and thousands share them.
 */
const jsonByValue = new WeakMap<object, string>();

function encodeShared(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = jsonByValue.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonByValue.set(value, text);
  }
  return text;
}

/** The field order of StoredPrincipalAnalysis as persist-snapshot builds it. */
const FIELDS = ['tiers', 'blastRadius', 'exposure', 'denied', 'recommendations', 'credentials', 'reachAccountIds', 'errors'] as const satisfies ReadonlyArray<keyof StoredPrincipalAnalysis>;

export function encodePrincipalAnalysis(analysis: StoredPrincipalAnalysis): string {
  let text = '{';
  for (const field of FIELDS) {
    const encoded = encodeShared(analysis[field]);
    // JSON.stringify leaves out a key whose value is undefined (or a function): so does this.
    if (encoded === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}"${field}":${encoded}`;
  }
  return `${text}}`;
}
