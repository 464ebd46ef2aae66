import type { ReactNode } from 'react';
import { buttonClassName } from '@/components/ui/button';
import { formatAge } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { hrefWith } from '@/components/ui/pagination';

/**
 * A list page's title with the snapshot it reads and an "Export CSV" link carrying the URL state;
 * without a snapshot, the title alone.
 */
export function ListPageHeader({ title, description, scan, exportPath, params }: { title: string; description: ReactNode; scan: { id: number; finishedAt: string | null } | null; exportPath: string; params: Record<string, string | undefined> }) {
  if (!scan) return <PageHeader title={title} />;
  return (
    <PageHeader
      title={title}
      description={
        <>
          {description} · snapshot #{scan.id}, {formatAge(scan.finishedAt)}
        </>
      }
      actions={
        <a href={hrefWith(exportPath, params, {})} className={buttonClassName('secondary', 'sm')} download>
          Export CSV
        </a>
      }
    />
  );
}
