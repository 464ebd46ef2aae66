import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listCampaignDefinitions } from '@/db/queries/campaigns/definitions';
import { listCampaignPage } from '@/db/queries/campaigns/list-campaign-page';
import { campaignListStateParams, parseCampaignListSearchParams } from '@/lib/campaigns/campaign-list-search-params';
import { requirePageUser } from '@/server/auth/session';
import { CAMPAIGN_PAGE_SIZE, CampaignListPanel } from '@/components/campaigns/campaign-list-panel';
import { CampaignSchedulesPanel } from '@/components/campaigns/campaign-schedules-panel';
import { buttonClassName } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Campaigns' };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor');
  const query = parseCampaignListSearchParams(await searchParams);
  const database = getDatabase();
  const { rows, total } = listCampaignPage(database, { ...query, pageSize: CAMPAIGN_PAGE_SIZE });
  const schedules = listCampaignDefinitions(database).filter((definition) => definition.schedule);
  const isAdmin = user.role === 'admin';

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title="Campaigns"
        actions={
          isAdmin ? (
            <Link href="/campaigns/new" className={buttonClassName('primary')}>
              New campaign
            </Link>
          ) : undefined
        }
      />
      <CampaignListPanel rows={rows} total={total} query={query} params={campaignListStateParams(query)} isAdmin={isAdmin} />
      <CampaignSchedulesPanel schedules={schedules} isAdmin={isAdmin} />
    </div>
  );
}
