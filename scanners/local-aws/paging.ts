import { AwsApiError } from './errors';
import type { XmlValue } from './xml';

/**
 * Offset paging behind an opaque token, enough for IAM's Marker/MaxItems/IsTruncated and
 * Organizations' NextToken/MaxResults. The token is base64 so clients cannot mistake it for data.
 */
export function pageOf<T>(items: T[], token: string | undefined, requestedSize: number | undefined, defaultSize: number, invalidCode: string): { items: T[]; nextToken?: string } {
  let offset = 0;
  if (token) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded) throw new AwsApiError(invalidCode, 'The pagination token is invalid.', 400);
    offset = Number(decoded[1]);
  }
  const size = requestedSize && requestedSize > 0 ? requestedSize : defaultSize;
  const end = offset + size;
  return { items: items.slice(offset, end), nextToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64') : undefined };
}

/** Reads a required form parameter. */
export function requiredParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') throw new AwsApiError('ValidationError', `1 validation error detected: Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`, 400);
  return value;
}

/** Reads an optional integer form parameter. */
export function integerParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  return value === null ? undefined : Number.parseInt(value, 10);
}

/** Reads a Query list (`Name.member.1`, `Name.member.2`, ...). */
export function listParam(params: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (let index = 1; params.has(`${name}.member.${index}`); index += 1) values.push(params.get(`${name}.member.${index}`) ?? '');
  return values;
}

/** IAM's paged list answer: the items under `listKey`, `IsTruncated`, and `Marker` when truncated. */
export function iamPage<T>(params: URLSearchParams, items: T[], listKey: string, map: (item: T) => XmlValue): { [key: string]: XmlValue } {
  const page = pageOf(items, params.get('Marker') ?? undefined, integerParam(params, 'MaxItems'), 100, 'InvalidInput');
  return { [listKey]: page.items.map(map), IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}
