import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listAccounts } from '@/db/queries/accounts';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { requirePageUser } from '@/server/auth/session';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Accounts' };

const ENVIRONMENT_TONE = { prod: 'danger', nonprod: 'info', sandbox: 'neutral', unknown: 'neutral' } as const;

export default async function AccountsPage() {
  await requirePageUser('admin', 'auditor');
  const database = getDatabase();
  const scanId = getLatestPublishedScanId(database);
  const rows = listAccounts(database, scanId);
  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader title="Accounts" description={scanId ? `AWS accounts of the organisation; Bedrock holders from snapshot #${scanId}.` : 'AWS accounts of the organisation.'} />
      {rows.length === 0 ? (
        <EmptyState title="No account yet">
          <p>
            Accounts appear after the first scan: run <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run cli -- scan --from demo/org</code> or ask an admin to scan.
          </p>
        </EmptyState>
      ) : (
        <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
          <table className="w-full text-left text-sm" data-testid="accounts-table">
            <caption className="sr-only">AWS accounts with their Bedrock holders and last scan outcome</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Account</th>
                <th scope="col" className="px-3 py-2">Environment</th>
                <th scope="col" className="px-3 py-2">Organisational unit</th>
                <th scope="col" className="px-3 py-2">Owner</th>
                <th scope="col" className="px-3 py-2 text-right">Bedrock holders</th>
                <th scope="col" className="px-3 py-2">Last scan</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((account) => (
                <tr key={account.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="px-3 py-2">
                    <span className="font-medium">{account.name}</span>
                    <p className="font-mono text-xs text-slate-700">{account.id}</p>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={ENVIRONMENT_TONE[account.environment as keyof typeof ENVIRONMENT_TONE] ?? 'neutral'}>{account.environment}</Badge>
                  </td>
                  <td className="px-3 py-2 text-xs">{account.ouPath || '—'}</td>
                  <td className="px-3 py-2">{account.ownerEmail ?? <span className="text-slate-700">none</span>}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {account.bedrockHolderCount === null ? (
                      <span className="text-slate-700">not in snapshot</span>
                    ) : (
                      <Link href={`/principals?account=${account.id}`} className="text-brand-700 underline underline-offset-2">
                        {account.bedrockHolderCount}
                      </Link>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {account.lastScanStatus ? (
                      <>
                        <Link href={`/scans/${account.lastScanId}`} className="mr-1 text-brand-700 underline underline-offset-2">
                          #{account.lastScanId}
                        </Link>
                        <StatusBadge status={account.lastScanStatus} />
                        {account.lastScanError ? <p className="mt-1 max-w-sm break-words text-xs text-red-900">{account.lastScanError}</p> : null}
                      </>
                    ) : (
                      <span className="text-slate-700">never scanned</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
