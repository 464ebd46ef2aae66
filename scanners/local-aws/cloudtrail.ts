import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CloudTrailRecord } from '../../lib/usage/cloudtrail-record';
import { decompressTrailBytes, parseTrailText } from '../usage/parse-trail-file';
import type { CallContext, JsonHandler } from './call-context';
import { AwsApiError } from './errors';

/** `CloudTrail_20131101.LookupEvents` (and the older fully qualified target). */
export function isCloudTrailTarget(target: string): boolean {
  return target.startsWith('CloudTrail_20131101.') || target.startsWith('com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.');
}

interface StoredEvent {
  record: CloudTrailRecord;
  text: string;
  time: number;
}

/**
 * The CloudTrail events the endpoint serves: every trail file under a folder (the demo's
 * `cloudtrail/`), read once on first use, indexed by recipient account, newest first as
 * LookupEvents returns them.
 */
export class LocalTrailEvents {
  private byAccount: Map<string, StoredEvent[]> | null = null;

  constructor(private readonly folder: string | null) {}

  events(accountId: string): StoredEvent[] {
    if (this.byAccount === null) this.byAccount = this.load();
    return this.byAccount.get(accountId) ?? [];
  }

  private load(): Map<string, StoredEvent[]> {
    const byAccount = new Map<string, StoredEvent[]>();
    if (this.folder === null) return byAccount;
    let names: string[];
    try {
      names = readdirSync(this.folder, { recursive: true }) as string[];
    } catch {
      return byAccount; // no trail data: LookupEvents answers with no events, like an idle account
    }
    for (const name of names.filter((candidate) => /\.json(\.gz)?$/.test(candidate)).sort()) {
      const file = path.join(this.folder, name);
      if (!statSync(file).isFile()) continue;
      for (const record of parseTrailText(name, decompressTrailBytes(name, readFileSync(file)))) {
        const accountId = record.recipientAccountId ?? record.userIdentity?.accountId;
        if (accountId === undefined || typeof record.eventTime !== 'string') continue;
        const list = byAccount.get(accountId) ?? [];
        list.push({ record, text: JSON.stringify(record), time: Date.parse(record.eventTime) });
        byAccount.set(accountId, list);
      }
    }
    for (const list of byAccount.values()) list.sort((a, b) => b.time - a.time);
    return byAccount;
  }
}

/** The value LookupEvents compares an attribute with, per `AttributeKey`. */
function attributeOf(record: CloudTrailRecord, key: string): string | undefined {
  switch (key) {
    case 'EventSource':
      return record.eventSource;
    case 'EventName':
      return record.eventName;
    case 'EventId':
      return record.eventID;
    case 'AccessKeyId':
      return record.userIdentity?.accessKeyId;
    case 'ReadOnly':
      return (record as { readOnly?: boolean }).readOnly === undefined ? undefined : String((record as { readOnly?: boolean }).readOnly);
    case 'Username':
      return usernameOf(record);
    default:
      throw new AwsApiError('InvalidLookupAttributesException', `Lookup attribute key ${key} is not supported here.`, 400);
  }
}

function usernameOf(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  if (identity?.type === 'AssumedRole') return identity.arn?.split('/').slice(2).join('/');
  return identity?.userName;
}

function epochSeconds(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  throw new AwsApiError('InvalidTimeRangeException', `${name} is not a timestamp.`, 400);
}

/**
 * LookupEvents: the management events of the calling account in the signing region, newest
 * first, filtered by at most one lookup attribute and the time range, 50 per page at most.
 */
function lookupEvents(context: CallContext, input: Record<string, unknown>): Record<string, unknown> {
  const attributes = Array.isArray(input.LookupAttributes) ? (input.LookupAttributes as Array<{ AttributeKey?: string; AttributeValue?: string }>) : [];
  if (attributes.length > 1) throw new AwsApiError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.', 400);
  const start = epochSeconds(input.StartTime, 'StartTime') ?? 0;
  const end = epochSeconds(input.EndTime, 'EndTime') ?? Number.MAX_SAFE_INTEGER;
  if (start > end) throw new AwsApiError('InvalidTimeRangeException', 'StartTime is after EndTime.', 400);
  const maxResults = typeof input.MaxResults === 'number' ? input.MaxResults : 50;
  if (maxResults < 1 || maxResults > 50) throw new AwsApiError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.', 400);
  const region = context.region ?? 'us-east-1';
  const attribute = attributes[0];
  const matching = (context.trail?.events(context.accountId) ?? []).filter(
    (event) => event.time >= start && event.time <= end && event.record.awsRegion === region && (attribute === undefined || attributeOf(event.record, attribute.AttributeKey ?? '') === attribute.AttributeValue),
  );
  let offset = 0;
  if (typeof input.NextToken === 'string') {
    offset = Number.parseInt(Buffer.from(input.NextToken, 'base64').toString('utf8'), 10);
    if (!Number.isInteger(offset) || offset < 0 || offset > matching.length) throw new AwsApiError('InvalidNextTokenException', 'Invalid NextToken.', 400);
  }
  const page = matching.slice(offset, offset + maxResults);
  const next = offset + page.length;
  return {
    Events: page.map((event) => ({
      EventId: event.record.eventID,
      EventName: event.record.eventName,
      ReadOnly: String((event.record as { readOnly?: boolean }).readOnly ?? true),
      AccessKeyId: event.record.userIdentity?.accessKeyId,
      EventTime: event.time / 1000,
      EventSource: event.record.eventSource,
      Username: usernameOf(event.record),
      Resources: [],
      CloudTrailEvent: event.text,
    })),
    ...(next < matching.length ? { NextToken: Buffer.from(String(next)).toString('base64') } : {}),
  };
}

export const cloudTrailHandlers: Record<string, JsonHandler> = { LookupEvents: lookupEvents };
