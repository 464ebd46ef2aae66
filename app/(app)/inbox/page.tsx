import Link from 'next/link';
import { listRevocationsOfCampaignItems } from '@/db/queries/revocations/for-campaign-items';
import { getDatabase } from '@/db/client';
import { listDelegateCandidates } from '@/db/queries/campaigns/decide';
import { INBOX_STATUS_FILTERS, listInboxAccounts, listInboxCampaigns, listInboxItems, listRecentNotifications, type InboxStatusFilter } from '@/db/queries/campaigns/inbox';
import { TIERS, type Tier } from '@/lib/analysis/types';
import { requirePageUser } from '@/server/auth/session';
import { earliestKeepUntil } from '@/lib/campaigns/timing';
import { InboxItems } from '@/components/campaigns/inbox-items';
import { toInboxItemView } from '@/components/campaigns/item-view';
import { withItemUsage } from '@/components/usage/item-usage-view';
import { listUsageOfPrincipals } from '@/db/queries/usage-item-evidence';
import { Pager } from '@/components/campaigns/pager';
import { PartialSnapshotBanner } from '@/components/campaigns/badges';
import { inputClass, labelClass, primaryButtonClass } from '@/components/campaigns/form-styles';
import { parsePageParam } from '@/lib/http/page-param';

export const metadata = { title: 'My reviews' };

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value || undefined;
}

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser('owner', 'admin');
  const query = await searchParams;
  const status = (INBOX_STATUS_FILTERS as readonly string[]).includes(single(query.status) ?? '') ? (single(query.status) as InboxStatusFilter) : 'pending';
  const tier = (TIERS as readonly string[]).includes(single(query.tier) ?? '') ? (single(query.tier) as Tier) : undefined;
  const campaignId = Number(single(query.campaign)) || undefined;
  const accountId = single(query.account);
  const search = single(query.q);
  const page = parsePageParam(query.page);

  const database = getDatabase();
  const campaigns = listInboxCampaigns(database, user.email);
  const accounts = listInboxAccounts(database, user.email);
  const result = listInboxItems(database, user.email, { campaignId, status, accountId, tier, search }, page, PAGE_SIZE);
  const usage = listUsageOfPrincipals(database, result.rows.map((row) => row.principalArn));
  const itemRevocations = listRevocationsOfCampaignItems(database, result.rows.map((row) => row.id));
  const delegates = listDelegateCandidates(database, user.email);
  const recentNotifications = listRecentNotifications(database, user.email);
  const pendingTotal = campaigns.reduce((sum, campaign) => sum + campaign.pending, 0);
  const tomorrow = earliestKeepUntil();

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">My reviews</h1>
        <p className="mt-1 text-sm text-slate-700">
          {pendingTotal} undecided {pendingTotal === 1 ? 'item' : 'items'} across {campaigns.length} active {campaigns.length === 1 ? 'campaign' : 'campaigns'}. Decisions can change until a campaign closes.
        </p>
      </div>
      {campaigns.some((campaign) => campaign.isPartialSnapshot) ? <PartialSnapshotBanner /> : null}
      {recentNotifications.length > 0 ? (
        <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-800">Recent notifications ({recentNotifications.length})</summary>
          <ul className="mt-2 space-y-1 text-slate-700">
            {recentNotifications.map((notification) => (
              <li key={notification.id}>
                <span className="text-slate-600">{notification.createdAt.slice(0, 16).replace('T', ' ')}</span> {notification.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6" aria-label="Filter my reviews">
        <div className="sm:col-span-2">
          <label htmlFor="filter-campaign" className={labelClass}>
            Campaign
          </label>
          <select id="filter-campaign" name="campaign" defaultValue={campaignId ? String(campaignId) : ''} className={inputClass}>
            <option value="">All campaigns</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name} ({campaign.pending} of {campaign.total} undecided)
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={status} className={inputClass}>
            <option value="pending">Undecided</option>
            <option value="decided">Decided</option>
            <option value="all">All</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-account" className={labelClass}>
            Account
          </label>
          <select id="filter-account" name="account" defaultValue={accountId ?? ''} className={inputClass}>
            <option value="">All accounts</option>
            {accounts.map((account) => (
              <option key={account} value={account}>
                {account}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-tier" className={labelClass}>
            Tier
          </label>
          <select id="filter-tier" name="tier" defaultValue={tier ?? ''} className={inputClass}>
            <option value="">All tiers</option>
            {TIERS.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-search" className={labelClass}>
            Principal name
          </label>
          <input id="filter-search" name="q" defaultValue={search ?? ''} className={inputClass} />
        </div>
        <div className="flex items-end gap-3 sm:col-span-6">
          <button type="submit" className={primaryButtonClass}>
            Apply filters
          </button>
          <Link href="/inbox" className="text-sm text-brand-700 underline">
            Reset filters
          </Link>
        </div>
      </form>

      {/* Always mounted: after the last pending item is decided the refreshed list is empty, and the
          decision's confirmation (the component's status line) must survive that refresh. */}
      <InboxItems key={`${page}-${status}-${campaignId}-${accountId}-${tier}-${search}`} items={result.rows.map((row) => withItemUsage(toInboxItemView(row, itemRevocations.get(row.id)), row.context.actions, usage))} delegates={delegates} minKeepUntil={tomorrow} />
      {result.total === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
          {status === 'pending' ? 'Nothing left to review here. Choose “All” or “Decided” to see or change your decisions.' : 'No items match these filters.'}
        </p>
      ) : null}
      <Pager
        basePath="/inbox"
        label="My reviews pages"
        params={{ campaign: campaignId ? String(campaignId) : undefined, status, account: accountId, tier, q: search }}
        page={result.page}
        pageSize={PAGE_SIZE}
        total={result.total}
      />
    </div>
  );
}
