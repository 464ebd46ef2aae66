import { UnexpectedResponseError } from './errors';

/**
 * Follows a pagination token until the API says there is no more. A token seen twice means the
 * server is looping; failing is better than scanning forever.
 */
export async function collectPages<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[]; nextToken: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...page.items);
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token)) throw new UnexpectedResponseError(`the pagination token ${token.slice(0, 16)}... was returned twice`);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
