import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listCampaignDefinitions } from '@/db/queries/campaigns/definitions';
import { completionPercent, listCampaigns } from '@/db/queries/campaigns/progress';
import { requirePageUser } from '@/server/auth/session';
import { describeScope } from '@/lib/campaigns/scope';
import { StatusBadge } from '@/components/campaigns/badges';
import { LaunchDefinitionButton } from '@/components/campaigns/campaign-actions';
import { Pager } from '@/components/campaigns/pager';
import { cardClass, primaryButtonClass } from '@/components/campaigns/form-styles';
import { parsePageParam } from '@/lib/http/page-param';

export const metadata = { title: 'Campaigns' };

const PAGE_SIZE = 25;

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor');
  const query = await searchParams;
  const page = parsePageParam(query.page);
  const database = getDatabase();
  const { rows, total } = listCampaigns(database, { page, pageSize: PAGE_SIZE });
  const schedules = listCampaignDefinitions(database).filter((definition) => definition.schedule);
  const isAdmin = user.role === 'admin';

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold text-slate-900">Campaigns</h1>
        {isAdmin ? (
          <Link href="/campaigns/new" className={primaryButtonClass}>
            New campaign
          </Link>
        ) : null}
      </div>

      <section className={cardClass} aria-labelledby="launched-heading">
        <h2 id="launched-heading" className="text-lg font-semibold">
          Launched campaigns
        </h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No campaign yet.{isAdmin ? ' Start one with “New campaign”.' : ''}</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Launched campaigns, newest first</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Kind</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Launched</th>
                <th scope="col" className="py-2 pr-3">Due</th>
                <th scope="col" className="py-2 pr-3 text-right">Items</th>
                <th scope="col" className="py-2 pr-3 text-right">Complete</th>
                <th scope="col" className="py-2 text-right">Attested / revoked / not certified</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((campaign) => (
                <tr key={campaign.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    <Link href={`/campaigns/${campaign.id}`} className="font-medium text-brand-700 underline">
                      {campaign.name}
                    </Link>
                    {campaign.isPartialSnapshot ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">partial snapshot</span> : null}
                  </td>
                  <td className="py-2 pr-3">{campaign.kind === 'micro' ? 'Micro' : 'Standard'}</td>
                  <td className="py-2 pr-3">
                    <StatusBadge status={campaign.status} />
                  </td>
                  <td className="py-2 pr-3">{campaign.launchedAt.slice(0, 10)}</td>
                  <td className="py-2 pr-3">{campaign.dueAt.slice(0, 10)}</td>
                  <td className="py-2 pr-3 text-right">{campaign.counts.total}</td>
                  <td className="py-2 pr-3 text-right">{completionPercent(campaign.counts)}%</td>
                  <td className="py-2 text-right">
                    {campaign.counts.attested} / {campaign.counts.revoked} / {campaign.counts.notCertified}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager basePath="/campaigns" label="Campaign pages" params={{}} page={page} pageSize={PAGE_SIZE} total={total} />
      </section>

      <section className={cardClass} aria-labelledby="schedules-heading">
        <h2 id="schedules-heading" className="text-lg font-semibold">
          Recurring schedules
        </h2>
        {schedules.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No recurring campaign. A definition with a cron expression is launched by the worker.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Recurring campaign definitions</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Scope</th>
                <th scope="col" className="py-2 pr-3">Schedule</th>
                <th scope="col" className="py-2 pr-3">Last launch</th>
                <th scope="col" className="py-2 pr-3">Next launch</th>
                {isAdmin ? (
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {schedules.map((definition) => (
                <tr key={definition.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3 font-medium">{definition.name}</td>
                  <td className="py-2 pr-3">{describeScope(definition.scope)}</td>
                  <td className="py-2 pr-3 font-mono">{definition.schedule}</td>
                  <td className="py-2 pr-3">{definition.lastLaunchedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
                  <td className="py-2 pr-3">{definition.nextLaunchAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                  {isAdmin ? (
                    <td className="py-2">
                      <LaunchDefinitionButton definitionId={definition.id} name={definition.name} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
