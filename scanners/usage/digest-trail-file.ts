import { readFile, stat } from 'node:fs/promises';
import { digestRecords, type RecordDigest } from '../../lib/usage/digest-records';
import { UsageFileError } from './errors';
import { decompressTrailBytes, parseTrailText } from './parse-trail-file';

/** 512 MB: far above a real trail file (CloudTrail delivers every ~5 minutes), below trouble. */
export const MAX_TRAIL_FILE_BYTES = 512 * 1024 * 1024;

/** One trail file to read: from disk (`file`) or already fetched (`bytes`, an S3 object). */
export interface TrailFileTask {
  key: string;
  file?: string;
  bytes?: Uint8Array;
}

export type TrailFileResult = { ok: true; key: string; sizeBytes: number; digest: RecordDigest } | { ok: false; key: string; code: UsageFileError['code']; detail: string };

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Decompresses, parses and digests the bytes of one trail file; throws `UsageFileError`. */
export function digestTrailBytes(key: string, bytes: Buffer): RecordDigest {
  if (bytes.length > MAX_TRAIL_FILE_BYTES) throw new UsageFileError(key, 'too-large', `${bytes.length} bytes is over the limit of ${MAX_TRAIL_FILE_BYTES} bytes`);
  return digestRecords(parseTrailText(key, decompressTrailBytes(key, bytes)));
}

/**
 * Reads one trail file into its digest, or says why it cannot be used: never throws, so a
 * worker thread can answer every task. The file is checked whole before anything is returned.
 */
export async function digestTrailFile(task: TrailFileTask): Promise<TrailFileResult> {
  const { key } = task;
  try {
    let bytes: Buffer;
    if (task.bytes !== undefined) bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    else {
      const file = task.file ?? key;
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (cause) {
        throw new UsageFileError(key, 'unreadable', `cannot read (${describe(cause)})`, { cause });
      }
      if (size > MAX_TRAIL_FILE_BYTES) throw new UsageFileError(key, 'too-large', `${size} bytes is over the limit of ${MAX_TRAIL_FILE_BYTES} bytes`);
      try {
        bytes = await readFile(file);
      } catch (cause) {
        throw new UsageFileError(key, 'unreadable', `cannot read (${describe(cause)})`, { cause });
      }
    }
    return { ok: true, key, sizeBytes: bytes.length, digest: digestTrailBytes(key, bytes) };
  } catch (error) {
    const failure = error instanceof UsageFileError ? error : new UsageFileError(key, 'unreadable', describe(error));
    return { ok: false, key, code: failure.code, detail: failure.detail };
  }
}
