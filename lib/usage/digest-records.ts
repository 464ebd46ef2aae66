import { attributeEvent, throughSessionOrigin } from './attribute-event';
import { isBedrockRecord, isSessionRecord, type CloudTrailRecord } from './cloudtrail-record';
import { bucketKeyOf, standingSourceAddressOf, UsageAccumulator, type StandingSource, type UsageBucket } from './accumulate-usage';
import type { RecordCounts } from './accumulate-records';
import type { SessionOriginIndex } from './session-origins';
import type { AttributedCall, Caller, SessionOrigin } from './types';

/**
 * The calls of one file made with one temporary access key whose attribution asked for the
 * session's origin (the key may come from a role chain): attributed as if no origin were known,
 * already aggregated, with what the origin may change decided later (`completeDigest`).
 */
export interface SessionCalls {
  accessKeyId: string;
  /** The calls' buckets as attributed without an origin. */
  buckets: UsageBucket[];
  /**
   * The calls' source addresses, counted only where the origin makes the calls standing-credential
   * calls; split by whether the call's caller was unattributed without an origin, as an origin
   * that is unattributed itself marks only those (`throughSessionOrigin`).
   */
  sources: { ofUnattributed: StandingSource[]; ofAttributed: StandingSource[] };
  events: number;
  highWaterMark: string | null;
}

/**
 * What one log file contributes, split so the expensive part can run anywhere (a worker thread)
 * and only the order-dependent part runs in file order:
 * - `buckets` / `standingSources`: the calls whose attribution did not need any session origin
 *   (SSO people, source identities, IAM users...), already aggregated;
 * - `sessionRecords`: the file's AssumeRole* events, by time, to be observed in file order;
 * - `sessionCalls`: the calls whose attribution asked for a session origin (role sessions that
 *   may be chains), aggregated per access key as if no origin were known: an origin changes only
 *   the caller and the standing-credential mark (`throughSessionOrigin`), the same for every call
 *   of the key, so the aggregates are completed once the origins of every earlier file and of
 *   this one are known, without the records.
 * Plain data only, so it crosses `postMessage` as it is.
 */
export interface RecordDigest {
  counts: RecordCounts;
  buckets: UsageBucket[];
  standingSources: StandingSource[];
  highWaterMark: string | null;
  sessionRecords: CloudTrailRecord[];
  sessionCalls: SessionCalls[];
}

function byEventTime(a: CloudTrailRecord, b: CloudTrailRecord): number {
  const left = a.eventTime ?? '';
  const right = b.eventTime ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The calls of one access key, gathered while a file is digested. */
class SessionCallsOfKey {
  readonly calls = new UsageAccumulator();
  /** Source addresses as standing sources, whatever the calls' own mark: kept apart until the origin decides. */
  readonly ofUnattributed = new UsageAccumulator();
  readonly ofAttributed = new UsageAccumulator();

  add(call: AttributedCall): void {
    this.calls.add(call);
    const sourceAddress = standingSourceAddressOf(call);
    if (sourceAddress === null) return;
    const sources = call.caller.kind === 'unattributed' ? this.ofUnattributed : this.ofAttributed;
    sources.countSource(call.principalArn ?? '', sourceAddress, 1, call.eventTime);
  }

  toSessionCalls(accessKeyId: string): SessionCalls {
    return {
      accessKeyId,
      buckets: [...this.calls.buckets.values()],
      sources: { ofUnattributed: [...this.ofUnattributed.standingSources.values()], ofAttributed: [...this.ofAttributed.standingSources.values()] },
      events: this.calls.events,
      highWaterMark: this.calls.highWaterMark,
    };
  }
}

/**
 * The order-independent part of `accumulateRecords`. A call is attributed here only when
 * `attributeEvent` never asked for a session origin: such a result cannot depend on which
 * AssumeRole events have been seen, so it is the same wherever and whenever it is computed.
 */
export function digestRecords(records: readonly CloudTrailRecord[]): RecordDigest {
  const accumulator = new UsageAccumulator();
  const counts: RecordCounts = { records: records.length, bedrockEvents: 0, sessions: 0, skipped: 0 };
  const sessionRecords: CloudTrailRecord[] = [];
  const byKey = new Map<string, SessionCallsOfKey>();
  let askedFor: string | null = null;
  const probe = (accessKeyId: string): undefined => {
    askedFor = accessKeyId;
    return undefined;
  };
  for (const record of records) {
    if (isSessionRecord(record)) {
      sessionRecords.push(record);
      continue;
    }
    if (!isBedrockRecord(record)) continue;
    askedFor = null;
    const result = attributeEvent(record, probe);
    if (!result.ok) counts.skipped += 1;
    else if (askedFor === null) {
      accumulator.add(result.call);
      counts.bedrockEvents += 1;
    } else {
      let calls = byKey.get(askedFor);
      if (calls === undefined) byKey.set(askedFor, (calls = new SessionCallsOfKey()));
      calls.add(result.call);
    }
  }
  sessionRecords.sort(byEventTime);
  const sessionCalls = [...byKey].map(([accessKeyId, calls]) => calls.toSessionCalls(accessKeyId));
  return { counts, buckets: [...accumulator.buckets.values()], standingSources: [...accumulator.standingSources.values()], highWaterMark: accumulator.highWaterMark, sessionRecords, sessionCalls };
}

/** A bucket of calls attributed without an origin, as the origin makes it (`throughSessionOrigin`). */
function bucketThroughOrigin(bucket: UsageBucket, origin: SessionOrigin): UsageBucket {
  const unchained = {
    caller: { kind: bucket.callerKind, name: bucket.callerName, identityCenterUserId: bucket.callerUserId === '' ? null : bucket.callerUserId, basis: bucket.callerBasis as Caller['basis'], reason: bucket.unattributedReason === '' ? null : (bucket.unattributedReason as Caller['reason']) },
    isStandingCredential: bucket.isStandingCredential,
  };
  const { caller, isStandingCredential } = throughSessionOrigin(unchained, origin);
  if (caller === unchained.caller && isStandingCredential === bucket.isStandingCredential) return bucket;
  const { bucketKey: _unchainedKey, calls, deniedCalls, lastCallAt, lastDeniedAt, ...identity } = bucket;
  const chained = { ...identity, callerKind: caller.kind, callerName: caller.name, callerUserId: caller.identityCenterUserId ?? '', callerBasis: caller.basis, unattributedReason: caller.reason ?? '', isStandingCredential };
  return { bucketKey: bucketKeyOf(chained), ...chained, calls, deniedCalls, lastCallAt, lastDeniedAt };
}

/**
 * The order-dependent rest: observes the file's session events (by time, as `accumulateRecords`
 * does), completes the calls that waited for an origin with every origin known so far, and folds
 * the whole file into `accumulator`. Called in file order, it gives exactly what
 * `accumulateRecords` gives.
 */
export function completeDigest(digest: RecordDigest, sessions: SessionOriginIndex, accumulator: UsageAccumulator): { counts: RecordCounts; highWaterMark: string | null } {
  const counts = { ...digest.counts };
  let { highWaterMark } = digest;
  for (const record of digest.sessionRecords) if (sessions.observe(record)) counts.sessions += 1;
  accumulator.mergeBuckets(digest.buckets, digest.standingSources, digest.counts.bedrockEvents, digest.highWaterMark);
  for (const calls of digest.sessionCalls) {
    const origin = sessions.lookup(calls.accessKeyId);
    if (origin === undefined) {
      // Attributed without an origin, no call is a standing-credential call: no sources.
      accumulator.mergeBuckets(calls.buckets, [], calls.events, calls.highWaterMark);
    } else {
      // The sources of calls count where the origin made those calls standing-credential calls.
      let standingUnattributed = false;
      let standingAttributed = false;
      const buckets = calls.buckets.map((bucket) => {
        const chained = bucketThroughOrigin(bucket, origin);
        if (bucket.callerKind === 'unattributed') standingUnattributed ||= chained.isStandingCredential;
        else standingAttributed ||= chained.isStandingCredential;
        return chained;
      });
      const sources = [...(standingUnattributed ? calls.sources.ofUnattributed : []), ...(standingAttributed ? calls.sources.ofAttributed : [])];
      accumulator.mergeBuckets(buckets, sources, calls.events, calls.highWaterMark);
    }
    counts.bedrockEvents += calls.events;
    if (calls.highWaterMark !== null && (highWaterMark === null || calls.highWaterMark > highWaterMark)) highWaterMark = calls.highWaterMark;
  }
  return { counts, highWaterMark };
}
