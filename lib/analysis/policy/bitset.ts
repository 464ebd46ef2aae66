/**
 * Fixed-size bitsets over catalogue action indices. A policy statement's matched actions are one
 * bitset, computed once, so that evaluating a principal is a few word operations per statement.
 */
export type Bitset = Uint32Array;

/** A bitset able to hold `size` bits, all clear. */
export function createBitset(size: number): Bitset {
  return new Uint32Array(Math.ceil(size / 32));
}

export function setBit(bits: Bitset, index: number): void {
  bits[index >>> 5] |= 1 << (index & 31);
}

export function hasBit(bits: Bitset, index: number): boolean {
  return (bits[index >>> 5] & (1 << (index & 31))) !== 0;
}

/** Calls `visit` with every set bit, in increasing order. */
export function forEachBit(bits: Bitset, visit: (index: number) => void): void {
  for (let word = 0; word < bits.length; word += 1) {
    let value = bits[word];
    while (value !== 0) {
      const lowest = value & -value;
      visit(word * 32 + (31 - Math.clz32(lowest)));
      value ^= lowest;
    }
  }
}

/** Calls `visit` with every bit set in both `left` and `right`, in increasing order. */
export function forEachCommonBit(left: Bitset, right: Bitset, visit: (index: number) => void): void {
  const words = Math.min(left.length, right.length);
  for (let word = 0; word < words; word += 1) {
    let value = left[word] & right[word];
    while (value !== 0) {
      const lowest = value & -value;
      visit(word * 32 + (31 - Math.clz32(lowest)));
      value ^= lowest;
    }
  }
}

/** `target |= source`. */
export function orInto(target: Bitset, source: Bitset): void {
  for (let word = 0; word < target.length; word += 1) target[word] |= source[word];
}
