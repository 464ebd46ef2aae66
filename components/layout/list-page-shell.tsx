import type { ReactNode } from 'react';
import { NoScanYet } from '@/components/ui/empty-state';

/** A list page: its header, then the list, or "no scan yet" while no snapshot is published (no children). */
export function ListPageShell({ header, children }: { header: ReactNode; children?: ReactNode }) {
  return (
    <div className={children ? 'mx-auto max-w-7xl space-y-4' : 'mx-auto max-w-7xl'}>
      {header}
      {children ?? <NoScanYet />}
    </div>
  );
}
