import { CloudTrailClient, LookupEventsCommand, type LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailRecord } from '../../../lib/usage/cloudtrail-record';
import { sleep } from '../../live/sleep';

/** LookupEvents allows 2 requests per second per account and region: stay under it. */
export const LOOKUP_EVENTS_INTERVAL_MS = 550;

/**
 * The pacing to use: none against a loopback endpoint (the local AWS endpoint has no rate limit,
 * and tests and the demo's live scan page through thousands of events), AWS's limit otherwise.
 */
export function defaultLookupInterval(endpoint = process.env.AWS_ENDPOINT_URL_CLOUDTRAIL ?? process.env.AWS_ENDPOINT_URL): number {
  if (endpoint === undefined) return LOOKUP_EVENTS_INTERVAL_MS;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]' ? 0 : LOOKUP_EVENTS_INTERVAL_MS;
  } catch {
    return LOOKUP_EVENTS_INTERVAL_MS;
  }
}

/**
 * Every event matching one lookup attribute in [start, end), oldest pages last as CloudTrail
 * returns them, each yielded as its parsed `CloudTrailEvent`. Requests are paced to
 * `intervalMs`; throttling and 5xx are retried by the client's retry strategy (full jitter).
 */
export async function* lookupEvents(client: CloudTrailClient, attribute: { key: LookupAttributeKey; value: string }, start: Date, end: Date, options: { intervalMs?: number; signal?: AbortSignal } = {}): AsyncGenerator<CloudTrailRecord> {
  const interval = options.intervalMs ?? defaultLookupInterval();
  let token: string | undefined;
  let lastCall = 0;
  do {
    const wait = lastCall + interval - Date.now();
    if (wait > 0) await sleep(wait, options.signal);
    lastCall = Date.now();
    const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: attribute.key, AttributeValue: attribute.value }], StartTime: start, EndTime: end, MaxResults: 50, NextToken: token }), { abortSignal: options.signal });
    for (const event of page.Events ?? []) {
      if (typeof event.CloudTrailEvent !== 'string') continue;
      const record = JSON.parse(event.CloudTrailEvent) as CloudTrailRecord;
      const time = record.eventTime === undefined ? Number.NaN : Date.parse(record.eventTime);
      // LookupEvents' range is inclusive at both ends; windows are [start, end) so none overlaps the next.
      if (time >= start.getTime() && time < end.getTime()) yield record;
    }
    token = page.NextToken;
  } while (token !== undefined && !options.signal?.aborted);
}
