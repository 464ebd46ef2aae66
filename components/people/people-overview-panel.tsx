import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { TierChip } from '@/components/principals/tier-chip';
import type { PeopleOverview } from '@/db/queries/people/people-overview';

/** The Identity Center figures on the overview: people per tier, widest reach, dead assignments. */
export function PeopleOverviewPanel({ overview }: { overview: PeopleOverview }) {
  return (
    <Card title="People (IAM Identity Center)" id="people-overview" description={`${overview.bedrockPersonCount} of ${overview.personCount} people reach Bedrock through their assignments.`} actions={<Link href="/people" className="text-sm text-brand-700 underline underline-offset-2">All people</Link>}>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <section aria-labelledby="people-by-tier">
          <h3 id="people-by-tier" className="text-sm font-semibold text-slate-900">People holding each tier</h3>
          <ul className="mt-2 space-y-1" data-testid="people-by-tier">
            {overview.peopleByTier.map((entry) => (
              <li key={entry.tier} className="flex items-center justify-between gap-2 text-sm">
                <Link href={`/people?tier=${entry.tier}`} className="inline-flex items-center gap-2">
                  <TierChip tier={entry.tier} />
                </Link>
                <span className="tabular-nums">{entry.count}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="people-most-accounts">
          <h3 id="people-most-accounts" className="text-sm font-semibold text-slate-900">Bedrock access in the most accounts</h3>
          <ol className="mt-2 space-y-1" data-testid="people-most-accounts">
            {overview.mostAccounts.map((person) => (
              <li key={person.userId} className="flex items-center justify-between gap-2 text-sm">
                <Link href={`/people/${encodeURIComponent(person.userId)}`} className="text-brand-700 underline underline-offset-2">
                  {person.displayName ?? person.userName}
                </Link>
                <span className="tabular-nums">{person.bedrockAccountCount} accounts</span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="people-empty-groups">
          <h3 id="people-empty-groups" className="text-sm font-semibold text-slate-900">Assignments to empty groups ({overview.emptyGroupAssignments.length})</h3>
          <p className="text-xs text-slate-700">Nobody gets access through them today; anyone added to the group later does.</p>
          <ul className="mt-1 space-y-1 text-sm" data-testid="people-empty-group-assignments">
            {overview.emptyGroupAssignments.map((entry) => (
              <li key={`${entry.groupId}-${entry.accountId}-${entry.permissionSetName ?? ''}`}>
                {entry.groupName ?? entry.groupId}: {entry.permissionSetName ?? 'unknown set'} in {entry.accountName ?? entry.accountId}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="people-unassigned-sets">
          <h3 id="people-unassigned-sets" className="text-sm font-semibold text-slate-900">Permission sets provisioned where nobody is assigned ({overview.unassignedProvisionedRoles.length})</h3>
          <p className="text-xs text-slate-700">The role still exists in the account; candidates for removal.</p>
          <ul className="mt-1 space-y-1 text-sm" data-testid="people-unassigned-sets">
            {overview.unassignedProvisionedRoles.map((entry) => (
              <li key={entry.roleArn}>
                {entry.permissionSetName} in {entry.accountName ?? entry.accountId}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {overview.unlinkedRoleCount > 0 || overview.driftedRoleCount > 0 ? (
        <p className="mt-3 text-sm text-amber-900">
          {overview.unlinkedRoleCount} SSO role(s) match no permission set; {overview.driftedRoleCount} differ from their permission set.
        </p>
      ) : null}
    </Card>
  );
}
