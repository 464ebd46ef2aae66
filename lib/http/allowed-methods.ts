/**
 * The HTTP methods the app answers. Anything else (TRACE, CONNECT, made-up verbs) is refused
 * with 405 by `proxy.ts` before it reaches a page: Next.js would otherwise render a page for
 * TRACE, or fail with a 500 in a route handler.
 */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method);
}
