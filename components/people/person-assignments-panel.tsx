import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { RequestAssignmentRevocationButton } from '@/components/revocations/request-assignment-revocation-button';

export interface PersonAssignmentView {
  accountId: string;
  accountName: string | null;
  permissionSetName: string;
  viaGroupName: string | null;
  principalId: number | null;
  /** Set for admins on assignments whose role is in the snapshot: what a revocation request names (#14). */
  revocationTarget?: { principalArn: string; entitlementKey: string } | null;
}

function revokeLabel(assignment: PersonAssignmentView): string {
  return `${assignment.permissionSetName} in ${assignment.accountId} ${assignment.viaGroupName ? `via group ${assignment.viaGroupName}` : 'assigned directly'}`;
}

/** Every assignment of a person: account, permission set, and how (direct or which group), linked to the role. */
export function PersonAssignmentsPanel({ assignments, canRevoke = false }: { assignments: PersonAssignmentView[]; canRevoke?: boolean }) {
  return (
    <Card title="Assignments" id="assignments" description={`${assignments.length} assignment(s) in ${new Set(assignments.map((assignment) => assignment.accountId)).size} account(s).`}>
      {assignments.length === 0 ? (
        <p className="text-sm text-slate-700">This person is assigned nothing: no group of theirs and no direct assignment reaches an account.</p>
      ) : (
        <div tabIndex={0} role="region" aria-label="Assignments" className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600">
          <table className="w-full text-left text-sm" data-testid="person-assignments">
            <caption className="sr-only">Assignments of this person</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4">Account</th>
                <th scope="col" className="py-2 pr-4">Permission set</th>
                <th scope="col" className="hidden py-2 pr-4 sm:table-cell">Via</th>
                {canRevoke ? (
                  <th scope="col" className="hidden py-2 sm:table-cell">
                    <span className="sr-only">Revoke</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {assignments.map((assignment, index) => (
                <tr key={`${assignment.accountId}-${assignment.permissionSetName}-${assignment.viaGroupName ?? 'direct'}-${index}`}>
                  <td className="py-2 pr-4">
                    <div>{assignment.accountName ?? assignment.accountId}</div>
                    <div className="font-mono text-xs text-slate-700">{assignment.accountId}</div>
                  </td>
                  <td className="py-2 pr-4">
                    {assignment.principalId !== null ? (
                      <Link href={`/principals/${assignment.principalId}`} className="text-brand-700 underline underline-offset-2">
                        {assignment.permissionSetName}
                      </Link>
                    ) : (
                      <span>
                        {assignment.permissionSetName} <Badge tone="warning">no role in the snapshot</Badge>
                      </span>
                    )}
                    {/* On narrow screens the via column folds under the permission set. */}
                    <div className="mt-1 sm:hidden">{assignment.viaGroupName ? <Badge tone="info">group {assignment.viaGroupName}</Badge> : <Badge>direct</Badge>}</div>
                    {canRevoke && assignment.revocationTarget ? (
                      <div className="mt-1 sm:hidden">
                        <RequestAssignmentRevocationButton principalArn={assignment.revocationTarget.principalArn} entitlementKey={assignment.revocationTarget.entitlementKey} label={revokeLabel(assignment)} />
                      </div>
                    ) : null}
                  </td>
                  <td className="hidden py-2 pr-4 sm:table-cell">{assignment.viaGroupName ? <Badge tone="info">group {assignment.viaGroupName}</Badge> : <Badge>direct</Badge>}</td>
                  {canRevoke ? (
                    <td className="hidden py-2 sm:table-cell">
                      {assignment.revocationTarget ? (
                        <RequestAssignmentRevocationButton
                          principalArn={assignment.revocationTarget.principalArn}
                          entitlementKey={assignment.revocationTarget.entitlementKey}
                          label={revokeLabel(assignment)}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
