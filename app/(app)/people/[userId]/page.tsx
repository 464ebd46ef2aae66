import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { getPersonDetail } from '@/db/queries/people/person-detail';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { getPersonUsage } from '@/db/queries/usage-person';
import { requirePageUser } from '@/server/auth/session';
import { orNotFound } from '@/server/http/or-not-found';
import { BlastRadiusFactorsPanel } from '@/components/blast-radius/blast-radius-factors-panel';
import { PersonAccessPanel } from '@/components/people/person-access-panel';
import { PersonAssignmentsPanel } from '@/components/people/person-assignments-panel';
import { PersonConflictsPanel } from '@/components/people/person-conflicts-panel';
import { PersonHeaderPanel } from '@/components/people/person-header-panel';
import { UsagePanel } from '@/components/usage/usage-panel';
import { assignmentKey } from '@/lib/campaigns/assignment-items';

export const metadata = { title: 'Person' };

export default async function PersonPage({ params }: { params: Promise<{ userId: string }> }) {
  const user = await requirePageUser('admin', 'auditor');
  const { userId } = await params;
  const database = getDatabase();
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) notFound();
  const person = orNotFound(() => getPersonDetail(database, scanId, decodeURIComponent(userId)));
  const { analysis } = person;
  // Usage (#18): the calls CloudTrail tied to this person's Identity Center UserId, through any role.
  const usage = getPersonUsage(database, scanId, person.userId);
  const heldActions = new Set(analysis.actions);
  const usedHeldActionCount = [...heldActions].filter((action) => (usage.detail.actions[action]?.calls ?? 0) > 0).length;
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <PersonHeaderPanel person={person} scanId={scanId} />
      <PersonAssignmentsPanel
        canRevoke={user.role === 'admin'}
        assignments={person.assignments.map((assignment) => ({
          ...assignment,
          revocationTarget: user.role === 'admin' && assignment.roleArn ? { principalArn: assignment.roleArn, entitlementKey: assignmentKey({ userId: person.userId, ...assignment }) } : null,
        }))}
      />
      <PersonAccessPanel accounts={analysis.accounts} accountNames={person.accountNames} actionCount={analysis.actions.length} />
      <BlastRadiusFactorsPanel blastRadius={analysis.blastRadius} description={`Score ${analysis.blastRadius.score} of 100 for everything this person's roles reach together: the sum of the points below.`} />
      <PersonConflictsPanel conflicts={analysis.conflicts} accountNames={person.accountNames} />
      <UsagePanel usage={usage} heldActionCount={heldActions.size} usedHeldActionCount={usedHeldActionCount} recommendations={[]} />
    </div>
  );
}
