'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { safeCallbackPath } from '@/lib/auth/callback-url';

/** A required field of the form, labelled above it; its name doubles as its id and input type. */
function CredentialField({ name, label, autoComplete }: { name: 'email' | 'password'; label: string; autoComplete: 'username' | 'current-password' }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={name} name={name} type={name} autoComplete={autoComplete} required className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-600 focus:ring-brand-600" />
    </div>
  );
}

/**
 * The demo credentials form: Email, Password, Sign in. Errors of the page's `?error=` code are
 * shown by the page itself; this form shows only the errors of its own attempts.
 */
export function DemoSignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSubmitting(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('demo', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setIsSubmitting(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Sign-in failed. Check the email and password.');
      return;
    }
    // Only a path of this site: `//host/x` and `/\\host/x` leave it (issue 17, security 3).
    router.push(safeCallbackPath(searchParams.get('callbackUrl'), window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-4" aria-describedby={error ? 'sign-in-error' : undefined}>
      <CredentialField name="email" label="Email" autoComplete="username" />
      <CredentialField name="password" label="Password" autoComplete="current-password" />
      {error ? (
        <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={isSubmitting} className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
