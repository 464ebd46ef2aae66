import clsx from 'clsx';
import { Badge } from '@/components/ui/badge';
import type { ControlAccountView, ControlCellView } from '@/db/queries/controls-posture';

/** A control the scan could not read in this region: a warning, and why on hover. */
function UnknownControl({ control, note }: { control: 'guardrail' | 'logging'; note: string | null }) {
  return (
    <span title={note ?? undefined}>
      <Badge tone="warning">{control} unknown</Badge>
    </span>
  );
}

function GuardrailText({ cell }: { cell: ControlCellView }) {
  if (cell.guardrailEnforced === 'organization' || cell.guardrailEnforced === 'account') {
    return (
      <span>
        <Badge tone="success">{cell.guardrailEnforced === 'organization' ? 'org guardrail' : 'account guardrail'}</Badge>{' '}
        <span className="text-xs text-slate-800" title={cell.guardrailArn ?? undefined}>
          {cell.guardrailName ?? cell.guardrailArn?.split('/').pop() ?? '?'} v{cell.guardrailVersion ?? '?'}
        </span>
        {cell.guardrailFilters.length > 0 ? <span className="block text-xs text-slate-700">{cell.guardrailFilters.join(', ')}</span> : null}
        {cell.guardrailShareable === false ? <span className="block text-xs font-semibold text-red-800">resource policy does not let this account apply it</span> : null}
      </span>
    );
  }
  if (cell.guardrailEnforced === 'unknown') return <UnknownControl control="guardrail" note={cell.guardrailNote} />;
  return <Badge tone={cell.isGap ? 'danger' : 'neutral'}>no guardrail</Badge>;
}

function LoggingText({ cell }: { cell: ControlCellView }) {
  if (cell.loggingState === 'on') {
    return (
      <span>
        <Badge tone="success">logging on</Badge>
        <span className="block break-all text-xs text-slate-700">{cell.loggingDestinations.join(', ')}</span>
      </span>
    );
  }
  if (cell.loggingState === 'unknown') return <UnknownControl control="logging" note={cell.loggingNote} />;
  return (
    <span title={cell.loggingNote ?? undefined}>
      <Badge tone={cell.isGap ? 'danger' : 'neutral'}>logging off</Badge>
    </span>
  );
}

function ScpText({ account }: { account: ControlAccountView }) {
  if (account.isManagementAccount) return <p className="text-xs text-slate-700">Management account: SCPs do not apply.</p>;
  return (
    <ul className="space-y-0.5 text-xs text-slate-800">
      <li>Regions: {account.approvedRegions === null ? <span className="font-semibold text-amber-800">not restricted</span> : account.approvedRegions.join(', ') || 'none'}</li>
      <li title={account.modelAllowList?.join('\n')}>Models: {account.modelAllowList === null ? 'no allow-list' : `${account.modelAllowList.length} allowed`}</li>
      {account.deniedTiers.length > 0 ? <li>Denied tiers: {account.deniedTiers.join(', ')}</li> : null}
    </ul>
  );
}

/**
 * Accounts x regions: for each cell the enforced guardrail (organisation or account, which and
 * which version), invocation logging (on/off, where) and how many principals can switch each off;
 * the SCP restrictions per account. Production cells missing a control are marked as gaps.
 */
export function ControlsMatrixPanel({ accounts, regions }: { accounts: ControlAccountView[]; regions: string[] }) {
  return (
    <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
      <table className="w-full text-left text-sm" data-testid="controls-matrix">
        <caption className="sr-only">Bedrock controls per account and region</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Account</th>
            <th scope="col" className="px-3 py-2">SCP restrictions</th>
            {regions.map((region) => (
              <th key={region} scope="col" className="px-3 py-2 whitespace-nowrap">
                {region}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.accountId} className="border-b border-slate-100 align-top last:border-0" data-testid={`controls-row-${account.accountId}`}>
              <th scope="row" className="px-3 py-2 font-normal">
                <a href={`#account-${account.accountId}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {account.accountName}
                </a>
                <span className="block text-xs text-slate-700">
                  {account.accountId} · {account.environment}
                </span>
                <span className="block text-xs text-slate-700">{account.ouPath.map((unit) => unit.name).join(' / ') || 'root'}</span>
              </th>
              <td className="px-3 py-2">
                <ScpText account={account} />
              </td>
              {regions.map((region) => {
                const cell = account.cells.find((entry) => entry.region === region);
                if (!cell) {
                  return (
                    <td key={region} className="px-3 py-2 text-xs text-slate-700">
                      not read
                    </td>
                  );
                }
                return (
                  <td key={region} className={clsx('min-w-48 space-y-1 px-3 py-2', cell.isGap && 'bg-red-50')} data-gap={cell.isGap ? 'true' : undefined}>
                    {cell.isGap ? <p className="text-xs font-bold uppercase tracking-wide text-red-800">Gap</p> : null}
                    <GuardrailText cell={cell} />
                    <LoggingText cell={cell} />
                    <p className="text-xs text-slate-700">
                      can switch off: guardrail {cell.guardrailSwitchers}, logging {cell.loggingSwitchers}
                    </p>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
