/**
 * IAM-style wildcard matching (`*` any run of characters, `?` one character) for the SoD rules
 * and model scopes: thin names over the catalogue's glob matcher, which caches compiled patterns.
 */
import { globToRegExp, hasWildcard as hasGlobWildcard } from '../catalogue/wildcard';

/** True when `value` matches the IAM wildcard `pattern`, ignoring case (as IAM does for actions). */
export function matchesWildcard(pattern: string, value: string): boolean {
  return globToRegExp(pattern, true).test(value);
}

/** True when `value` matches `pattern` case-sensitively (as IAM does for resource ARNs). */
export function matchesWildcardCaseSensitive(pattern: string, value: string): boolean {
  return globToRegExp(pattern, false).test(value);
}

/** True when the pattern contains a wildcard character. */
export const hasWildcard = hasGlobWildcard;
