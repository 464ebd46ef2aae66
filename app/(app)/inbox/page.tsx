import { getDatabase } from '@/db/client';
import { listAccountNames } from '@/db/queries/account-names';
import { listDelegateCandidates } from '@/db/queries/campaigns/decide';
import { listInboxAccounts, listInboxCampaigns, listRecentNotifications } from '@/db/queries/campaigns/inbox';
import { listConflictSidesOfItems } from '@/db/queries/campaigns/item-conflicts';
import { listInboxPage } from '@/db/queries/campaigns/list-inbox-page';
import { listRevocationsOfCampaignItems } from '@/db/queries/revocations/for-campaign-items';
import { listUsageOfPrincipals } from '@/db/queries/usage-item-evidence';
import { PartialSnapshotBanner } from '@/components/campaigns/badges';
import { InboxFiltersPanel } from '@/components/campaigns/inbox-filters-panel';
import { toInboxItemView } from '@/components/campaigns/item-view';
import { NotificationsPanel } from '@/components/campaigns/notifications-panel';
import { ReviewTable } from '@/components/campaigns/review-table';
import { Pagination } from '@/components/ui/pagination';
import { withItemUsage } from '@/components/usage/item-usage-view';
import { parseInboxSearchParams, toLinkParams } from '@/lib/campaigns/search-params';
import { earliestKeepUntil } from '@/lib/campaigns/timing';
import { requirePageUser } from '@/server/auth/session';

export const metadata = { title: 'My reviews' };

/** About twenty rows fill a laptop screen; a page holds a little more than two screens. */
const PAGE_SIZE = 50;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('owner', 'admin');
  const query = parseInboxSearchParams(await searchParams);
  const database = getDatabase();
  const campaigns = listInboxCampaigns(database, user.email);
  const accountIds = listInboxAccounts(database, user.email);
  const result = listInboxPage(database, user.email, query, PAGE_SIZE);
  const itemIds = result.rows.map((row) => row.id);
  const accountNames = listAccountNames(database, [...accountIds, ...result.rows.map((row) => row.accountId)]);
  const usage = listUsageOfPrincipals(database, result.rows.map((row) => row.principalArn));
  const revocations = listRevocationsOfCampaignItems(database, itemIds);
  const extras = { accountNames, conflictSides: listConflictSidesOfItems(database, itemIds) };
  const items = result.rows.map((row) => withItemUsage(toInboxItemView(row, revocations.get(row.id), extras), row.context.actions, usage));
  const link = toLinkParams(query);
  const pendingTotal = campaigns.reduce((sum, campaign) => sum + campaign.pending, 0);

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">My reviews</h1>
        <p className="mt-1 text-sm text-slate-700">
          {pendingTotal} undecided {pendingTotal === 1 ? 'item' : 'items'} across {campaigns.length} active {campaigns.length === 1 ? 'campaign' : 'campaigns'}, riskiest first. Decisions can change until a campaign closes.
        </p>
      </div>
      {campaigns.some((campaign) => campaign.isPartialSnapshot) ? <PartialSnapshotBanner /> : null}
      <NotificationsPanel notifications={listRecentNotifications(database, user.email)} />
      <InboxFiltersPanel query={query} campaigns={campaigns} accounts={accountIds.map((id) => ({ id, name: accountNames.get(id) ?? null }))} hidden={{ sort: link.sort, direction: link.direction }} />
      {/* Keyed by the URL state, not by the rows: the decision's status line survives the refresh that follows it. */}
      <ReviewTable key={JSON.stringify(link) + query.page} items={items} delegates={listDelegateCandidates(database, user.email)} minKeepUntil={earliestKeepUntil()} basePath="/inbox" params={link} sort={{ key: query.sort, direction: query.direction }} />
      {result.total === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{query.status === 'pending' ? 'Nothing left to review here. Choose “All” or “Decided” to see or change your decisions.' : 'No items match these filters.'}</p>
      ) : null}
      <Pagination basePath="/inbox" label="My reviews pages" params={link} page={result.page} pageSize={PAGE_SIZE} total={result.total} />
    </div>
  );
}
