/**
 * Where to go after sign-in. Only a path of this site is accepted: `//host/x` and `/\host/x`
 * are protocol-relative URLs to another host for a browser (it reads `\` as `/`), and an absolute
 * URL is accepted only when its origin is the app's own. Anything else, malformed input included,
 * becomes `/`. Never throws: a hostile `callbackUrl` must not turn into a 500.
 */
export function safeCallbackPath(raw: unknown, appOrigin?: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return '/';
  // Control characters (tab, newline) are dropped by URL parsers and can hide a second slash.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  let candidate = raw;
  if (!raw.startsWith('/')) {
    if (!appOrigin) return '/';
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return '/';
    }
    if (parsed.origin !== originOf(appOrigin)) return '/';
    candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return '/';
  // Resolve against a placeholder origin: a path that escapes it (it cannot, after the checks
  // above, but the parser has the last word) is refused.
  const placeholder = 'http://callback.invalid';
  let resolved: URL;
  try {
    resolved = new URL(candidate, placeholder);
  } catch {
    return '/';
  }
  if (resolved.origin !== placeholder) return '/';
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The same rule as an absolute URL on `baseUrl`, for next-auth's `redirect` callback. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  return `${baseUrl.replace(/\/$/, '')}${safeCallbackPath(url, baseUrl)}`;
}
