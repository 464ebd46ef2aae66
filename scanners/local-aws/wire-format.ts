import type { XmlValue } from './xml';

// Keys whose value is an IAM policy document: the IAM API sends these URL-encoded.
const DOCUMENT_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);
const DATE_KEYS = new Set(['CreateDate', 'UpdateDate', 'LastUsedDate', 'PasswordLastUsed', 'ExpirationDate', 'Expiration', 'GeneratedTime']);

/**
 * Encodes a policy document as the IAM API does: `encodeURIComponent` of the JSON text. A document
 * that is already a string (a file that kept the API's encoding) is sent unchanged.
 */
export function encodePolicyDocument(document: unknown): string {
  return typeof document === 'string' ? document : encodeURIComponent(JSON.stringify(document));
}

/** ISO 8601 at second precision in UTC, the form IAM writes (`2015-02-06T18:39:46Z`). */
export function formatWireDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Deep-copies a stored IAM entity into what goes on the wire: documents URL-encoded, dates in
 * UTC. The stored entity (documents as JSON objects, as the CLI prints them) is not touched.
 */
export function toWire(value: unknown, key = ''): XmlValue {
  if (DOCUMENT_KEYS.has(key) && value !== null && value !== undefined) return encodePolicyDocument(value);
  if (DATE_KEYS.has(key) && typeof value === 'string') return formatWireDate(value);
  if (Array.isArray(value)) return value.map((item) => toWire(item));
  if (value !== null && typeof value === 'object') {
    const result: { [key: string]: XmlValue } = {};
    for (const [childKey, child] of Object.entries(value)) result[childKey] = toWire(child, childKey);
    return result;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

/** `toWire` for an object, typed as the element map the XML writer takes. */
export function toWireObject(value: object): { [key: string]: XmlValue } {
  const wire = toWire(value);
  return wire !== null && typeof wire === 'object' && !Array.isArray(wire) ? wire : {};
}
