import { listAccountOptions } from '@/db/queries/account-options';
import { listConflictRuleIds, listConflicts } from '@/db/queries/conflicts';
import { getConfig } from '@/lib/config/load-config';
import { parseConflictListQuery } from '@/lib/conflicts/search-params';
import { exceptionExpiryBounds } from '@/lib/conflicts/exception-approval';
import { openSnapshotPage, type PageSearchParams } from '@/server/http/open-snapshot-page';
import { ConflictFiltersPanel } from '@/components/conflicts/conflict-filters-panel';
import { ConflictsPanel } from '@/components/conflicts/conflicts-panel';
import { NoScanPage, PageShell } from '@/components/layout/page-shell';
import { formatAge } from '@/components/ui/format';

export const metadata = { title: 'SoD conflicts' };

export default async function ConflictsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { user, query, database, scan } = await openSnapshotPage(['admin', 'auditor', 'owner'], parseConflictListQuery, searchParams);
  if (!scan) return <NoScanPage title="SoD conflicts" />;
  const { rows, total } = listConflicts(database, user, scan.id, query);
  const viewer = { isAdmin: user.role === 'admin', email: user.email, requireFourEyes: getConfig().revocations.requireFourEyes, ...exceptionExpiryBounds(new Date()) };
  const description = `Separation-of-duties conflicts in snapshot #${scan.id} (${formatAge(scan.finishedAt)}), ${query.group === 'principal' ? 'grouped by principal, riskiest first' : 'grouped by rule, most severe first'}.${user.role === 'owner' ? ' Only principals you own.' : ''}`;
  return (
    <PageShell title="SoD conflicts" description={description}>
      <ConflictFiltersPanel query={query} ruleIds={listConflictRuleIds(database, scan.id)} accounts={listAccountOptions(database)} />
      <ConflictsPanel rows={rows} total={total} query={query} viewer={viewer} />
    </PageShell>
  );
}
