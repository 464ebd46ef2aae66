import { TierBadge } from './badges';

/** What the inbox shows of an Identity Center assignment item beyond an entitlement item (#14). */
export interface AssignmentItemView {
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  permissionSetName: string;
  /** `direct` or `group:<GroupName>`. */
  via: string;
  groupName: string | null;
  groupMemberCount: number | null;
  roleName: string;
  policies: { policyName: string; tiers: string[]; actionCount: number }[];
  person: { tiers: string[]; score: number; accountCount: number };
  otherAccess: { accountId: string; permissionSetName: string; via: string; tiers: string[] }[];
  otherAccessCount: number;
}

/**
 * The assignment under review: how the person reaches the permission set, what its role holds in
 * the account, and the person's other Bedrock access as context.
 */
export function AssignmentItemContextPanel({ assignment }: { assignment: AssignmentItemView }) {
  const viaText = assignment.groupName ? `member of group ${assignment.groupName} (${assignment.groupMemberCount ?? 0} member${assignment.groupMemberCount === 1 ? '' : 's'})` : 'assigned directly';
  return (
    <div className="mt-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="assignment-context">
      <p>
        {/* No link: owners, who review most items, cannot open the people pages (admins and auditors only). */}
        <span className="font-medium text-slate-900">{assignment.displayName ?? assignment.userName}</span>{' '}
        <span className="break-all text-slate-600">({assignment.userName})</span> reaches permission set <strong>{assignment.permissionSetName}</strong> {viaText}; in this account it is role{' '}
        <span className="break-all font-mono text-xs">{assignment.roleName}</span>.
      </p>
      {assignment.policies.length > 0 ? (
        <p className="mt-1">
          Grants through{' '}
          {assignment.policies.map((policy, index) => (
            <span key={policy.policyName}>
              {index > 0 ? ', ' : ''}
              {policy.policyName} ({policy.actionCount} actions)
            </span>
          ))}
          .
        </p>
      ) : null}
      <p className="mt-1 flex flex-wrap items-center gap-1">
        <span>
          Person overall: score {assignment.person.score}/100 across {assignment.person.accountCount} account{assignment.person.accountCount === 1 ? '' : 's'};
        </span>
        {assignment.person.tiers.map((tier) => (
          <TierBadge key={tier} tier={tier} />
        ))}
      </p>
      {assignment.otherAccessCount > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-brand-700">Other Bedrock access of this person ({assignment.otherAccessCount})</summary>
          <ul className="mt-1 space-y-0.5">
            {assignment.otherAccess.map((other) => (
              <li key={`${other.accountId}|${other.permissionSetName}|${other.via}`}>
                {other.permissionSetName} in {other.accountId} ({other.via === 'direct' ? 'direct' : other.via.replace(/^group:/, 'via group ')}): {other.tiers.join(', ')}
              </li>
            ))}
            {assignment.otherAccessCount > assignment.otherAccess.length ? <li>and {assignment.otherAccessCount - assignment.otherAccess.length} more</li> : null}
          </ul>
        </details>
      ) : (
        <p className="mt-1">No other Bedrock access through Identity Center.</p>
      )}
    </div>
  );
}
