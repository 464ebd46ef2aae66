import type { CampaignDefinitionSummary } from '@/db/queries/campaigns/definitions';
import { Card } from '@/components/ui/card';
import { CampaignSchedulesTable } from './campaign-schedules-table';

/** Recurring campaign definitions, launched by the worker when their cron expression fires. */
export function CampaignSchedulesPanel({ schedules, isAdmin }: { schedules: CampaignDefinitionSummary[]; isAdmin: boolean }) {
  return (
    <Card title="Recurring schedules" id="schedules" className="min-w-0">
      {schedules.length === 0 ? (
        <p className="text-sm text-slate-700">No recurring campaign. A definition with a cron expression is launched by the worker.</p>
      ) : (
        <CampaignSchedulesTable schedules={schedules} canLaunch={isAdmin} />
      )}
    </Card>
  );
}
