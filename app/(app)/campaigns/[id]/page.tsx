import Link from 'next/link';
import { listRevocationsOfCampaignItems } from '@/db/queries/revocations/for-campaign-items';
import { CampaignRevocationNote } from '@/components/revocations/campaign-revocation-note';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { campaignProgressBy, completionPercent, getCampaignSummary, listCampaignItems, type CampaignItemFilters, type CampaignSummary } from '@/db/queries/campaigns/progress';
import { requirePageUser } from '@/server/auth/session';
import { NotFoundError } from '@/lib/http/errors';
import { describeScope } from '@/lib/campaigns/scope';
import { CLOSE_BEHAVIOUR_LABELS } from '@/lib/campaigns/close-behaviour';
import { isOverdue } from '@/lib/campaigns/timing';
import { PartialSnapshotBanner, StatusBadge } from '@/components/campaigns/badges';
import { CloseCampaignButton } from '@/components/campaigns/campaign-actions';
import { ProgressChart } from '@/components/campaigns/progress-chart';
import { policyLabel } from '@/components/campaigns/item-view';
import { Pager } from '@/components/campaigns/pager';
import { cardClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/components/campaigns/form-styles';
import type { GroupProgress } from '@/db/queries/campaigns/progress';
import { parsePageParam } from '@/lib/http/page-param';

export const metadata = { title: 'Campaign' };

const PAGE_SIZE = 50;
const ITEM_STATUSES = ['all', 'pending', 'decided', 'attested', 'revoked', 'not-certified'] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value || undefined;
}

function loadSummary(campaignId: number): CampaignSummary {
  try {
    return getCampaignSummary(getDatabase(), campaignId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

function ProgressTable({ rows, keyLabel, caption }: { rows: GroupProgress[]; keyLabel: string; caption: string }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-3">{keyLabel}</th>
          <th scope="col" className="py-2 pr-3 text-right">Items</th>
          <th scope="col" className="py-2 pr-3 text-right">Attested</th>
          <th scope="col" className="py-2 pr-3 text-right">Revoked</th>
          <th scope="col" className="py-2 pr-3 text-right">Not certified</th>
          <th scope="col" className="py-2 pr-3 text-right">Pending</th>
          <th scope="col" className="py-2 text-right">Complete</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-100">
            <th scope="row" className="py-1.5 pr-3 font-normal">{row.key}</th>
            <td className="py-1.5 pr-3 text-right">{row.total}</td>
            <td className="py-1.5 pr-3 text-right">{row.attested}</td>
            <td className="py-1.5 pr-3 text-right">{row.revoked}</td>
            <td className="py-1.5 pr-3 text-right">{row.notCertified}</td>
            <td className="py-1.5 pr-3 text-right">{row.pending}</td>
            <td className="py-1.5 text-right">{row.completion}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requirePageUser('admin', 'auditor');
  const { id } = await params;
  const campaignId = Number(id);
  if (!Number.isSafeInteger(campaignId) || campaignId < 1) notFound();
  const campaign = loadSummary(campaignId);
  const query = await searchParams;
  const statusParam = single(query.status);
  const status = (ITEM_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as CampaignItemFilters['status']) : 'all';
  const reviewerEmail = single(query.reviewer);
  const accountId = single(query.account);
  const search = single(query.q);
  const page = parsePageParam(query.page);

  const database = getDatabase();
  const byReviewer = campaignProgressBy(database, campaignId, 'reviewer');
  const byAccount = campaignProgressBy(database, campaignId, 'account');
  const items = listCampaignItems(database, campaignId, { status, reviewerEmail, accountId, search }, page, PAGE_SIZE);
  const itemRevocations = listRevocationsOfCampaignItems(database, items.rows.map((item) => item.id));
  const counts = campaign.counts;
  const isActive = campaign.status === 'active';
  const overdue = isOverdue({ status: isActive ? 'active' : 'closed', dueAt: campaign.dueAt }, new Date());

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <Link href="/campaigns" className="text-sm text-brand-700 underline">
          Back to campaigns
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold text-slate-900">{campaign.name}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <StatusBadge status={campaign.status} />
              <span>{campaign.kind === 'micro' ? 'Micro-certification' : 'Standard campaign'}</span>
              <span>· snapshot #{campaign.scanId}</span>
              <span>· launched {campaign.launchedAt.slice(0, 10)} by {campaign.launchedBy}</span>
              <span>· due {campaign.dueAt.slice(0, 10)}</span>
              {campaign.closedAt ? <span>· closed {campaign.closedAt.slice(0, 10)}</span> : null}
              {overdue ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Overdue</span> : null}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              Scope: {describeScope(campaign.scope)}. At close: {CLOSE_BEHAVIOUR_LABELS[campaign.closeBehaviour].toLowerCase()}.
            </p>
          </div>
          <div className="flex flex-col items-end gap-2">
            <div className="flex flex-wrap justify-end gap-2">
              <a href={`/api/campaigns/${campaign.id}/evidence/bundle`} className={secondaryButtonClass} download title="items.csv, decisions.csv, summary.json and a signed manifest of their SHA-256 digests">
                Evidence bundle (signed .tar)
              </a>
              <a href={`/api/campaigns/${campaign.id}/evidence/bundle?format=json`} className={secondaryButtonClass} download>
                Evidence bundle (JSON)
              </a>
              <a href={`/api/campaigns/${campaign.id}/evidence?format=csv`} className={secondaryButtonClass} download>
                Download evidence (CSV)
              </a>
              <a href={`/api/campaigns/${campaign.id}/evidence?format=json`} className={secondaryButtonClass} download>
                Download evidence (JSON)
              </a>
            </div>
            {user.role === 'admin' && isActive ? <CloseCampaignButton campaignId={campaign.id} pendingCount={counts.pending} closeBehaviour={campaign.closeBehaviour} /> : null}
          </div>
        </div>
      </div>
      {campaign.isPartialSnapshot ? <PartialSnapshotBanner /> : null}

      <section aria-labelledby="summary-heading" className={cardClass}>
        <h2 id="summary-heading" className="text-lg font-semibold">
          Completion
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 text-center sm:grid-cols-6">
          {[
            ['Complete', `${completionPercent(counts)}%`],
            ['Items', counts.total],
            ['Attested', counts.attested],
            ['Revoked', counts.revoked],
            ['Not certified', counts.notCertified],
            ['Pending', counts.pending],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
              <dd className="mt-1 text-2xl font-bold text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="by-reviewer-heading" className={cardClass}>
          <h2 id="by-reviewer-heading" className="text-lg font-semibold">
            Progress by reviewer
          </h2>
          <ProgressChart rows={byReviewer.slice(0, 15)} title="Decisions by reviewer" />
          <ProgressTable rows={byReviewer} keyLabel="Reviewer" caption="Completion by reviewer" />
        </section>
        <section aria-labelledby="by-account-heading" className={cardClass}>
          <h2 id="by-account-heading" className="text-lg font-semibold">
            Progress by account
          </h2>
          <ProgressChart rows={byAccount.slice(0, 15)} title="Decisions by account" />
          <ProgressTable rows={byAccount} keyLabel="Account" caption="Completion by account" />
        </section>
      </div>

      <section aria-labelledby="items-heading" className={cardClass}>
        <h2 id="items-heading" className="text-lg font-semibold">
          Items
        </h2>
        <form method="get" className="mt-3 grid gap-3 sm:grid-cols-5" aria-label="Filter items">
          <div>
            <label htmlFor="items-status" className={labelClass}>
              Status
            </label>
            <select id="items-status" name="status" defaultValue={status} className={inputClass}>
              <option value="all">All</option>
              <option value="pending">Pending</option>
              <option value="decided">Decided</option>
              <option value="attested">Attested</option>
              <option value="revoked">Revoked</option>
              <option value="not-certified">Not certified</option>
            </select>
          </div>
          <div>
            <label htmlFor="items-reviewer" className={labelClass}>
              Reviewer
            </label>
            <select id="items-reviewer" name="reviewer" defaultValue={reviewerEmail ?? ''} className={inputClass}>
              <option value="">All reviewers</option>
              {byReviewer.map((row) => (
                <option key={row.key} value={row.key}>
                  {row.key}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="items-account" className={labelClass}>
              Account
            </label>
            <select id="items-account" name="account" defaultValue={accountId ?? ''} className={inputClass}>
              <option value="">All accounts</option>
              {byAccount.map((row) => (
                <option key={row.key} value={row.key}>
                  {row.key}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="items-search" className={labelClass}>
              Principal name
            </label>
            <input id="items-search" name="q" defaultValue={search ?? ''} className={inputClass} />
          </div>
          <div className="flex items-end">
            <button type="submit" className={primaryButtonClass}>
              Apply filters
            </button>
          </div>
        </form>
        {items.total === 0 ? (
          <p className="mt-4 text-sm text-slate-700">No items match these filters.</p>
        ) : (
          <div tabIndex={0} className="mt-4 overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Campaign items, page {items.page}</caption>
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">Principal</th>
                  <th scope="col" className="py-2 pr-3">Account</th>
                  <th scope="col" className="py-2 pr-3">Entitlement</th>
                  <th scope="col" className="py-2 pr-3 text-right">Blast radius</th>
                  <th scope="col" className="py-2 pr-3">Reviewer</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2">Decision</th>
                </tr>
              </thead>
              <tbody>
                {items.rows.map((item) => (
                  <tr key={item.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3">
                      <span className="font-medium">{item.principalName}</span> <span className="text-slate-600">{item.principalType}</span>
                    </td>
                    <td className="py-2 pr-3 font-mono">{item.accountId}</td>
                    <td className="py-2 pr-3">
                      {policyLabel(item.context.grantPath)}
                      <span className="block text-xs text-slate-600">{item.context.tiers.join(', ')}</span>
                    </td>
                    <td className="py-2 pr-3 text-right">{item.score}</td>
                    <td className="py-2 pr-3">
                      {item.reviewerEmail}
                      <span className="block text-xs text-slate-600">{item.reviewerReason}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={item.status} />
                      <CampaignRevocationNote revocation={itemRevocations.get(item.id)} />
                    </td>
                    <td className="py-2">
                      {item.lastDecision ? (
                        <>
                          {item.lastDecision.kind} by {item.lastDecision.decidedBy}
                          <span className="block text-xs text-slate-600">
                            {item.lastDecision.decidedAt.slice(0, 16).replace('T', ' ')}: {item.lastDecision.justification}
                          </span>
                        </>
                      ) : (
                        <span className="text-slate-600">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          basePath={`/campaigns/${campaign.id}`}
          label="Item pages"
          params={{ status, reviewer: reviewerEmail, account: accountId, q: search }}
          page={items.page}
          pageSize={PAGE_SIZE}
          total={items.total}
        />
      </section>
    </div>
  );
}
