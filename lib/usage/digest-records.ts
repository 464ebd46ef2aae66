import { attributeEvent } from './attribute-event';
import { isBedrockRecord, isSessionRecord, type CloudTrailRecord } from './cloudtrail-record';
import { UsageAccumulator, type StandingSource, type UsageBucket } from './accumulate-usage';
import type { RecordCounts } from './accumulate-records';
import type { SessionOriginIndex } from './session-origins';

/**
 * What one log file contributes, split so the expensive part can run anywhere (a worker thread)
 * and only the order-dependent part runs in file order:
 * - `buckets` / `standingSources`: the calls whose attribution did not need any session origin
 *   (SSO people, source identities, IAM users, OIDC federation...), already aggregated;
 * - `sessionRecords`: the file's AssumeRole* events, by time, to be observed in file order;
 * - `deferred`: the calls whose attribution asked for a session origin (role chains), to be
 *   attributed once the origins of every earlier file and of this one are known.
 * Plain data only, so it crosses `postMessage` as it is.
 */
export interface RecordDigest {
  counts: RecordCounts;
  buckets: UsageBucket[];
  standingSources: StandingSource[];
  highWaterMark: string | null;
  sessionRecords: CloudTrailRecord[];
  deferred: CloudTrailRecord[];
}

function byEventTime(a: CloudTrailRecord, b: CloudTrailRecord): number {
  const left = a.eventTime ?? '';
  const right = b.eventTime ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
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
  const deferred: CloudTrailRecord[] = [];
  let askedForOrigin = false;
  const probe = (): undefined => {
    askedForOrigin = true;
    return undefined;
  };
  for (const record of records) {
    if (isSessionRecord(record)) {
      sessionRecords.push(record);
      continue;
    }
    if (!isBedrockRecord(record)) continue;
    askedForOrigin = false;
    const result = attributeEvent(record, probe);
    if (askedForOrigin) deferred.push(record);
    else if (result.ok) {
      accumulator.add(result.call);
      counts.bedrockEvents += 1;
    } else counts.skipped += 1;
  }
  sessionRecords.sort(byEventTime);
  return { counts, buckets: [...accumulator.buckets.values()], standingSources: [...accumulator.standingSources.values()], highWaterMark: accumulator.highWaterMark, sessionRecords, deferred };
}

/**
 * The order-dependent rest: observes the file's session events (by time, as `accumulateRecords`
 * does), attributes the deferred calls with every origin known so far, and folds the whole file
 * into `accumulator`. Called in file order, it gives exactly what `accumulateRecords` gives.
 */
export function completeDigest(digest: RecordDigest, sessions: SessionOriginIndex, accumulator: UsageAccumulator): { counts: RecordCounts; highWaterMark: string | null } {
  const counts = { ...digest.counts };
  let { highWaterMark } = digest;
  for (const record of digest.sessionRecords) if (sessions.observe(record)) counts.sessions += 1;
  accumulator.mergeBuckets(digest.buckets, digest.standingSources, digest.counts.bedrockEvents, digest.highWaterMark);
  for (const record of digest.deferred) {
    const result = attributeEvent(record, sessions.lookup);
    if (result.ok) {
      accumulator.add(result.call);
      counts.bedrockEvents += 1;
      if (highWaterMark === null || result.call.eventTime > highWaterMark) highWaterMark = result.call.eventTime;
    } else counts.skipped += 1;
  }
  return { counts, highWaterMark };
}
