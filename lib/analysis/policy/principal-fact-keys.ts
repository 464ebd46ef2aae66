/**
 * Condition keys whose values are facts of the calling principal: AWS fills them in from the
 * caller's identity, so the snapshot can decide them per principal (see
 * evaluation/principal-facts.ts). Names compare case-insensitively, as AWS compares them.
 */
export const SINGLE_VALUED_PRINCIPAL_KEYS = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principaltype',
  'aws:username',
  'aws:userid',
  'aws:principalisawsservice',
  'aws:principalservicename',
]);
export const PRINCIPAL_ORG_PATHS = 'aws:principalorgpaths';
export const PRINCIPAL_TAG_PREFIX = 'aws:principaltag/';

/** True for a key that names a fact of the calling principal (decidable or not for a given one). */
export function isPrincipalFactKey(key: string): boolean {
  const lower = key.toLowerCase();
  return SINGLE_VALUED_PRINCIPAL_KEYS.has(lower) || lower === PRINCIPAL_ORG_PATHS || lower.startsWith(PRINCIPAL_TAG_PREFIX);
}
