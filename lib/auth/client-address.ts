/**
 * The client address for per-address sign-in limits.
 *
 * Each proxy in front of the app appends the address it received the request from to
 * `X-Forwarded-For`; everything to the left of what our own proxies appended is whatever the
 * client chose to send. With `trustedProxyHops` proxies, the client is therefore the entry that
 * many places from the right end: never the first entry, which anyone can forge.
 *
 * With 0 hops (no proxy), Next.js fills the header with the socket address when the request has
 * none; a client that sends its own header keeps it (Next.js does not append), so a multi-entry
 * header there is forged by definition and goes to one shared bucket.
 */
export function clientAddressFrom(forwardedFor: unknown, trustedProxyHops: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  if (typeof header !== 'string' || header.trim() === '') return 'unknown';
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return 'unknown';
  if (trustedProxyHops <= 0) return entries.length === 1 ? entries[0] : 'forged-forwarded-for';
  // Fewer entries than trusted proxies: the request did not pass through all of them.
  if (entries.length < trustedProxyHops) return 'unknown';
  return entries[entries.length - trustedProxyHops];
}
