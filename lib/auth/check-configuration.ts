import { fetchDiscovery } from './oidc-discovery';

/**
 * The start-up check of sign-in (issue 21): what `npm start` verifies before it serves, so a
 * missing secret or a wrong issuer stops start-up with a message instead of a 500 per page.
 */
export interface SignInCheckResult {
  problems: string[];
  notes: string[];
}

export const OIDC_PROVIDER_ID = 'oidc';

/** The redirect URI to register at the provider. */
export function redirectUriFor(nextAuthUrl: string): string {
  return `${nextAuthUrl.replace(/\/$/, '')}/api/auth/callback/${OIDC_PROVIDER_ID}`;
}

export async function checkSignInConfiguration(
  environment: Record<string, string | undefined>,
  options: { attempts?: number; delayMs?: number; fetchImpl?: typeof fetch; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInCheckResult> {
  const problems: string[] = [];
  const notes: string[] = [];
  const isDemo = environment.DEMO_MODE === 'true';
  const secret = environment.NEXTAUTH_SECRET;
  if (!secret && !isDemo) problems.push('NEXTAUTH_SECRET is not set: sessions cannot be signed. Set it to a random value of at least 32 characters (openssl rand -hex 32).');
  else if (secret && secret.length < 32) problems.push(`NEXTAUTH_SECRET is ${secret.length} characters long: use at least 32 (openssl rand -hex 32).`);

  const issuer = environment.OIDC_ISSUER;
  const oidcFields = { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: environment.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: environment.OIDC_CLIENT_SECRET };
  const setFields = Object.entries(oidcFields).filter(([, value]) => value);
  if (setFields.length === 0) {
    if (!isDemo) problems.push('No sign-in method: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (single sign-on), or DEMO_MODE=true for the demo.');
    return { problems, notes };
  }
  const missing = Object.entries(oidcFields).filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0) {
    problems.push(`Single sign-on is half configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.`);
    return { problems, notes };
  }
  const nextAuthUrl = environment.NEXTAUTH_URL;
  if (!nextAuthUrl) problems.push('NEXTAUTH_URL is not set: it is the public URL of the app (for example https://access-review.example.com), from which the redirect URI is built.');
  else notes.push(`Single sign-on: register this redirect URI at the provider: ${redirectUriFor(nextAuthUrl)}`);

  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const document = await fetchDiscovery(issuer as string, options.fetchImpl);
      notes.push(`Single sign-on: issuer ${document.issuer} answers (userinfo ${document.userinfo_endpoint ? 'yes' : 'no'}, sign-out at the provider ${document.end_session_endpoint ? 'yes' : 'no'}).`);
      return { problems, notes };
    } catch (error) {
      lastError = (error as Error).message;
      if (attempt < attempts) await sleep((options.delayMs ?? 2000) * attempt);
    }
  }
  problems.push(`OIDC_ISSUER ${issuer}: the discovery document could not be read after ${attempts} attempts (${lastError}). Check the issuer URL (it must match the provider's "issuer" exactly) and that the provider is reachable from this server.`);
  return { problems, notes };
}
