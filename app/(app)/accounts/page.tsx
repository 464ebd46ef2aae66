import { getDatabase } from '@/db/client';
import { listAccounts } from '@/db/queries/accounts';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { requirePageUser } from '@/server/auth/session';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { PageShell } from '@/components/layout/page-shell';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata = { title: 'Accounts' };

export default async function AccountsPage() {
  await requirePageUser('admin', 'auditor');
  const database = getDatabase();
  const scanId = getLatestPublishedScanId(database);
  const rows = listAccounts(database, scanId);
  return (
    <PageShell title="Accounts" description={scanId ? `AWS accounts of the organisation; Bedrock holders from snapshot #${scanId}.` : 'AWS accounts of the organisation.'}>
      {rows.length === 0 ? (
        <EmptyState title="No account yet">
          <p>
            Accounts appear after the first scan: run <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run cli -- scan --from demo/org</code> or ask an admin to scan.
          </p>
        </EmptyState>
      ) : (
        <AccountsTable rows={rows} />
      )}
    </PageShell>
  );
}
