/**
 * The provider's discovery document (`/.well-known/openid-configuration`), read once per process
 * and kept: the userinfo endpoint completes ID tokens without `email`, the end-session endpoint
 * signs the person out at the provider.
 */
export interface DiscoveryDocument {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  end_session_endpoint?: string;
}

export class DiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryError';
  }
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/** Fetches and checks one discovery document: it must name the configured issuer exactly. */
export async function fetchDiscovery(issuer: string, fetchImpl: typeof fetch = fetch, timeoutMs = 5000): Promise<DiscoveryDocument> {
  const url = discoveryUrl(issuer);
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new DiscoveryError(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new DiscoveryError(`${url} answered HTTP ${response.status}`);
  let document: Partial<DiscoveryDocument>;
  try {
    document = (await response.json()) as Partial<DiscoveryDocument>;
  } catch {
    throw new DiscoveryError(`${url} is not JSON`);
  }
  for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof document[field] !== 'string') throw new DiscoveryError(`${url} has no ${field}`);
  }
  // OpenID Connect Discovery 4.3: the issuer in the document must equal the one configured.
  if (document.issuer !== issuer && document.issuer !== issuer.replace(/\/$/, '')) {
    throw new DiscoveryError(`${url} names issuer "${document.issuer}", not the configured OIDC_ISSUER "${issuer}"`);
  }
  return document as DiscoveryDocument;
}

const cache = new Map<string, DiscoveryDocument>();

/** The cached document, fetched on first use (a failed fetch is not cached). */
export async function getDiscovery(issuer: string): Promise<DiscoveryDocument> {
  const cached = cache.get(issuer);
  if (cached) return cached;
  const document = await fetchDiscovery(issuer);
  cache.set(issuer, document);
  return document;
}

/** The userinfo response for an access token; the caller checks `sub` against the ID token. */
export async function fetchUserinfo(issuer: string, accessToken: string): Promise<Record<string, unknown> | null> {
  const document = await getDiscovery(issuer);
  if (!document.userinfo_endpoint) return null;
  const response = await fetch(document.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new DiscoveryError(`userinfo answered HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the provider's end-session URL
 * with the ID token as hint and where to come back; null when the provider advertises none.
 */
export function buildEndSessionUrl(document: Pick<DiscoveryDocument, 'end_session_endpoint'>, input: { idToken: string | null; clientId: string; postLogoutRedirectUri: string }): string | null {
  if (!document.end_session_endpoint) return null;
  const url = new URL(document.end_session_endpoint);
  if (input.idToken) url.searchParams.set('id_token_hint', input.idToken);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('post_logout_redirect_uri', input.postLogoutRedirectUri);
  return url.toString();
}
