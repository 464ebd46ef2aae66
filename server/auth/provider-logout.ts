import { buildEndSessionUrl, getDiscovery } from '../../lib/auth/oidc-discovery';
import { logSignIn } from './auth-options';

/** Where the provider signs the person out and sends them back to our sign-in page; null without SSO. */
export async function endSessionUrlFor(idToken: string | null): Promise<string | null> {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const appUrl = process.env.NEXTAUTH_URL;
  if (!issuer || !clientId || !appUrl || !idToken) return null;
  try {
    const document = await getDiscovery(issuer);
    return buildEndSessionUrl(document, { idToken, clientId, postLogoutRedirectUri: `${appUrl.replace(/\/$/, '')}/signin` });
  } catch (error) {
    // The app session still ends; only the provider's session stays.
    logSignIn(`sign-out at the provider skipped: ${(error as Error).message}`);
    return null;
  }
}
