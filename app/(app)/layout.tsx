import Link from 'next/link';
import type { ReactNode } from 'react';
import { navigationFor } from '@/components/layout/navigation';
import { MobileNavigation } from '@/components/layout/mobile-navigation';
import { SidebarLink } from '@/components/layout/sidebar-link';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { requirePageUser } from '@/server/auth/session';

export const dynamic = 'force-dynamic';

const ROLE_LABEL = { admin: 'Admin', auditor: 'Auditor (read-only)', owner: 'Owner' } as const;

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const items = navigationFor(user.role);
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-brand-900 shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4">
        Skip to main content
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="px-5 py-5">
          <Link href="/" className="text-lg font-bold text-brand-900">
            Bedrock Access Review
          </Link>
        </div>
        <nav aria-label="Main" className="space-y-1 px-3">
          {items.map((item) => (
            <SidebarLink key={item.href} href={item.href} label={item.label} />
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
          <MobileNavigation items={items} />
          <span className="min-w-0 flex-1 truncate text-right text-sm text-slate-700 md:flex-none">
            <span className="font-medium">{user.name}</span> · {user.email} ·{' '}
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-700">{ROLE_LABEL[user.role]}</span>
          </span>
          <SignOutButton />
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-6">{children}</main>
      </div>
    </div>
  );
}
