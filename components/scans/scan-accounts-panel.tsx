import type { ScanDetail } from '@/db/queries/scans';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ColumnHeadings } from '@/components/ui/column-headings';
import { formatDuration } from '@/components/ui/format';

/** Each account's outcome in one scan: a failed account keeps its error beside the others' counts. */
export function ScanAccountsPanel({ scan }: { scan: ScanDetail }) {
  return (
    <Card title="Accounts" id="accounts" description={`${scan.accountCount} account(s), ${scan.failedAccountCount} failed. A failed account keeps its error; the rest of the scan is kept.`}>
      {scan.accounts.length === 0 ? (
        <p className="text-sm text-slate-700">No per-account outcome recorded{scan.status === 'queued' || scan.status === 'running' ? ' yet' : ''}.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="scan-accounts-table">
          <caption className="sr-only">Outcome per account</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <ColumnHeadings cellClassName="py-2" gapClassName="pr-3" columns={[{ label: 'Account' }, { label: 'Outcome' }, { label: 'Principals', isNumeric: true }, { label: 'Bedrock holders', isNumeric: true }, { label: 'Duration', isNumeric: true }, { label: 'Error' }]} />
            </tr>
          </thead>
          <tbody>
            {scan.accounts.map((account) => (
              <tr key={account.accountId} className="border-b border-slate-100 align-top last:border-0">
                <td className="py-2 pr-3">
                  {account.accountName ?? account.accountId}
                  <p className="font-mono text-xs text-slate-700">{account.accountId}</p>
                </td>
                <td className="py-2 pr-3">
                  <StatusBadge status={account.status} />
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{account.principalCount}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{account.bedrockPrincipalCount}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(account.durationMs)}</td>
                <td className="py-2 text-xs text-red-900">{account.error ? <span className="break-words">{account.error}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
