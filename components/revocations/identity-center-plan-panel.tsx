import { renderIdentityCenterCommands } from '@/lib/revocations/identity-center/render-identity-center-script';
import type { IdentityCenterCallOutcomeRecord, IdentityCenterPlan } from '@/lib/revocations/identity-center/types';
import { AffectedPeopleTable } from './affected-people-table';
import { CallOutcomeTable } from './call-outcome-table';
import { identityCenterCallRows } from './call-outcome-rows';
import { CommandBlock } from './command-block';

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
        <CommandBlock commands={renderIdentityCenterCommands(plan.calls)} />
      </div>
      <div>
        <h3 className="font-semibold">{plan.kind === 'remove-from-group' || plan.kind === 'delete-assignment' ? 'Account of the assignment' : `Accounts the permission set reaches (${plan.accountIds.length})`}</h3>
        <p className="font-mono text-xs leading-6 text-slate-900 [overflow-wrap:anywhere]" data-testid="identity-center-accounts">
          {plan.accountIds.join(', ') || 'None provisioned.'}
        </p>
      </div>
      <AffectedPeopleTable people={plan.losing} />
      {plan.keeping.length > 0 ? (
        <p className="text-sm text-slate-800">
          Keep their access: {plan.keeping.map((person) => `${person.userName} (${person.via})`).join(', ')}.
        </p>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold">Rollback calls</summary>
        <CommandBlock commands={renderIdentityCenterCommands(plan.rollbackCalls)} tone="light" />
      </details>
    </div>
  );
}

/** What each sso-admin / identitystore call did on the last run. */
export function IdentityCenterCallTable({ outcomes, caption }: { outcomes: IdentityCenterCallOutcomeRecord[]; caption: string }) {
  return <CallOutcomeTable rows={identityCenterCallRows(outcomes)} caption={caption} />;
}
