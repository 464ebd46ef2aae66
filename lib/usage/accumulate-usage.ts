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
    const principalArn = call.principalArn ?? '';
    const modelId = call.modelId ?? '';
    const { caller } = call;
    const bucketKey = [call.accountId, principalArn, call.action, modelId, call.region, call.day, caller.kind, caller.name, caller.identityCenterUserId ?? '', caller.basis, caller.reason ?? '', call.credential, call.isStandingCredential ? '1' : '0'].join(SEPARATOR);
    let bucket = this.buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = {
        bucketKey,
        accountId: call.accountId,
        principalArn,
        action: call.action,
        modelId,
        region: call.region,
        day: call.day,
        callerKind: caller.kind,
        callerName: caller.name,
        callerUserId: caller.identityCenterUserId ?? '',
        callerBasis: caller.basis,
        unattributedReason: caller.reason ?? '',
        credential: call.credential,
        isStandingCredential: call.isStandingCredential,
        calls: 0,
        deniedCalls: 0,
        lastCallAt: null,
        lastDeniedAt: null,
      };
      this.buckets.set(bucketKey, bucket);
    }
    if (call.isDenied) {
      bucket.deniedCalls += 1;
      bucket.lastDeniedAt = maxTime(bucket.lastDeniedAt, call.eventTime);
    } else {
      bucket.calls += 1;
      bucket.lastCallAt = maxTime(bucket.lastCallAt, call.eventTime);
    }
    if (call.isStandingCredential && !call.isDenied && principalArn !== '' && call.sourceIpAddress !== null) {
      const key = principalArn + SEPARATOR + call.sourceIpAddress;
      const source = this.standingSources.get(key);
      if (source === undefined) this.standingSources.set(key, { principalArn, sourceAddress: call.sourceIpAddress, calls: 1, lastCallAt: call.eventTime });
      else {
        source.calls += 1;
        if (call.eventTime > source.lastCallAt) source.lastCallAt = call.eventTime;
      }
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
    for (const source of standingSources) {
      const key = source.principalArn + SEPARATOR + source.sourceAddress;
      const mine = this.standingSources.get(key);
      if (mine === undefined) this.standingSources.set(key, { ...source });
      else {
        mine.calls += source.calls;
        if (source.lastCallAt > mine.lastCallAt) mine.lastCallAt = source.lastCallAt;
      }
    }
  }

  clear(): void {
    this.buckets.clear();
    this.standingSources.clear();
    this.events = 0;
  }
}
