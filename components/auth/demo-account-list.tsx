'use client';

import type { UserRole } from '@/db/schema/users';

/**
 * The demo accounts as buttons: a click fills the sign-in form's email and password (every demo
 * account uses `demo`) and moves focus to "Sign in", so one more Enter signs in.
 */
export function DemoAccountList({ users }: { users: ReadonlyArray<{ email: string; role: UserRole; persona: string }> }) {
  function fill(email: string) {
    const emailInput = document.getElementById('email') as HTMLInputElement | null;
    const passwordInput = document.getElementById('password') as HTMLInputElement | null;
    if (!emailInput || !passwordInput) return;
    emailInput.value = email;
    passwordInput.value = 'demo';
    emailInput.form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }
  return (
    <ul className="mt-4 space-y-1 text-sm">
      {users.map((user) => (
        <li key={user.email}>
          <button type="button" onClick={() => fill(user.email)} className="flex w-full flex-col rounded-md px-2 py-1.5 text-left hover:bg-amber-100" aria-label={`Fill the form with ${user.email} (${user.role})`}>
            <span className="font-mono text-slate-900">{user.email}</span>
            <span className="text-amber-900">
              {user.role} · {user.persona}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
