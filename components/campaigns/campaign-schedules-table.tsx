'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { CampaignDefinitionSummary } from '@/db/queries/campaigns/definitions';
import { describeScope } from '@/lib/campaigns/scope';
import { DataTable } from '@/components/data-table/data-table';
import { LaunchDefinitionButton } from './campaign-actions';

const minute = (value: string | null, otherwise: string) => value?.slice(0, 16).replace('T', ' ') ?? otherwise;

const baseColumns: ColumnDef<CampaignDefinitionSummary, unknown>[] = [
  { id: 'name', header: 'Name', cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
  { id: 'scope', header: 'Scope', cell: ({ row }) => <span className="block min-w-40 max-w-xs break-words">{describeScope(row.original.scope)}</span> },
  { id: 'schedule', header: 'Schedule', cell: ({ row }) => <span className="whitespace-nowrap font-mono">{row.original.schedule}</span> },
  { id: 'last', header: 'Last launch', cell: ({ row }) => <span className="whitespace-nowrap">{minute(row.original.lastLaunchedAt, 'never')}</span> },
  { id: 'next', header: 'Next launch', cell: ({ row }) => <span className="whitespace-nowrap">{minute(row.original.nextLaunchAt, '—')}</span> },
];

const launchColumn: ColumnDef<CampaignDefinitionSummary, unknown> = {
  id: 'actions',
  header: () => <span className="sr-only">Actions</span>,
  cell: ({ row }) => <LaunchDefinitionButton definitionId={row.original.id} name={row.original.name} />,
};

/** Recurring definitions; admins can launch one now. */
export function CampaignSchedulesTable({ schedules, canLaunch }: { schedules: CampaignDefinitionSummary[]; canLaunch: boolean }) {
  return (
    <DataTable
      columns={canLaunch ? [...baseColumns, launchColumn] : baseColumns}
      data={schedules}
      caption="Recurring campaign definitions"
      basePath="/campaigns"
      params={{}}
      getRowId={(definition) => String(definition.id)}
      testId="campaign-schedules-table"
      wrapperClassName="relative"
    />
  );
}
