import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { PeopleBehindRole } from '@/db/queries/people/people-behind-role';

/** ", through group A (8) and directly (2)": how the people reach the role, largest first. */
function viaSummary(people: PeopleBehindRole['people']): string {
  if (people.length === 0) return '';
  const counts = new Map<string, number>();
  for (const person of people) {
    const via = person.viaGroupName ? `group ${person.viaGroupName}` : 'directly';
    counts.set(via, (counts.get(via) ?? 0) + 1);
  }
  const parts = [...counts].sort((left, right) => right[1] - left[1]).map(([via, count]) => `${via === 'directly' ? 'directly' : `through ${via}`} (${count})`);
  return `, ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
}

/** People shown at once (two rows on a wide screen); the rest behind "Show all". */
const FIRST_PEOPLE = 6;

function PersonList({ people }: { people: PeopleBehindRole['people'] }) {
  return (
    <ul className="grid grid-cols-1 gap-x-6 sm:grid-cols-2 xl:grid-cols-3">
      {people.map((person) => (
        <li key={`${person.userId}-${person.viaGroupId ?? 'direct'}`} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 py-1.5">
          <div>
            <Link href={`/people/${encodeURIComponent(person.userId)}`} className="font-medium text-brand-700 underline underline-offset-2">
              {person.displayName ?? person.userName}
            </Link>
            <p className="text-xs text-slate-700">{person.email ?? person.userName}</p>
          </div>
          {person.viaGroupName ? <Badge tone="info">group {person.viaGroupName}</Badge> : <Badge>direct</Badge>}
        </li>
      ))}
    </ul>
  );
}

/** On an SSO role's page: its permission set and the people assigned it in this account, and how. */
export function PeopleBehindRolePanel({ behind }: { behind: PeopleBehindRole }) {
  const description =
    behind.permissionSetArn === null
      ? `No permission set named ${behind.permissionSetName} in Identity Center: this role is unlinked.`
      : `Permission set ${behind.permissionSetName}: ${behind.people.length} assignment(s) of people in this account${viaSummary(behind.people)}.`;
  return (
    <Card title="People behind this role" id="people-behind" description={description}>
      {behind.drift.length > 0 ? (
        <div role="note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">The role differs from its permission set (drifted, or not provisioned since the set changed):</p>
          <ul className="mt-1 list-disc pl-5">
            {behind.drift.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {behind.people.length === 0 ? (
        <p className="text-sm text-slate-700">{behind.permissionSetArn === null ? 'Nobody can be named.' : 'Nobody is assigned this permission set in this account any more; the role stays provisioned.'}</p>
      ) : (
        <div data-testid="people-behind-role">
          <PersonList people={behind.people.slice(0, FIRST_PEOPLE)} />
          {behind.people.length > FIRST_PEOPLE ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-brand-700">Show all {behind.people.length} people</summary>
              <PersonList people={behind.people.slice(FIRST_PEOPLE)} />
            </details>
          ) : null}
        </div>
      )}
    </Card>
  );
}
