import type { ReactNode } from 'react';
import { NoScanYet } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

/** The frame every page shares: the width, the heading with its description and actions, then the panels. */
export function PageShell({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader title={title} description={description} actions={actions} />
      {children}
    </div>
  );
}

/** A page over the latest snapshot before any scan is published: its title, then "no scan yet". */
export function NoScanPage({ title }: { title: string }) {
  return (
    <PageShell title={title}>
      <NoScanYet />
    </PageShell>
  );
}
