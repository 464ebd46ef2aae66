import { listControlSwitchers } from '@/db/queries/control-switchers';
import { getControlsPosture, parseControlsQuery } from '@/db/queries/controls-posture';
import { ENVIRONMENTS } from '@/lib/analysis/types';
import { openSnapshotPage, type PageSearchParams } from '@/server/http/open-snapshot-page';
import { recommendForPosture } from '@/lib/controls/recommend-controls';
import { AccountControlsListPanel } from '@/components/controls/account-controls-list-panel';
import { ControlsMatrixPanel } from '@/components/controls/controls-matrix-panel';
import { FilterBar, SelectField } from '@/components/data-table/filter-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { formatAge } from '@/components/ui/format';
import { ListPageShell } from '@/components/layout/list-page-shell';
import { PageShell } from '@/components/layout/page-shell';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Controls' };

export default async function ControlsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { query, database, scan } = await openSnapshotPage(['admin', 'auditor'], parseControlsQuery, searchParams);
  if (!scan) return <ListPageShell header={<PageHeader title="Controls" />} />;
  const posture = getControlsPosture(database, scan.id, query);
  const switchers = listControlSwitchers(database, scan.id, posture.accounts.map((account) => account.accountId));
  const recommendations = recommendForPosture(posture.accounts);
  const exportParams = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return (
    <PageShell
      title="Controls"
      description={`Enforced guardrails, model invocation logging and SCP restrictions per account and region in snapshot #${scan.id} (${formatAge(scan.finishedAt)}). ${posture.gapCount} production ${posture.gapCount === 1 ? 'cell lacks' : 'cells lack'} a guardrail or logging. A control that could not be read is shown as unknown, never as off.`}
      actions={
        <a href={`/api/controls/export?${exportParams.toString()}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50" download>
          Export CSV
        </a>
      }
    >
      <FilterBar action="/controls" resetHref="/controls" label="Filter controls">
        <SelectField name="ou" label="Organisational unit" value={query.ou} allLabel="All OUs" options={posture.organizationalUnits.map((unit) => ({ value: unit.id, label: unit.name }))} className="min-w-48" />
        <SelectField name="environment" label="Environment" value={query.environment} allLabel="All environments" options={ENVIRONMENTS.map((environment) => ({ value: environment, label: environment }))} />
      </FilterBar>
      {posture.accounts.length === 0 ? (
        <EmptyState title={query.ou || query.environment ? 'No account matches these filters' : 'No controls in this snapshot'}>
          <p>{query.ou || query.environment ? 'Change or reset the filters.' : 'Controls are read by live scans and from controls/<account>.json files (scanners/offline/FORMAT.md).'}</p>
        </EmptyState>
      ) : (
        <>
          <ControlsMatrixPanel accounts={posture.accounts} regions={posture.regions} />
          <AccountControlsListPanel accounts={posture.accounts} switchers={switchers} recommendations={recommendations} />
        </>
      )}
    </PageShell>
  );
}
