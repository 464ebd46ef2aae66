/**
 * mulberry32: a small seeded pseudo-random generator, the same on every machine. Generated demo
 * data and test inputs use it so the same seed gives the same output; never for anything secret.
 * Returns a function giving the next float in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
