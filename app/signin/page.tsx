import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { DemoAccountList } from '@/components/auth/demo-account-list';
import { DemoSignInForm } from '@/components/auth/demo-sign-in-form';
import { SignInError } from '@/components/auth/sign-in-error';
import { SsoSignInButton } from '@/components/auth/sso-sign-in-button';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { DEMO_USERS, isDemoMode } from '@/lib/auth/demo-users';
import { getSessionUser } from '@/server/auth/session';
import { describeSignInError } from '@/lib/auth/sign-in-errors';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  // Same-origin paths only; anything else (another host, malformed) becomes `/` (issue 17, security 3).
  const callbackUrl = safeCallbackPath(query.callbackUrl, process.env.NEXTAUTH_URL);
  if (await getSessionUser()) redirect(callbackUrl);
  const error = describeSignInError(query.error);
  const isDemo = isDemoMode();
  const hasSso = Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID);
  return (
    <main className="mx-auto flex min-h-screen max-w-4xl flex-col justify-center gap-8 px-6 py-12 md:flex-row md:items-start">
      <section className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold text-slate-900">Bedrock Access Review</h1>
        <p className="mt-1 text-sm text-slate-600">Who can use Amazon Bedrock across your organisation, and should they?</p>
        <div className="mt-6 space-y-4">
          {error ? <SignInError {...error} /> : null}
          {hasSso ? <SsoSignInButton label={`Sign in with ${process.env.OIDC_DISPLAY_NAME ?? 'single sign-on'}`} callbackUrl={callbackUrl} /> : null}
          {isDemo ? (
            <Suspense>
              <DemoSignInForm />
            </Suspense>
          ) : null}
          {!isDemo && !hasSso ? (
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              No sign-in method is configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or start the demo with <code>npm run demo</code>.
            </p>
          ) : null}
        </div>
      </section>
      {isDemo ? (
        <section aria-labelledby="demo-accounts" className="w-full max-w-sm rounded-xl border border-amber-200 bg-amber-50 p-6">
          <h2 id="demo-accounts" className="font-semibold text-amber-950">
            Demo accounts
          </h2>
          <p className="mt-1 text-sm text-amber-900">
            Demo mode: every account uses the password <code className="rounded bg-white px-1">demo</code>. Click one to fill the form.
          </p>
          <DemoAccountList users={DEMO_USERS} />
        </section>
      ) : null}
    </main>
  );
}
