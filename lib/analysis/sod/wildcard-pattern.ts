/**
 * IAM-style wildcard matching (`*` any run of characters, `?` one character), case-insensitive.
 *
 * Kept local on purpose: lib/analysis/catalogue/wildcard.ts is written in parallel and these
 * modules must not depend on it yet. When it lands, this file can delegate to it.
 */

const compiled = new Map<string, RegExp>();

function compile(pattern: string, isCaseInsensitive: boolean): RegExp {
  const cacheKey = `${isCaseInsensitive ? 'i' : 's'}:${pattern}`;
  const cached = compiled.get(cacheKey);
  if (cached) return cached;
  let source = '';
  for (const character of pattern) {
    if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // `s`: a resource id may contain anything, including characters `.` would not match.
  const regex = new RegExp(`^${source}$`, isCaseInsensitive ? 'is' : 's');
  // The cache is bounded so that scanning many distinct resource patterns cannot grow it without limit.
  if (compiled.size > 5_000) compiled.clear();
  compiled.set(cacheKey, regex);
  return regex;
}

/** True when `value` matches the IAM wildcard `pattern`, ignoring case (as IAM does for actions). */
export function matchesWildcard(pattern: string, value: string): boolean {
  return compile(pattern, true).test(value);
}

/** True when `value` matches `pattern` case-sensitively (as IAM does for resource ARNs). */
export function matchesWildcardCaseSensitive(pattern: string, value: string): boolean {
  return compile(pattern, false).test(value);
}

/** True when the pattern contains a wildcard character. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}
