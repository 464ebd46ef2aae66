import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { getPersonDetail, type PersonDetail } from '@/db/queries/people/person-detail';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { requirePageUser } from '@/server/auth/session';
import { NotFoundError } from '@/lib/http/errors';
import { BlastRadiusFactorsPanel } from '@/components/blast-radius/blast-radius-factors-panel';
import { PersonAccessPanel } from '@/components/people/person-access-panel';
import { PersonAssignmentsPanel } from '@/components/people/person-assignments-panel';
import { PersonConflictsPanel } from '@/components/people/person-conflicts-panel';
import { Badge } from '@/components/ui/badge';
import { ScoreBadge } from '@/components/ui/score-badge';
import { TierChips } from '@/components/ui/tier-chip';
import { UsagePanel } from '@/components/usage/usage-panel';
import { getPersonUsage } from '@/db/queries/usage-person';

export const metadata = { title: 'Person' };

export default async function PersonPage({ params }: { params: Promise<{ userId: string }> }) {
  await requirePageUser('admin', 'auditor');
  const { userId } = await params;
  const database = getDatabase();
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) notFound();
  let person: PersonDetail;
  try {
    person = getPersonDetail(database, scanId, decodeURIComponent(userId));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { analysis } = person;
  // Usage (#18): the calls CloudTrail tied to this person's Identity Center UserId, through any role.
  const usage = getPersonUsage(database, scanId, person.userId);
  const heldActions = new Set(analysis.actions);
  const usedHeldActionCount = [...heldActions].filter((action) => (usage.detail.actions[action]?.calls ?? 0) > 0).length;
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/people" className="text-brand-700 underline underline-offset-2">
          People
        </Link>{' '}
        / <span aria-current="page">{person.displayName ?? person.userName}</span>
      </nav>
      <section aria-labelledby="person-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 id="person-heading" className="text-2xl font-bold text-slate-900">
              {person.displayName ?? person.userName}
            </h1>
            <p className="mt-1 text-sm text-slate-700">
              {person.userName}
              {person.email && person.email !== person.userName ? ` · ${person.email}` : ''}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <TierChips tiers={maskToTiers(person.tiersMask)} />
            </div>
            <div className="mt-2 flex flex-wrap gap-1" aria-label="Groups">
              {person.groups.length === 0 ? <span className="text-xs text-slate-700">in no group</span> : person.groups.map((group) => <Badge key={group.groupId} tone="info">{group.displayName}</Badge>)}
            </div>
          </div>
          <div className="text-right">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">Blast radius</p>
            <ScoreBadge score={person.score} size="lg" />
          </div>
        </div>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">Identity store user id</dt>
            <dd className="mt-0.5 break-all font-mono text-xs">{person.userId}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">External id (IdP)</dt>
            <dd className="mt-0.5 break-all font-mono text-xs">{person.externalId ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">Snapshot</dt>
            <dd className="mt-0.5">#{scanId}</dd>
          </div>
        </dl>
      </section>
      <PersonAssignmentsPanel assignments={person.assignments} />
      <PersonAccessPanel accounts={analysis.accounts} accountNames={person.accountNames} actionCount={analysis.actions.length} />
      <BlastRadiusFactorsPanel blastRadius={analysis.blastRadius} description={`Score ${analysis.blastRadius.score} of 100 for everything this person's roles reach together: the sum of the points below.`} />
      <PersonConflictsPanel conflicts={analysis.conflicts} accountNames={person.accountNames} />
      <UsagePanel usage={usage} heldActionCount={heldActions.size} usedHeldActionCount={usedHeldActionCount} recommendations={[]} />
    </div>
  );
}
