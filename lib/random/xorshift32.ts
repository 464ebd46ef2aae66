/**
 * xorshift32: a seeded source of whole numbers below a limit, exact in 32-bit integer arithmetic
 * and the same on every machine. Generated benchmark organisations and test inputs use it; never
 * for anything secret. A seed of 0 would give only zeros: it starts from 1 instead.
 */
export function xorshift32(seed: number): (limit: number) => number {
  let state = seed || 1;
  return (limit) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % limit;
  };
}
