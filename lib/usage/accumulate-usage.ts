import type { AttributedCall, CallerKind } from './types';

/** One aggregate bucket: principal x action x model x region x caller x day (plus credential). */
export interface UsageBucket {
  bucketKey: string;
  accountId: string;
  principalArn: string;
  action: string;
  modelId: string;
  region: string;
  day: string;
  callerKind: CallerKind;
  callerName: string;
  callerUserId: string;
  callerBasis: string;
  unattributedReason: string;
  credential: string;
  isStandingCredential: boolean;
  calls: number;
  deniedCalls: number;
  lastCallAt: string | null;
  lastDeniedAt: string | null;
}

/** Source addresses of standing-credential calls, per principal. */
export interface StandingSource {
  principalArn: string;
  sourceAddress: string;
  calls: number;
  lastCallAt: string;
}

function maxTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

const SEPARATOR = '\u001f';

/** What a bucket is keyed by: every field but the counts. */
export type BucketIdentity = Omit<UsageBucket, 'bucketKey' | 'calls' | 'deniedCalls' | 'lastCallAt' | 'lastDeniedAt'>;

function bucketIdentityOf(call: AttributedCall): BucketIdentity {
  const { caller } = call;
  return {
    accountId: call.accountId,
    principalArn: call.principalArn ?? '',
    action: call.action,
    modelId: call.modelId ?? '',
    region: call.region,
    day: call.day,
    callerKind: caller.kind,
    callerName: caller.name,
    callerUserId: caller.identityCenterUserId ?? '',
    callerBasis: caller.basis,
    unattributedReason: caller.reason ?? '',
    credential: call.credential,
    isStandingCredential: call.isStandingCredential,
  };
}

/** The key of a bucket: all its identity fields joined. */
export function bucketKeyOf(identity: BucketIdentity): string {
  const { accountId, principalArn, action, modelId, region, day, callerKind, callerName, callerUserId, callerBasis, unattributedReason, credential, isStandingCredential } = identity;
  return [accountId, principalArn, action, modelId, region, day, callerKind, callerName, callerUserId, callerBasis, unattributedReason, credential, isStandingCredential ? '1' : '0'].join(SEPARATOR);
}

/**
 * The address a call counts under as a standing-credential source, were it made with one: denied
 * calls, calls of no IAM principal and calls without an address count nowhere.
 */
export function standingSourceAddressOf(call: AttributedCall): string | null {
  return !call.isDenied && (call.principalArn ?? '') !== '' ? call.sourceIpAddress : null;
}

/**
 * Aggregates attributed calls as they stream by: memory grows with the number of distinct
 * buckets, never with the number of events. `merge` folds one file's accumulator into a batch
 * only once the whole file has been read, so a damaged file contributes nothing.
 */
export class UsageAccumulator {
  readonly buckets = new Map<string, UsageBucket>();
  readonly standingSources = new Map<string, StandingSource>();
  events = 0;
  highWaterMark: string | null = null;

  add(call: AttributedCall): void {
    this.events += 1;
    if (this.highWaterMark === null || call.eventTime > this.highWaterMark) this.highWaterMark = call.eventTime;
    const identity = bucketIdentityOf(call);
    const bucketKey = bucketKeyOf(identity);
    let bucket = this.buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = { bucketKey, ...identity, calls: 0, deniedCalls: 0, lastCallAt: null, lastDeniedAt: null };
      this.buckets.set(bucketKey, bucket);
    }
    if (call.isDenied) {
      bucket.deniedCalls += 1;
      bucket.lastDeniedAt = maxTime(bucket.lastDeniedAt, call.eventTime);
    } else {
      bucket.calls += 1;
      bucket.lastCallAt = maxTime(bucket.lastCallAt, call.eventTime);
    }
    const sourceAddress = call.isStandingCredential ? standingSourceAddressOf(call) : null;
    if (sourceAddress !== null) this.countSource(identity.principalArn, sourceAddress, 1, call.eventTime);
  }

  /** Counts calls from one source address of a standing credential. */
  countSource(principalArn: string, sourceAddress: string, calls: number, lastCallAt: string): void {
    const key = principalArn + SEPARATOR + sourceAddress;
    const source = this.standingSources.get(key);
    if (source === undefined) this.standingSources.set(key, { principalArn, sourceAddress, calls, lastCallAt });
    else {
      source.calls += calls;
      if (lastCallAt > source.lastCallAt) source.lastCallAt = lastCallAt;
    }
  }

  /** Adds everything of `other` into this accumulator. */
  merge(other: UsageAccumulator): void {
    this.mergeBuckets(other.buckets.values(), other.standingSources.values(), other.events, other.highWaterMark);
  }

  /** Adds buckets and sources aggregated elsewhere (another accumulator, a worker thread's digest). */
  mergeBuckets(buckets: Iterable<UsageBucket>, standingSources: Iterable<StandingSource>, events: number, highWaterMark: string | null): void {
    this.events += events;
    this.highWaterMark = maxTime(this.highWaterMark, highWaterMark);
    for (const bucket of buckets) {
      const key = bucket.bucketKey;
      const mine = this.buckets.get(key);
      if (mine === undefined) this.buckets.set(key, { ...bucket });
      else {
        mine.calls += bucket.calls;
        mine.deniedCalls += bucket.deniedCalls;
        mine.lastCallAt = maxTime(mine.lastCallAt, bucket.lastCallAt);
        mine.lastDeniedAt = maxTime(mine.lastDeniedAt, bucket.lastDeniedAt);
      }
    }
    for (const source of standingSources) this.countSource(source.principalArn, source.sourceAddress, source.calls, source.lastCallAt);
  }

  clear(): void {
    this.buckets.clear();
    this.standingSources.clear();
    this.events = 0;
  }
}
