import { createHash } from 'node:crypto';
import { mulberry32 } from '../../lib/random/mulberry32';

/**
 * A small seeded pseudo-random generator (mulberry32). The demo organisation must be
 * byte-for-byte reproducible, so nothing here reads Math.random or the clock.
 */
export class SeededRandom {
  private readonly nextFloat: () => number;

  constructor(seed: number | string) {
    this.nextFloat = mulberry32(typeof seed === 'number' ? seed : hashToUint32(seed));
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** An integer in [min, max], both inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** A new array with `count` distinct items in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(this.next() * (index + 1));
      [copy[index], copy[swap]] = [copy[swap], copy[index]];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}

function hashToUint32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Lower-case hex digest of `text`, cut to `length` characters: stable ids independent of generation order. */
export function hashHex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * An IAM unique id such as `AIDA...` (user), `AROA...` (role), `AGPA...` (group), `ANPA...`
 * (policy) or `AKIA...` (access key): the prefix plus base-32 characters derived from `seedText`.
 */
export function awsUniqueId(prefix: string, seedText: string, length = 21): string {
  const digest = createHash('sha256').update(seedText).digest();
  let suffix = '';
  for (let index = 0; suffix.length < length - prefix.length; index += 1) suffix += ID_ALPHABET[digest[index % digest.length] % 32];
  return prefix + suffix;
}
