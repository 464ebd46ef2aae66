import Link from 'next/link';
import type { CampaignSummary } from '@/db/queries/campaigns/progress';
import { CLOSE_BEHAVIOUR_LABELS } from '@/lib/campaigns/close-behaviour';
import { describeScope } from '@/lib/campaigns/scope';
import { PartialSnapshotBanner, StatusBadge } from './badges';
import { CloseCampaignButton } from './campaign-actions';
import { secondaryButtonClass } from './form-styles';

const DOWNLOADS = [
  { suffix: 'evidence/bundle', label: 'Evidence bundle (signed .tar)', title: 'items.csv, decisions.csv, summary.json and a signed manifest of their SHA-256 digests' },
  { suffix: 'evidence/bundle?format=json', label: 'Evidence bundle (JSON)' },
  { suffix: 'evidence?format=csv', label: 'Download evidence (CSV)' },
  { suffix: 'evidence?format=json', label: 'Download evidence (JSON)' },
];

/** The campaign's name, state, dates, scope, evidence downloads and (for an admin, while active) the close button. */
export function CampaignHeaderPanel({ campaign, isOverdue, canClose }: { campaign: CampaignSummary; isOverdue: boolean; canClose: boolean }) {
  return (
    <div className="space-y-3">
      <Link href="/campaigns" className="text-sm text-brand-700 underline">
        Back to campaigns
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words text-slate-900">{campaign.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <StatusBadge status={campaign.status} />
            <span>{campaign.kind === 'micro' ? 'Micro-certification' : 'Standard campaign'}</span>
            <span>· snapshot #{campaign.scanId}</span>
            <span>
              · launched {campaign.launchedAt.slice(0, 10)} by {campaign.launchedBy}
            </span>
            <span>· due {campaign.dueAt.slice(0, 10)}</span>
            {campaign.closedAt ? <span>· closed {campaign.closedAt.slice(0, 10)}</span> : null}
            {isOverdue ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Overdue</span> : null}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            Scope: {describeScope(campaign.scope)}. At close: {CLOSE_BEHAVIOUR_LABELS[campaign.closeBehaviour].toLowerCase()}.
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <div className="flex flex-wrap justify-end gap-2">
            {DOWNLOADS.map((download) => (
              <a key={download.suffix} href={`/api/campaigns/${campaign.id}/${download.suffix}`} className={secondaryButtonClass} download title={download.title}>
                {download.label}
              </a>
            ))}
          </div>
          {canClose ? <CloseCampaignButton campaignId={campaign.id} pendingCount={campaign.counts.pending} closeBehaviour={campaign.closeBehaviour} /> : null}
        </div>
      </div>
      {campaign.isPartialSnapshot ? <PartialSnapshotBanner /> : null}
    </div>
  );
}
