import type { PersonDetail } from '@/db/queries/people/person-detail';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { Badge } from '@/components/ui/badge';
import { IdentityHeader, type IdentityFact } from '@/components/principals/identity-header';
import { TierChips } from '@/components/principals/tier-chip';

export type PersonHeaderFacts = Pick<PersonDetail, 'userId' | 'userName' | 'displayName' | 'email' | 'externalId' | 'score' | 'tiersMask' | 'groups'>;

function IdentifierText({ children }: { children: string }) {
  return <code className="break-all font-mono text-xs">{children}</code>;
}

/** Breadcrumb, name, tiers, groups, score and the identity-store ids of one person. */
export function PersonHeaderPanel({ person, scanId }: { person: PersonHeaderFacts; scanId: number }) {
  const name = person.displayName ?? person.userName;
  const facts: IdentityFact[] = [
    { label: 'Identity store user id', value: <IdentifierText>{person.userId}</IdentifierText> },
    { label: 'External id (IdP)', value: <IdentifierText>{person.externalId ?? '—'}</IdentifierText> },
    { label: 'Snapshot', value: `#${scanId}` },
  ];
  return (
    <IdentityHeader list={{ href: '/people', label: 'People' }} name={name} headingId="person-heading" score={person.score} facts={facts} columns={3}>
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
    </IdentityHeader>
  );
}
