import { attributeEvent } from './attribute-event';
import { isBedrockRecord, isSessionRecord, type CloudTrailRecord } from './cloudtrail-record';
import type { UsageAccumulator } from './accumulate-usage';
import type { SessionOriginIndex } from './session-origins';

export interface RecordCounts {
  records: number;
  bedrockEvents: number;
  sessions: number;
  /** Bedrock records that could not be used (no time): counted, never silently lost. */
  skipped: number;
}

/**
 * Folds the records of one log file into `accumulator`: session-starting STS events first (so a
 * call and the AssumeRole that made its session can share a file in any order), then the Bedrock
 * calls. Every other record is ignored.
 */
export function accumulateRecords(records: readonly CloudTrailRecord[], sessions: SessionOriginIndex, accumulator: UsageAccumulator): RecordCounts {
  const counts: RecordCounts = { records: records.length, bedrockEvents: 0, sessions: 0, skipped: 0 };
  // A chain's AssumeRole events happen in order: observe them by time, whatever the file order.
  const sessionRecords = records.filter(isSessionRecord).sort((a, b) => ((a.eventTime ?? '') < (b.eventTime ?? '') ? -1 : (a.eventTime ?? '') > (b.eventTime ?? '') ? 1 : 0));
  for (const record of sessionRecords) if (sessions.observe(record)) counts.sessions += 1;
  for (const record of records) {
    if (!isBedrockRecord(record)) continue;
    const result = attributeEvent(record, sessions.lookup);
    if (result.ok) {
      accumulator.add(result.call);
      counts.bedrockEvents += 1;
    } else counts.skipped += 1;
  }
  return counts;
}
