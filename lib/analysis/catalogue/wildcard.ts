/**
 * IAM glob matching: `*` matches any run of characters (including none and including `:` and
 * `/`), `?` exactly one character. Actions compare case-insensitively, ARNs case-sensitively,
 * as AWS does. Besides matching a concrete string, two questions about two *patterns* are
 * answered here, because policies are compared with ARN templates before any request exists:
 * can they match a common string (intersection) and does one match everything the other does
 * (coverage).
 */

const regexCache = new Map<string, RegExp>();
// Large enough for the distinct ARN patterns of thousands of accounts: clearing a cache that is
// too small makes every lookup a recompilation.
const REGEX_CACHE_LIMIT = 200_000;

function escapeLiteral(character: string): string {
  return character.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The regular-expression source of a glob that cannot backtrack catastrophically. A plain
 * translation (`*` -> `.*`) makes `bedrock:*?*?*?*?*?*?*?*?Z` take over a minute against one
 * action name (the engine tries every way to split the name between the stars), and a policy
 * document is attacker-influenced input. Here each run of wildcards becomes one quantifier
 * (`*?*?` -> at least two characters), and every literal segment between two star runs is
 * matched atomically at its leftmost position (`(?=(.*?SEG))\1`: a lookahead is never
 * re-entered). Leftmost is enough: what follows starts with a star, so it matches from any
 * earlier position too. Only the last segment, anchored at the end, backtracks, linearly.
 */
function globToRegExpSource(pattern: string): string {
  // Split into literal segments (`?` included, as `.`) and the star runs between them.
  const segments: string[] = [''];
  const runs: number[] = []; // minimum length of each star run (its `?` count)
  let pendingQuestionMarks = 0;
  let isInStarRun = false;
  for (const character of pattern) {
    if (character === '*' || character === '?') {
      if (character === '*') isInStarRun = true;
      pendingQuestionMarks += character === '?' ? 1 : 0;
      continue;
    }
    if (isInStarRun) {
      runs.push(pendingQuestionMarks);
      segments.push('');
    } else if (pendingQuestionMarks > 0) {
      segments[segments.length - 1] += '.'.repeat(pendingQuestionMarks);
    }
    pendingQuestionMarks = 0;
    isInStarRun = false;
    segments[segments.length - 1] += escapeLiteral(character);
  }
  if (isInStarRun) {
    runs.push(pendingQuestionMarks);
    segments.push('');
  } else if (pendingQuestionMarks > 0) {
    segments[segments.length - 1] += '.'.repeat(pendingQuestionMarks);
  }
  if (runs.length === 0) return `^${segments[0]}$`;
  const atLeast = (count: number) => (count === 0 ? '' : `.{${count}}`);
  let source = `^${segments[0]}`;
  for (let index = 0; index < runs.length - 1; index += 1) {
    source += `(?=(${atLeast(runs[index])}.*?${segments[index + 1]}))\\${index + 1}`;
  }
  return `${source}.{${runs[runs.length - 1]},}${segments[segments.length - 1]}$`;
}

/** Compiles an IAM glob into an anchored regular expression (cached), linear in the input. */
export function globToRegExp(pattern: string, isCaseInsensitive: boolean): RegExp {
  const cacheKey = `${isCaseInsensitive ? 'i' : 's'}${pattern}`;
  const cached = regexCache.get(cacheKey);
  if (cached) return cached;
  // `s`: `.` must also match newlines, which an ARN resource id may legally contain.
  const regex = new RegExp(globToRegExpSource(pattern), isCaseInsensitive ? 'is' : 's');
  // Bounded so that a snapshot with many distinct patterns cannot grow the cache without limit.
  if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
  regexCache.set(cacheKey, regex);
  return regex;
}

/** True when the action pattern (`bedrock:Invoke*`, `*`) matches the action name, ignoring case. */
export function matchesActionPattern(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  return globToRegExp(pattern, true).test(action);
}

/** True when the string contains a glob wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

function sameCharacter(left: string, right: string, isCaseInsensitive: boolean): boolean {
  return isCaseInsensitive ? left.toLowerCase() === right.toLowerCase() : left === right;
}

/**
 * Walks the product of two pattern automata from (0, 0): state (i, j) means both patterns have
 * consumed the same prefix up to i and j. `step` pushes the states one move away; true once both
 * patterns are consumed. Each state is visited once.
 */
function reachesBothEnds(leftLength: number, rightLength: number, step: (i: number, j: number, push: (i: number, j: number) => void) => void): boolean {
  const width = rightLength + 1;
  const seen = new Uint8Array((leftLength + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number): void => {
    const state = i * width + j;
    if (seen[state] === 0) {
      seen[state] = 1;
      stack.push(state);
    }
  };
  while (stack.length > 0) {
    const state = stack.pop() as number;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === leftLength && j === rightLength) return true;
    step(i, j, push);
  }
  return false;
}

/** True when some string matches both globs. */
export function canGlobsIntersect(left: string, right: string, isCaseInsensitive = false): boolean {
  if (left === '*' || right === '*') return true;
  return reachesBothEnds(left.length, right.length, (i, j, push) => {
    const leftToken = i < left.length ? left[i] : null;
    const rightToken = j < right.length ? right[j] : null;
    // A star may match nothing: skip it.
    if (leftToken === '*') push(i + 1, j);
    if (rightToken === '*') push(i, j + 1);
    if (leftToken === null || rightToken === null) return;
    // Both consume one character of the common string.
    if (leftToken === '*' && rightToken === '*') push(i, j + 1);
    else if (leftToken === '*') push(i, j + 1);
    else if (rightToken === '*') push(i + 1, j);
    else if (leftToken === '?' || rightToken === '?' || sameCharacter(leftToken, rightToken, isCaseInsensitive)) push(i + 1, j + 1);
  });
}

/**
 * True when every string matching `inner` also matches `outer`. Sound but not complete: `true`
 * is always right; a few exotic pairs that are covered may answer `false`. The walk lets an outer
 * star absorb any inner token, an outer `?` absorb one inner literal or `?`, and literals pair up.
 */
export function isGlobCoveredBy(inner: string, outer: string, isCaseInsensitive = false): boolean {
  if (outer === '*') return true;
  if (!hasWildcard(inner)) return globToRegExp(outer, isCaseInsensitive).test(inner);
  return reachesBothEnds(inner.length, outer.length, (i, j, push) => {
    const outerToken = j < outer.length ? outer[j] : null;
    const innerToken = i < inner.length ? inner[i] : null;
    if (outerToken === '*') {
      push(i, j + 1);
      if (innerToken !== null) push(i + 1, j);
      return;
    }
    if (outerToken === null || innerToken === null || innerToken === '*') return;
    if (outerToken === '?' || (innerToken !== '?' && sameCharacter(innerToken, outerToken, isCaseInsensitive))) push(i + 1, j + 1);
  });
}

/**
 * Turns a service-authorization ARN template into a glob: every `${Placeholder}` becomes `*`.
 * `arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}` ->
 * `arn:*:bedrock:*::foundation-model/*`.
 */
export function arnTemplateToGlob(template: string): string {
  return template.replace(/\$\{[^}]*\}/g, '*');
}

/** The minimal view of a catalogue that pattern expansion needs. */
export interface ExpandableCatalogue {
  readonly actions: ReadonlyArray<{ name: string }>;
}

/**
 * Indices of the catalogue actions an action pattern matches (`bedrock:*`, `bedrock:*Model*`,
 * `b?drock:InvokeModel`, `*`), case-insensitively. A pattern that names no catalogue action
 * returns an empty list: it may still be a real action outside the catalogue.
 */
export function expandActionPattern(pattern: string, catalogue: ExpandableCatalogue): number[] {
  const indices: number[] = [];
  if (pattern === '*') {
    for (let index = 0; index < catalogue.actions.length; index += 1) indices.push(index);
    return indices;
  }
  const regex = globToRegExp(pattern, true);
  catalogue.actions.forEach((action, index) => {
    if (regex.test(action.name)) indices.push(index);
  });
  return indices;
}

// ---------------------------------------------------------------------------
// ARN patterns: matched segment by segment
// ---------------------------------------------------------------------------

/**
 * An ARN split into partition, service, region, account (compared case-insensitively) and the
 * resource part (case-sensitive, may contain colons). A wildcard matches within its segment
 * only, as in AWS; a short pattern such as `arn:aws:bedrock:*` is padded with `*` segments.
 */
interface ArnParts {
  head: string[];
  resource: string;
}

function splitArn(value: string): ArnParts | null {
  if (!value.startsWith('arn:')) return null;
  const parts = value.split(':');
  while (parts.length < 6) parts.push('*');
  return { head: parts.slice(1, 5), resource: parts.slice(5).join(':') };
}

/**
 * Applies a relation between globs to two ARN patterns segment by segment (a wildcard stays in
 * its segment; the head compared case-insensitively, the resource part as written), or to the
 * whole strings when either is not an ARN.
 */
function isTrueForEverySegment(left: string, right: string, relation: (left: string, right: string, isCaseInsensitive?: boolean) => boolean): boolean {
  const leftParts = splitArn(left);
  const rightParts = splitArn(right);
  if (!leftParts || !rightParts) return relation(left, right);
  for (let segment = 0; segment < 4; segment += 1) {
    if (!relation(leftParts.head[segment], rightParts.head[segment], true)) return false;
  }
  return relation(leftParts.resource, rightParts.resource);
}

/**
 * Answers of a pure function of two strings, remembered by pair. The same policy patterns meet
 * the same resource-type globs and ARNs again and again across statements, principals and
 * accounts (a policy drawn per account still names `arn:aws:bedrock:*::foundation-model/*`), and
 * each answer is an automaton walk or a regex test. Bounded like the regex cache: cleared when full.
 */
const PAIR_MEMO_LIMIT = 200_000;
function pairMemo(compute: (left: string, right: string) => boolean): (left: string, right: string) => boolean {
  let byLeft = new Map<string, Map<string, boolean>>();
  let size = 0;
  return (left, right) => {
    let byRight = byLeft.get(left);
    if (byRight) {
      const known = byRight.get(right);
      if (known !== undefined) return known;
    } else {
      if (size >= PAIR_MEMO_LIMIT) {
        byLeft = new Map();
        size = 0;
      }
      byRight = new Map();
      byLeft.set(left, byRight);
    }
    const answer = compute(left, right);
    byRight.set(right, answer);
    size += 1;
    return answer;
  };
}

/** True when the resource pattern matches the ARN (`*` for wildcard-only actions). */
export function matchesResourcePattern(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  return matchesResourcePatternMemo(pattern, arn);
}

const matchesResourcePatternMemo = pairMemo((pattern, arn) => {
  const policy = splitArn(pattern);
  const request = splitArn(arn);
  // Not an ARN on one side (e.g. the literal `*` of a wildcard-only request): plain glob.
  if (!policy || !request || arn.split(':').length < 6) return globToRegExp(pattern, false).test(arn);
  for (let segment = 0; segment < 4; segment += 1) {
    if (!globToRegExp(policy.head[segment], true).test(request.head[segment])) return false;
  }
  return globToRegExp(policy.resource, false).test(request.resource);
});

/** True when some ARN matches both patterns (e.g. a policy Resource and a resource-type template glob). */
export function canResourcePatternsIntersect(left: string, right: string): boolean {
  if (left === '*' || right === '*') return true;
  return canResourcePatternsIntersectMemo(left, right);
}

const canResourcePatternsIntersectMemo = pairMemo((left, right) => isTrueForEverySegment(left, right, canGlobsIntersect));

/** True when every ARN matching `inner` matches `outer` (sound, see isGlobCoveredBy). */
export function isResourcePatternCoveredBy(inner: string, outer: string): boolean {
  if (outer === '*') return true;
  if (inner === '*') return false;
  return isResourcePatternCoveredByMemo(inner, outer);
}

const isResourcePatternCoveredByMemo = pairMemo((inner, outer) => isTrueForEverySegment(inner, outer, isGlobCoveredBy));
