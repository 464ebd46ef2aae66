import Link from 'next/link';
import type { PersonDetail } from '@/db/queries/people/person-detail';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { Badge } from '@/components/ui/badge';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';

export type PersonHeaderFacts = Pick<PersonDetail, 'userId' | 'userName' | 'displayName' | 'email' | 'externalId' | 'score' | 'tiersMask' | 'groups'>;

/** Breadcrumb, name, tiers, groups, score and the identity-store ids of one person. */
export function PersonHeaderPanel({ person, scanId }: { person: PersonHeaderFacts; scanId: number }) {
  const name = person.displayName ?? person.userName;
  const facts: Array<[string, string]> = [
    ['Identity store user id', person.userId],
    ['External id (IdP)', person.externalId ?? '—'],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/people" className="text-brand-700 underline underline-offset-2">
          People
        </Link>{' '}
        / <span aria-current="page">{name}</span>
      </nav>
      <section aria-labelledby="person-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 id="person-heading" className="break-words text-2xl font-bold text-slate-900">
              {name}
            </h1>
            <p className="mt-1 break-all text-sm text-slate-700">
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
          {facts.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</dt>
              <dd className="mt-0.5 break-all font-mono text-xs">{value}</dd>
            </div>
          ))}
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">Snapshot</dt>
            <dd className="mt-0.5">#{scanId}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
