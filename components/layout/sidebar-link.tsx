'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import clsx from 'clsx';

export function SidebarLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const isActive = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isActive ? 'page' : undefined}
      className={clsx('block rounded-md px-3 py-2 text-sm font-medium', isActive ? 'bg-brand-50 text-brand-900' : 'text-slate-700 hover:bg-slate-100')}
    >
      {label}
    </Link>
  );
}
