import { randomUUID } from 'node:crypto';

/** A value the Query-protocol writer can serialise. Lists become `<member>` items, as AWS writes them. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** Escapes text for an XML element body. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function writeValue(value: XmlValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => `<member>${writeValue(item)}</member>`).join('');
  if (typeof value === 'object') return writeElements(value);
  return escapeXml(String(value));
}

/** Writes an object's keys as sibling elements in key order; undefined keys are left out. */
export function writeElements(fields: { [key: string]: XmlValue }): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `<${key}>${writeValue(value)}</${key}>`)
    .join('');
}

/** The AWS Query success envelope: `<XResponse><XResult>...</XResult><ResponseMetadata>`. */
export function writeQueryResponse(action: string, namespace: string, result: { [key: string]: XmlValue } | null): string {
  const body = result ? `<${action}Result>${writeElements(result)}</${action}Result>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${namespace}">${body}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
}

/** The AWS Query error envelope. */
export function writeQueryError(namespace: string, fault: 'Sender' | 'Receiver', code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${fault}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}
