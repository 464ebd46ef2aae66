import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listAccountOptions } from '@/db/queries/account-options';
import { listConflictRuleIds, listConflicts, parseConflictListQuery, type ConflictListQuery } from '@/db/queries/conflicts';
import { getLatestPublishedScan } from '@/db/queries/scans';
import { SEVERITIES } from '@/db/schema';
import { requirePageUser } from '@/server/auth/session';
import { AcceptExceptionForm } from '@/components/conflicts/accept-exception-form';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { Badge, SeverityBadge } from '@/components/ui/badge';
import { EmptyState, NoScanYet } from '@/components/ui/empty-state';
import { formatAge, formatDate } from '@/components/ui/format';
import { GrantPathText } from '@/components/ui/grant-path';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { TierChip } from '@/components/ui/tier-chip';
import type { ConflictSideGrant } from '@/db/queries/principals';

export const metadata = { title: 'SoD conflicts' };

function stateParams(query: ConflictListQuery): Record<string, string | undefined> {
  return { rule: query.rule, severity: query.severity, account: query.account, excepted: query.excepted === 'hide' ? undefined : query.excepted };
}

function Side({ label, grants }: { label: string; grants: ConflictSideGrant[] }) {
  const actions = [...new Set(grants.flatMap((grant) => grant.actions))];
  const tiers = [...new Set(grants.flatMap((grant) => grant.tiers))];
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold text-slate-700">{label}</p>
      <p className="mt-0.5 flex flex-wrap items-center gap-1">
        {actions.slice(0, 3).map((action) => (
          <code key={action} className="break-all font-mono text-xs">
            {action}
          </code>
        ))}
        {actions.length > 3 ? <span className="text-xs text-slate-700">+{actions.length - 3} more</span> : null}
        {tiers.map((tier) => (
          <TierChip key={tier} tier={tier} />
        ))}
      </p>
      <p className="text-xs">
        {grants.slice(0, 2).map((grant, index) => (
          <span key={index} className="mr-2 inline-block">
            <GrantPathText path={grant.path} showStatement={false} />
          </span>
        ))}
        {grants.length > 2 ? <span className="text-slate-700">+{grants.length - 2} more grant paths</span> : null}
      </p>
    </div>
  );
}

export default async function ConflictsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const query = parseConflictListQuery(await searchParams);
  const database = getDatabase();
  const scan = getLatestPublishedScan(database);
  if (!scan) {
    return (
      <div className="mx-auto max-w-7xl">
        <PageHeader title="SoD conflicts" />
        <NoScanYet />
      </div>
    );
  }
  const { rows, total } = listConflicts(database, user, scan.id, query);
  const rules = listConflictRuleIds(database, scan.id);
  const accounts = listAccountOptions(database);
  const params = stateParams(query);
  const isAdmin = user.role === 'admin';
  const today = new Date();
  const defaultExpiry = new Date(today.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
  const maxExpiry = new Date(today.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader
        title="SoD conflicts"
        description={`Separation-of-duties conflicts in snapshot #${scan.id} (${formatAge(scan.finishedAt)}), most severe first.${user.role === 'owner' ? ' Only principals you own.' : ''}`}
      />
      <FilterBar action="/conflicts" resetHref="/conflicts" label="Filter conflicts">
        <SelectField name="rule" label="Rule" value={query.rule} allLabel="All rules" options={rules.map((rule) => ({ value: rule, label: rule }))} className="min-w-52" />
        <SelectField name="severity" label="Severity" value={query.severity} allLabel="Any severity" options={[...SEVERITIES].reverse().map((severity) => ({ value: severity, label: severity }))} />
        {accounts ? (
          <SelectField name="account" label="Account" value={query.account} allLabel="All accounts" options={accounts.map((account) => ({ value: account.id, label: `${account.name} (${account.id})` }))} />
        ) : (
          <TextField name="account" label="Account" value={query.account} placeholder="Account id or exact name" className="w-52" />
        )}
        <SelectField
          name="excepted"
          label="Exceptions"
          value={query.excepted === 'hide' ? undefined : query.excepted}
          allLabel="Hide accepted exceptions"
          options={[
            { value: 'include', label: 'Include accepted exceptions' },
            { value: 'only', label: 'Only accepted exceptions' },
          ]}
          className="min-w-56"
        />
      </FilterBar>

      {rows.length === 0 ? (
        <EmptyState title={query.rule || query.severity || query.account || query.excepted !== 'hide' ? 'No conflict matches these filters' : 'No open conflict in this snapshot'}>
          <p>{query.excepted === 'hide' ? 'Conflicts accepted as exceptions are hidden; choose “Include accepted exceptions” to see them.' : 'Change or reset the filters.'}</p>
        </EmptyState>
      ) : (
        <>
          <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
            <table className="w-full text-left text-sm" data-testid="conflicts-table">
              <caption className="sr-only">SoD conflicts, most severe first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Severity</th>
                  <th scope="col" className="px-3 py-2">Rule</th>
                  <th scope="col" className="px-3 py-2">Principal</th>
                  <th scope="col" className="px-3 py-2">Both sides</th>
                  <th scope="col" className="px-3 py-2">Exception</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
                    <td className="px-3 py-2">
                      <SeverityBadge severity={row.severity} />
                    </td>
                    <td className="px-3 py-2">
                      <code className="whitespace-nowrap font-mono text-xs">{row.ruleId}</code>
                      <p className="text-xs text-slate-700">{row.title}</p>
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/principals/${row.principalId}`} className="font-medium text-brand-700 underline underline-offset-2">
                        {row.principalName}
                      </Link>{' '}
                      <Badge tone={row.principalType === 'user' ? 'warning' : 'info'}>{row.principalType}</Badge>
                      <p className="text-xs text-slate-700">
                        {row.accountName ?? row.accountId} · {row.ownerEmail ?? 'unowned'}
                      </p>
                    </td>
                    <td className="px-3 py-2">
                      <div className="grid min-w-96 grid-cols-2 gap-3">
                        <Side label="Side A" grants={row.sideA} />
                        <Side label="Side B" grants={row.sideB} />
                      </div>
                    </td>
                    <td className="px-3 py-2">
                      {row.exception ? (
                        <div className="text-xs">
                          <Badge tone="success">accepted until {formatDate(row.exception.expiresAt)}</Badge>
                          <p className="mt-1 text-slate-800">{row.exception.reason}</p>
                          <p className="text-slate-700">by {row.exception.createdBy}</p>
                        </div>
                      ) : isAdmin ? (
                        <AcceptExceptionForm conflictId={row.id} principalName={row.principalName} ruleId={row.ruleId} defaultExpiry={defaultExpiry} maxExpiry={maxExpiry} />
                      ) : (
                        <span className="text-xs text-slate-700">open</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination basePath="/conflicts" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Conflict pages" />
        </>
      )}
    </div>
  );
}
