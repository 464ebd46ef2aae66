import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { escapeXml } from './xml';

/**
 * S3 as an organisation trail's bucket (#18): `ListObjectsV2` and `GetObject` over the REST-XML
 * protocol, path-style (`/<bucket>?list-type=2`, `/<bucket>/<key>`), from a folder laid out as
 * the trail writes it (the demo's `cloudtrail/`: `AWSLogs/<org>/<account>/CloudTrail/...`).
 * Errors as S3 returns them: an `<Error>` document with `Code`, `Message`, `RequestId` and the
 * HTTP status (NoSuchBucket 404, NoSuchKey 404, AccessDenied 403).
 */
export interface LocalTrailBucket {
  /** The bucket name served; any other name is NoSuchBucket. */
  bucket: string;
  /** The folder whose files are the bucket's objects (keys relative to it, `/`-separated). */
  folder: string;
  /** Accounts whose credentials may read the bucket (the bucket policy of a trail bucket); others get AccessDenied. */
  readerAccountIds: ReadonlySet<string>;
}

interface StoredObject {
  key: string;
  file: string;
  size: number;
  lastModified: Date;
}

const MAX_KEYS = 1000;

const listings = new WeakMap<LocalTrailBucket, StoredObject[]>();

/** The bucket's objects, read once per bucket (the folder is the demo's, written before serving). */
function objectsOf(trail: LocalTrailBucket): StoredObject[] {
  let objects = listings.get(trail);
  if (objects === undefined) {
    objects = listObjects(trail.folder);
    listings.set(trail, objects);
  }
  return objects;
}

function listObjects(folder: string): StoredObject[] {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true }) as string[];
  } catch {
    return [];
  }
  const objects: StoredObject[] = [];
  for (const name of names) {
    if (path.basename(name).startsWith('.')) continue;
    const file = path.join(folder, name);
    const stats = statSync(file);
    if (!stats.isFile()) continue;
    objects.push({ key: name.split(path.sep).join('/'), file, size: stats.size, lastModified: stats.mtime });
  }
  // S3 lists keys in UTF-8 binary order.
  return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function etagOf(bytes: Buffer): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}

function sendXml(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(), 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function sendS3Error(response: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  const fields = Object.entries(extra)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  sendXml(response, status, `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${fields}<RequestId>${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}</RequestId><HostId>local</HostId></Error>`);
}

// The continuation token is opaque to clients; here a versioned, base64 form of the last key or
// common prefix returned. A token this endpoint did not issue is refused, as S3 refuses one.
const TOKEN_PREFIX = 'local-v1:';

function continuationTokenFor(resumeAfter: string): string {
  return Buffer.from(`${TOKEN_PREFIX}${resumeAfter}`, 'utf8').toString('base64');
}

function readContinuationToken(token: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return null;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  return decoded.startsWith(TOKEN_PREFIX) ? decoded.slice(TOKEN_PREFIX.length) : null;
}

function percentEncodeKey(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-_.~/]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** What S3 answers 400 InvalidArgument to in a ListObjectsV2 request, or null when it is well formed. */
export function listRefusal(parameters: URLSearchParams): { argument: string; message: string } | null {
  const maxKeys = parameters.get('max-keys');
  if (maxKeys !== null && !/^\d{1,10}$/.test(maxKeys)) return { argument: 'max-keys', message: 'Provided max-keys not an integer or within integer range' };
  if (maxKeys !== null && Number(maxKeys) > 2_147_483_647) return { argument: 'max-keys', message: 'Provided max-keys not an integer or within integer range' };
  const encoding = parameters.get('encoding-type');
  if (encoding !== null && encoding !== 'url') return { argument: 'encoding-type', message: 'Invalid Encoding Method specified in Request' };
  const token = parameters.get('continuation-token');
  if (token !== null && readContinuationToken(token) === null) return { argument: 'continuation-token', message: 'The continuation token provided is incorrect' };
  return null;
}

/** Answers one S3 request for `callerAccountId` from `trail`. */
export function handleS3Request(request: IncomingMessage, response: ServerResponse, trail: LocalTrailBucket, callerAccountId: string): void {
  const url = new URL(request.url ?? '/', 'http://local');
  const [bucket = '', ...rest] = url.pathname.replace(/^\//, '').split('/');
  const key = decodeURIComponent(rest.join('/'));
  if (bucket !== trail.bucket) {
    sendS3Error(response, 404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
    return;
  }
  if (!trail.readerAccountIds.has(callerAccountId)) {
    sendS3Error(response, 403, 'AccessDenied', 'Access Denied');
    return;
  }
  const method = request.method ?? 'GET';
  if (method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
    const refusal = listRefusal(url.searchParams);
    if (refusal !== null) {
      sendS3Error(response, 400, 'InvalidArgument', refusal.message, { ArgumentName: refusal.argument, ArgumentValue: url.searchParams.get(refusal.argument) ?? '' });
      return;
    }
    const prefix = url.searchParams.get('prefix') ?? '';
    const delimiter = url.searchParams.get('delimiter') ?? '';
    const startAfter = url.searchParams.get('start-after') ?? '';
    const token = url.searchParams.get('continuation-token');
    // Above 1000, S3 returns at most 1000 (not an error).
    const maxKeys = Math.min(MAX_KEYS, Number(url.searchParams.get('max-keys') ?? MAX_KEYS));
    const after = token === null ? startAfter : (readContinuationToken(token) ?? '');
    // encoding-type=url: names in the answer percent-encoded (all but unreserved characters and '/'), for keys XML 1.0 cannot carry.
    const isUrlEncoded = url.searchParams.get('encoding-type') === 'url';
    const name = (text: string) => escapeXml(isUrlEncoded ? percentEncodeKey(text) : text);
    // Keys after `after`, those with the delimiter past the prefix rolled up into common prefixes.
    const entries: Array<{ object: StoredObject } | { commonPrefix: string }> = [];
    for (const object of objectsOf(trail)) {
      if (!object.key.startsWith(prefix) || object.key <= after) continue;
      const cut = delimiter === '' ? -1 : object.key.indexOf(delimiter, prefix.length);
      if (cut < 0) entries.push({ object });
      else {
        const commonPrefix = object.key.slice(0, cut + delimiter.length);
        const last = entries[entries.length - 1];
        if (last === undefined || !('commonPrefix' in last) || last.commonPrefix !== commonPrefix) entries.push({ commonPrefix });
      }
    }
    const page = entries.slice(0, maxKeys);
    const isTruncated = entries.length > page.length;
    const body = page
      .map((entry) =>
        'commonPrefix' in entry
          ? `<CommonPrefixes><Prefix>${name(entry.commonPrefix)}</Prefix></CommonPrefixes>`
          : `<Contents><Key>${name(entry.object.key)}</Key><LastModified>${entry.object.lastModified.toISOString()}</LastModified><ETag>${escapeXml(etagOf(readFileSync(entry.object.file)))}</ETag><Size>${entry.object.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      )
      .join('');
    const lastEntry = page[page.length - 1];
    // After a common prefix, the next page starts past every key under it.
    const resumeAfter = lastEntry === undefined ? '' : 'commonPrefix' in lastEntry ? `${lastEntry.commonPrefix}\uffff` : lastEntry.object.key;
    const next = isTruncated ? `<NextContinuationToken>${continuationTokenFor(resumeAfter)}</NextContinuationToken>` : '';
    sendXml(
      response,
      200,
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucket)}</Name><Prefix>${name(prefix)}</Prefix>${delimiter ? `<Delimiter>${name(delimiter)}</Delimiter>` : ''}${isUrlEncoded ? '<EncodingType>url</EncodingType>' : ''}${startAfter ? `<StartAfter>${name(startAfter)}</StartAfter>` : ''}${token === null ? '' : `<ContinuationToken>${escapeXml(token)}</ContinuationToken>`}<KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${isTruncated}</IsTruncated>${body}${next}</ListBucketResult>`,
    );
    return;
  }
  if (method === 'GET' && key === '') {
    // ListObjects (v1), ListObjectVersions and the bucket sub-resources are not served: the scanner lists with v2 only.
    sendS3Error(response, 501, 'NotImplemented', 'The local endpoint serves ListObjectsV2 (list-type=2) and GetObject only.');
    return;
  }
  if (method === 'GET' && key !== '') {
    const object = objectsOf(trail).find((candidate) => candidate.key === key);
    if (object === undefined) {
      sendS3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
      return;
    }
    const bytes = readFileSync(object.file);
    // CloudTrail stores its files gzipped with Content-Type application/json (no Content-Encoding): clients get the gzip bytes.
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length, etag: etagOf(bytes), 'last-modified': object.lastModified.toUTCString(), 'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase() });
    response.end(bytes);
    return;
  }
  sendS3Error(response, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}
