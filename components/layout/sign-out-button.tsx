'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/**
 * Signs out of the app (every session of the user ends) and, with single sign-on, at the provider
 * too when it supports RP-initiated logout, so the next sign-in asks for credentials again.
 */
export function SignOutButton() {
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function handleClick() {
    setIsSigningOut(true);
    let providerLogoutUrl: string | null = null;
    try {
      const response = await fetch('/api/session/end', { method: 'POST', headers: { 'content-type': 'application/json' } });
      if (response.ok) providerLogoutUrl = ((await response.json()) as { providerLogoutUrl: string | null }).providerLogoutUrl;
    } catch {
      // The app session still ends below; only the provider's session stays.
    }
    await signOut({ redirect: false });
    window.location.assign(providerLogoutUrl ?? '/signin');
  }

  return (
    <button type="button" onClick={handleClick} disabled={isSigningOut} className="text-sm font-medium text-slate-700 underline-offset-2 hover:underline disabled:opacity-60">
      {isSigningOut ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
