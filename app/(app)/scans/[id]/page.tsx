import { getDatabase } from '@/db/client';
import { getScanDetail } from '@/db/queries/scans';
import { requirePageUser } from '@/server/auth/session';
import { orNotFound, parseIdOrNotFound } from '@/server/http/or-not-found';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { ScanAccountsPanel } from '@/components/scans/scan-accounts-panel';
import { ScanFactsPanel } from '@/components/scans/scan-facts-panel';

export const metadata = { title: 'Scan' };

export default async function ScanPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('admin', 'auditor');
  const scanId = parseIdOrNotFound((await params).id);
  const scan = orNotFound(() => getScanDetail(getDatabase(), scanId));
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <Breadcrumb parent={{ href: '/scans', label: 'Scans' }} current={`Scan #${scan.id}`} />
      <h1 className="text-2xl font-bold text-slate-900">Scan #{scan.id}</h1>
      <ScanFactsPanel scan={scan} />
      <ScanAccountsPanel scan={scan} />
    </div>
  );
}
