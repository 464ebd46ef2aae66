'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { SidebarLink } from './sidebar-link';

/** Below the md breakpoint the sidebar is hidden: a Menu button opens the same links. */
export function MobileNavigation({ items }: { items: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
  // Open on the page where it was opened: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const setIsOpen = (open: boolean) => setOpenOn(open ? pathname : null);
  const panelId = useId();
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpenOn(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen]);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen(!isOpen)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50"
      >
        {isOpen ? 'Close menu' : 'Menu'}
      </button>
      {isOpen ? (
        <nav id={panelId} aria-label="Main" className="absolute inset-x-0 top-full z-40 space-y-1 border-b border-slate-200 bg-white px-3 py-3 shadow-lg">
          {items.map((item) => (
            <SidebarLink key={item.href} href={item.href} label={item.label} />
          ))}
        </nav>
      ) : null}
    </div>
  );
}
