'use client';

import { signIn } from 'next-auth/react';

/** Starts single sign-on; `callbackUrl` is already a same-origin path (lib/auth/callback-url.ts). */
export function SsoSignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button type="button" onClick={() => signIn('oidc', { callbackUrl })} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 shadow-sm hover:bg-slate-50">
      {label}
    </button>
  );
}
