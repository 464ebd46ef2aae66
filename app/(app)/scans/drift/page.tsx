import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { computeDrift, loadDriftEntitlements, type DriftChange, type DriftEntitlement, type DriftPrincipal } from '@/db/queries/drift';
import { isPublishedScan, listPublishedScans } from '@/db/queries/scans';
import { requirePageUser } from '@/server/auth/session';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Drift' };

const SHOWN = 50;

function parseId(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  const number = Number(text);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

function PrincipalList({ principals }: { principals: DriftPrincipal[] }) {
  if (principals.length === 0) return <p className="text-sm text-slate-700">None.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {principals.slice(0, SHOWN).map((principal) => (
        <li key={principal.principalArn}>
          <Link href={`/principals/${principal.principalId}`} className="text-brand-700 underline underline-offset-2">
            {principal.principalName}
          </Link>{' '}
          <span className="break-all font-mono text-xs text-slate-700">{principal.principalArn}</span>
        </li>
      ))}
      {principals.length > SHOWN ? <li className="text-xs text-slate-700">and {principals.length - SHOWN} more.</li> : null}
    </ul>
  );
}

function EntitlementList({ entries }: { entries: DriftEntitlement[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">None.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {entries.slice(0, SHOWN).map((entry) => (
        <li key={entry.entitlementKey}>
          <Link href={`/principals/${entry.principalId}`} className="text-brand-700 underline underline-offset-2">
            {entry.principalName}
          </Link>{' '}
          holds <span className="font-medium">{entry.policyName}</span> <span className="text-xs text-slate-700">({entry.actions.length} action(s))</span>
        </li>
      ))}
      {entries.length > SHOWN ? <li className="text-xs text-slate-700">and {entries.length - SHOWN} more.</li> : null}
    </ul>
  );
}

function ChangeList({ changes, kind }: { changes: DriftChange[]; kind: 'gained' | 'lost' }) {
  if (changes.length === 0) return <p className="text-sm text-slate-700">None.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {changes.slice(0, SHOWN).map((change) => (
        <li key={change.entitlementKey}>
          <Link href={`/principals/${change.principalId}`} className="text-brand-700 underline underline-offset-2">
            {change.principalName}
          </Link>{' '}
          through <span className="font-medium">{change.policyName}</span>
          <p className="text-xs">
            <span className={kind === 'gained' ? 'font-semibold text-red-800' : 'font-semibold text-emerald-800'}>{kind === 'gained' ? '+ ' : '− '}</span>
            <code className="break-words font-mono">{change[kind].join(', ')}</code>
          </p>
        </li>
      ))}
      {changes.length > SHOWN ? <li className="text-xs text-slate-700">and {changes.length - SHOWN} more.</li> : null}
    </ul>
  );
}

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', 'auditor');
  const raw = await searchParams;
  const database = getDatabase();
  const published = listPublishedScans(database, 2);
  const fromId = parseId(raw.from) ?? published[1]?.id ?? null;
  const toId = parseId(raw.to) ?? published[0]?.id ?? null;
  const header = <PageHeader title="Drift between snapshots" description={fromId && toId ? `From snapshot #${fromId} to #${toId}.` : undefined} />;

  if (fromId === null || toId === null) {
    return (
      <div className="mx-auto max-w-6xl">
        {header}
        <EmptyState title="Two published snapshots are needed">
          <p>Drift compares two published scans; there are fewer than two so far.</p>
        </EmptyState>
      </div>
    );
  }
  if (!isPublishedScan(database, fromId) || !isPublishedScan(database, toId)) {
    return (
      <div className="mx-auto max-w-6xl">
        {header}
        <ErrorState title="Unknown snapshot">Both scans must exist and be published. Pick them on the <Link href="/scans" className="underline">Scans</Link> page.</ErrorState>
      </div>
    );
  }
  const drift = computeDrift(loadDriftEntitlements(database, fromId), loadDriftEntitlements(database, toId));
  const publishedAll = listPublishedScans(database, 200);
  const finishedOf = (id: number) => formatDateTime(publishedAll.find((scan) => scan.id === id)?.finishedAt);

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/scans" className="text-brand-700 underline underline-offset-2">
          Scans
        </Link>{' '}
        / <span aria-current="page">Drift</span>
      </nav>
      {header}
      <p className="-mt-3 text-sm text-slate-700">
        #{fromId} finished {finishedOf(fromId)} → #{toId} finished {finishedOf(toId)}. {drift.unchangedCount} entitlement(s) unchanged.
      </p>
      <section aria-labelledby="drift-summary-heading">
        <h2 id="drift-summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <StatCard label="Principals added" value={drift.principalsAdded.length} tone={drift.principalsAdded.length ? 'warning' : 'neutral'} />
          <StatCard label="Principals removed" value={drift.principalsRemoved.length} />
          <StatCard label="Entitlements added" value={drift.entitlementsAdded.length} tone={drift.entitlementsAdded.length ? 'warning' : 'neutral'} />
          <StatCard label="Entitlements removed" value={drift.entitlementsRemoved.length} />
          <StatCard label="Widened" value={drift.widened.length} tone={drift.widened.length ? 'danger' : 'neutral'} />
          <StatCard label="Narrowed" value={drift.narrowed.length} />
        </div>
      </section>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title="Widened entitlements" id="widened" description="Same grant path, more actions.">
          <ChangeList changes={drift.widened} kind="gained" />
        </Card>
        <Card title="Narrowed entitlements" id="narrowed" description="Same grant path, fewer actions.">
          <ChangeList changes={drift.narrowed} kind="lost" />
        </Card>
        <Card title="Entitlements added" id="entitlements-added">
          <EntitlementList entries={drift.entitlementsAdded} />
        </Card>
        <Card title="Entitlements removed" id="entitlements-removed">
          <EntitlementList entries={drift.entitlementsRemoved} />
        </Card>
        <Card title="Principals added" id="principals-added" description="Bedrock holders that held nothing before.">
          <PrincipalList principals={drift.principalsAdded} />
        </Card>
        <Card title="Principals removed" id="principals-removed" description="No longer hold Bedrock access (links open the older snapshot).">
          <PrincipalList principals={drift.principalsRemoved} />
        </Card>
      </div>
    </div>
  );
}
