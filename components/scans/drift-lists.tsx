import type { ReactNode } from 'react';
import Link from 'next/link';
import type { DriftChange, DriftEntitlement, DriftPrincipal } from '@/db/queries/drift';

/** How many rows a drift list shows before it says how many more there are. */
const SHOWN = 50;

/** A drift list: "None." when empty, else its first rows and a count of the rest. */
function CappedList<Item>({ items, itemKey, spacing, renderItem }: { items: Item[]; itemKey: (item: Item) => string; spacing: 'space-y-1' | 'space-y-2'; renderItem: (item: Item) => ReactNode }) {
  if (items.length === 0) return <p className="text-sm text-slate-700">None.</p>;
  return (
    <ul className={`${spacing} text-sm`}>
      {items.slice(0, SHOWN).map((item) => (
        <li key={itemKey(item)}>{renderItem(item)}</li>
      ))}
      {items.length > SHOWN ? <li className="text-xs text-slate-700">and {items.length - SHOWN} more.</li> : null}
    </ul>
  );
}

function PrincipalLink({ id, name }: { id: number; name: string }) {
  return (
    <Link href={`/principals/${id}`} className="text-brand-700 underline underline-offset-2">
      {name}
    </Link>
  );
}

export function DriftPrincipalList({ principals }: { principals: DriftPrincipal[] }) {
  return (
    <CappedList
      items={principals}
      itemKey={(principal) => principal.principalArn}
      spacing="space-y-1"
      renderItem={(principal) => (
        <>
          <PrincipalLink id={principal.principalId} name={principal.principalName} />{' '}
          <span className="break-all font-mono text-xs text-slate-700">{principal.principalArn}</span>
        </>
      )}
    />
  );
}

export function DriftEntitlementList({ entries }: { entries: DriftEntitlement[] }) {
  return (
    <CappedList
      items={entries}
      itemKey={(entry) => entry.entitlementKey}
      spacing="space-y-1"
      renderItem={(entry) => (
        <>
          <PrincipalLink id={entry.principalId} name={entry.principalName} />{' '}
          holds <span className="font-medium">{entry.policyName}</span> <span className="text-xs text-slate-700">({entry.actions.length} action(s))</span>
        </>
      )}
    />
  );
}

export function DriftChangeList({ changes, kind }: { changes: DriftChange[]; kind: 'gained' | 'lost' }) {
  return (
    <CappedList
      items={changes}
      itemKey={(change) => change.entitlementKey}
      spacing="space-y-2"
      renderItem={(change) => (
        <>
          <PrincipalLink id={change.principalId} name={change.principalName} />{' '}
          through <span className="font-medium">{change.policyName}</span>
          <p className="text-xs">
            <span className={kind === 'gained' ? 'font-semibold text-red-800' : 'font-semibold text-emerald-800'}>{kind === 'gained' ? '+ ' : '− '}</span>
            <code className="break-words font-mono">{change[kind].join(', ')}</code>
          </p>
        </>
      )}
    />
  );
}
