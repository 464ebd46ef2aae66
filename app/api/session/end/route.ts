import { getToken } from 'next-auth/jwt';
import { resolveAuthSecret } from '@/lib/auth/auth-secret';
import { endSessionUrlFor } from '@/server/auth/provider-logout';
import { defineRoute } from '@/server/http/define-route';

/**
 * Step one of signing out (issue 21, item 6): the provider's end-session URL for this session
 * (RP-initiated logout with the ID token as hint), or null. The client then signs out of the app
 * (which ends every session of the user) and goes there, so the next sign-in asks for credentials.
 */
export const POST = defineRoute({ roles: [] }, async ({ request }) => {
  const token = await getToken({ req: request, secret: resolveAuthSecret() });
  return { providerLogoutUrl: await endSessionUrlFor(token?.idToken ?? null) };
});
