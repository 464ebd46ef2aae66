import { getDatabase } from '@/db/client';
import { listRevocations } from '@/db/queries/revocations/list';
import { getConfig } from '@/lib/config/load-config';
import { parseRevocationListQuery } from '@/lib/revocations/search-params';
import { requirePageUser } from '@/server/auth/session';
import { PageShell } from '@/components/layout/page-shell';
import { FourEyesNotice } from '@/components/revocations/four-eyes-notice';
import { RevocationsPanel } from '@/components/revocations/revocations-panel';

export const metadata = { title: 'Revocations' };

export default async function RevocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const query = parseRevocationListQuery(await searchParams);
  const { rows, total } = listRevocations(getDatabase(), { viewer: user, status: query.status, page: query.page, pageSize: query.pageSize });
  return (
    <PageShell title="Revocations" description="Every revocation request, newest first, with its state and the reason of the last failure.">
      <FourEyesNotice requireFourEyes={getConfig().revocations.requireFourEyes} />
      <RevocationsPanel rows={rows} total={total} query={query} />
    </PageShell>
  );
}
