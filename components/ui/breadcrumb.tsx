import type { ReactNode } from 'react';
import Link from 'next/link';

/** "List / this page" above a detail page: the way back to the list it was opened from. */
export function Breadcrumb({ parent, current, currentClassName }: { parent: { href: string; label: string }; current: ReactNode; currentClassName?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={parent.href} className="text-brand-700 underline underline-offset-2">
        {parent.label}
      </Link>{' '}
      / <span aria-current="page" className={currentClassName}>{current}</span>
    </nav>
  );
}
