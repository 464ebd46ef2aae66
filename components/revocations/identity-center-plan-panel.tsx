import { renderIdentityCenterCommands } from '@/lib/revocations/identity-center/render-identity-center-script';
import type { IdentityCenterCallOutcomeRecord, IdentityCenterPlan } from '@/lib/revocations/identity-center/types';

const KIND_LABELS: Record<IdentityCenterPlan['kind'], string> = {
  'remove-from-group': 'Remove the person from the group',
  'delete-assignment': 'Delete the account assignment',
  'permission-set-detach': 'Detach the policy from the permission set',
  'permission-set-deny': 'Add an explicit Deny to the permission set',
};

/**
 * The Identity Center side of a plan, shown before approval: the sso-admin / identitystore calls,
 * every account the permission set is provisioned to, and every person who loses (or keeps) access.
 */
export function IdentityCenterPlanPanel({ plan }: { plan: IdentityCenterPlan }) {
  return (
    <div className="space-y-3" data-testid="identity-center-plan">
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        <span className="font-semibold">{KIND_LABELS[plan.kind]}</span> at IAM Identity Center: permission set <span className="font-mono">{plan.permissionSetName}</span>. IAM is not called; the change reaches{' '}
        <strong>{plan.accountIds.length} account(s)</strong> and <strong>{plan.losing.length} person(s)</strong>.
      </p>
      <div>
        <h3 className="font-semibold">Identity Center calls</h3>
        <pre tabIndex={0} className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-xs leading-5 text-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
          {renderIdentityCenterCommands(plan.calls).join('\n')}
        </pre>
      </div>
      <div>
        <h3 className="font-semibold">{plan.kind === 'remove-from-group' || plan.kind === 'delete-assignment' ? 'Account of the assignment' : `Accounts the permission set reaches (${plan.accountIds.length})`}</h3>
        <p className="font-mono text-xs leading-6 text-slate-900 [overflow-wrap:anywhere]" data-testid="identity-center-accounts">
          {plan.accountIds.join(', ') || 'None provisioned.'}
        </p>
      </div>
      <div className="min-w-0">
        <table className="w-full table-fixed text-left text-sm" data-testid="identity-center-people">
          <caption className="text-left font-semibold">People who lose this access ({plan.losing.length})</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-3">Person</th>
              <th scope="col" className="py-1 pr-3">Via</th>
              <th scope="col" className="py-1">Accounts</th>
            </tr>
          </thead>
          <tbody>
            {plan.losing.map((person) => (
              <tr key={person.userId} className="border-b border-slate-100 align-top">
                <td className="break-words py-1 pr-3 [overflow-wrap:anywhere]">{person.userName}</td>
                <td className="py-1 pr-3 text-xs [overflow-wrap:anywhere]">{person.via}</td>
                <td className="py-1 font-mono text-xs [overflow-wrap:anywhere]">{person.accountIds.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.keeping.length > 0 ? (
        <p className="text-sm text-slate-800">
          Keep their access: {plan.keeping.map((person) => `${person.userName} (${person.via})`).join(', ')}.
        </p>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold">Rollback calls</summary>
        <pre tabIndex={0} className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-3 text-xs">{renderIdentityCenterCommands(plan.rollbackCalls).join('\n')}</pre>
      </details>
    </div>
  );
}

/** What each sso-admin / identitystore call did on the last run. */
export function IdentityCenterCallTable({ outcomes, caption }: { outcomes: IdentityCenterCallOutcomeRecord[]; caption: string }) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-1 pr-3">Call</th>
          <th scope="col" className="py-1 pr-3">Outcome</th>
          <th scope="col" className="py-1">Detail</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((outcome, index) => (
          <tr key={index} className="border-b border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono text-xs">
              {outcome.call.service} {outcome.call.action}
            </td>
            <td className="py-1 pr-3">{outcome.status}</td>
            <td className="py-1 text-xs text-red-800">{outcome.error ?? outcome.requestId ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
