import { getDatabase } from '@/db/client';
import { listAccountNames } from '@/db/queries/account-names';
import { countCampaignRevocationsByStatus } from '@/db/queries/campaigns/campaign-revocation-counts';
import { listConflictSidesOfItems } from '@/db/queries/campaigns/item-conflicts';
import { listPrincipalIdsOfItems } from '@/db/queries/campaigns/item-principal-ids';
import { listCampaignItemPage } from '@/db/queries/campaigns/list-campaign-item-page';
import { campaignProgressBy, completionPercent, getCampaignSummary } from '@/db/queries/campaigns/progress';
import { listRevocationsOfCampaignItems } from '@/db/queries/revocations/for-campaign-items';
import { CampaignCompletionPanel } from '@/components/campaigns/campaign-completion-panel';
import { CampaignHeaderPanel } from '@/components/campaigns/campaign-header-panel';
import { CampaignItemsPanel } from '@/components/campaigns/campaign-items-panel';
import { CampaignProgressPanel } from '@/components/campaigns/campaign-progress-panel';
import { toInboxItemView } from '@/components/campaigns/item-view';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { summarizeRevocationProgress } from '@/lib/campaigns/revocation-progress';
import { parseCampaignItemSearchParams } from '@/lib/campaigns/search-params';
import { isOverdue } from '@/lib/campaigns/timing';
import { requirePageUser } from '@/server/auth/session';
import { orNotFound } from '@/server/http/or-not-found';

export const metadata = { title: 'Campaign' };

const PAGE_SIZE = 50;

function loadSummary(campaignId: string) {
  return orNotFound(() => getCampaignSummary(getDatabase(), parseIdParam(campaignId)));
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor');
  const campaign = loadSummary((await params).id);
  const query = parseCampaignItemSearchParams(await searchParams);
  const database = getDatabase();
  const byReviewer = campaignProgressBy(database, campaign.id, 'reviewer');
  const byAccount = campaignProgressBy(database, campaign.id, 'account');
  const items = listCampaignItemPage(database, campaign.id, query, PAGE_SIZE);
  const itemIds = items.rows.map((row) => row.id);
  const accountNames = listAccountNames(database, byAccount.map((row) => row.key));
  const revocations = listRevocationsOfCampaignItems(database, itemIds);
  const extras = { accountNames, conflictSides: listConflictSidesOfItems(database, itemIds), principalIds: listPrincipalIdsOfItems(database, itemIds) };
  const isActive = campaign.status === 'active';

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <CampaignHeaderPanel campaign={campaign} isOverdue={isOverdue({ status: isActive ? 'active' : 'closed', dueAt: campaign.dueAt }, new Date())} canClose={user.role === 'admin' && isActive} />
      <CampaignCompletionPanel counts={campaign.counts} completion={completionPercent(campaign.counts)} revocations={summarizeRevocationProgress(countCampaignRevocationsByStatus(database, campaign.id))} />
      <CampaignProgressPanel byReviewer={byReviewer} byAccount={byAccount} accountNames={accountNames} />
      <CampaignItemsPanel campaignId={campaign.id} query={query} items={items.rows.map((row) => toInboxItemView(row, revocations.get(row.id), extras))} total={items.total} pageSize={PAGE_SIZE} reviewers={byReviewer} accounts={byAccount.map((row) => ({ id: row.key, name: accountNames.get(row.key) ?? null }))} />
    </div>
  );
}
