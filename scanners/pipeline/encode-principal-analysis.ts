import type { StoredPrincipalAnalysis } from '../../db/schema/stored-json';
import type { AnalyzedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import { sharedJson, type SharedJsonMemo } from './shared-json';

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

/** A field's JSON, once per object for the values principals share. */
function encodeShared(value: unknown, memo: SharedJsonMemo): string | undefined {
  return value === null || typeof value !== 'object' ? JSON.stringify(value) : sharedJson(value, memo);
}

/** The fields of StoredPrincipalAnalysis in the order persist-snapshot builds them, and whether principals share their values. */
const FIELDS = [
  ['tiers', true],
  ['blastRadius', false],
  ['exposure', true],
  ['denied', true],
  ['recommendations', false],
  ['credentials', false],
  ['reachAccountIds', false],
  ['errors', true],
] as const satisfies ReadonlyArray<readonly [keyof StoredPrincipalAnalysis, boolean]>;

/**
 * `principals.analysis` exactly as `JSON.stringify(analysis)` writes it, but with the parts that
 * principals share (the denials of one computed access, one exposure for roles with the same
 * trust entries, the tiers and errors of one access) encoded once per object instead of once per
 * row. An AdministratorAccess holder's denials alone are tens of kilobytes, and thousands share
 * them. The parts each principal has its own of (score, credentials, recommendations, reach) are
 * encoded as they come. The memo is the caller's (one account's rows).
 */
export function encodePrincipalAnalysis(analysis: StoredPrincipalAnalysis, memo: SharedJsonMemo): string {
  let text = '{';
  for (const [field, isShared] of FIELDS) {
    const encoded = isShared ? encodeShared(analysis[field], memo) : JSON.stringify(analysis[field]);
    // JSON.stringify leaves out a key whose value is undefined (or a function): so does this.
    if (encoded === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}"${field}":${encoded}`;
  }
  return `${text}}`;
}
