/**
 * Lists built from shared parts, shared in turn. Hundreds of thousands of grants carry a
 * condition or region list that is one of a few hundred: a statement's own conditions plus a
 * conditional Deny's plus the boundary's and SCPs'. Built once per pair of parts (by identity,
 * so equal parts must be the same arrays, as the caches that make them ensure), they cost one
 * array each instead of one per grant, and the collector has that much less to mark.
 * Never mutate a list these return.
 */
function memoizePair<Part extends object, Result>(combine: (left: Part, right: Part) => Result): (left: Part, right: Part) => Result {
  const byLeft = new WeakMap<Part, WeakMap<Part, { result: Result }>>();
  return (left, right) => {
    let byRight = byLeft.get(left);
    if (!byRight) {
      byRight = new WeakMap();
      byLeft.set(left, byRight);
    }
    let entry = byRight.get(right);
    if (!entry) {
      entry = { result: combine(left, right) };
      byRight.set(right, entry);
    }
    return entry.result;
  };
}

const concatenate = memoizePair((left: readonly unknown[], right: readonly unknown[]) => [...left, ...right]);

/** `[...left, ...right]`, the same array for the same two arrays (either one when the other is empty). */
export function concatShared<Item>(left: Item[], right: Item[]): Item[] {
  if (right.length === 0) return left;
  if (left.length === 0) return right;
  return concatenate(left, right) as Item[];
}

/** The same result of `combine` for the same two arrays; `null` parts are passed through to `combine` unmemoised. */
export function sharedCombination<Item>(combine: (left: Item[] | null, right: Item[] | null) => Item[] | null): (left: Item[] | null, right: Item[] | null) => Item[] | null {
  const memoized = memoizePair((left: Item[], right: Item[]) => combine(left, right));
  return (left, right) => (left === null || right === null ? combine(left, right) : memoized(left, right));
}
