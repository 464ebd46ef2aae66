import { gunzipSync } from 'node:zlib';
import type { CloudTrailRecord } from '../../lib/usage/cloudtrail-record';
import { UsageFileError } from './errors';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Gzip by its magic bytes, whatever the file is called (S3 downloads sometimes lose the `.gz`). */
export function decompressTrailBytes(file: string, bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (cause) {
      throw new UsageFileError(file, 'bad-gzip', `damaged gzip data (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    }
  }
  return bytes.toString('utf8');
}

/**
 * The records of one CloudTrail file: a trail file `{"Records": [...]}` or the output of
 * `aws cloudtrail lookup-events` `{"Events": [{"CloudTrailEvent": "<json>"}]}`. The whole file is
 * checked before anything is returned, so a damaged file yields an error and no records.
 */
export function parseTrailText(file: string, text: string): CloudTrailRecord[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new UsageFileError(file, 'malformed-json', `not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  if (isObject(document) && Array.isArray(document.Records)) {
    const records = document.Records as unknown[];
    for (let index = 0; index < records.length; index += 1) {
      if (!isObject(records[index])) throw new UsageFileError(file, 'invalid-record', `Records[${index}] is not an object`);
    }
    return records as CloudTrailRecord[];
  }
  if (isObject(document) && Array.isArray(document.Events)) {
    const events = document.Events as unknown[];
    return events.map((event, index) => {
      if (!isObject(event) || typeof event.CloudTrailEvent !== 'string') throw new UsageFileError(file, 'invalid-record', `Events[${index}] has no CloudTrailEvent string`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.CloudTrailEvent);
      } catch (cause) {
        throw new UsageFileError(file, 'invalid-record', `Events[${index}].CloudTrailEvent is not valid JSON`, { cause });
      }
      if (!isObject(parsed)) throw new UsageFileError(file, 'invalid-record', `Events[${index}].CloudTrailEvent is not an object`);
      return parsed as CloudTrailRecord;
    });
  }
  throw new UsageFileError(file, 'not-cloudtrail', 'neither a CloudTrail log file ({"Records": [...]}) nor lookup-events output ({"Events": [...]})');
}
