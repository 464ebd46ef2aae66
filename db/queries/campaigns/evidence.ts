import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, decisions } from '../../schema';
import { buildCsv, type CsvColumn } from '../../../lib/campaigns/csv';
import { CAMPAIGN_CLOSE_ACTOR } from '../../../lib/campaigns/close-behaviour';
import { maskToTiers } from '../../../lib/analysis/tier-mask';
import { describeScope } from '../../../lib/campaigns/scope';
import { completionPercent, getCampaignSummary, type CampaignSummary } from './progress';

export interface EvidenceItem {
  itemId: number;
  accountId: string;
  principalArn: string;
  principalName: string;
  principalType: string;
  entitlementKey: string;
  tiers: string;
  score: number;
  reviewerEmail: string;
  reviewerReason: string;
  status: string;
  decision: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  justification: string | null;
  keepUntil: string | null;
  delegateTo: string | null;
  /** The snapshot the decision was made on (the campaign's snapshot when undecided). */
  snapshotId: number;
  /** `assignment` items (#14) name the person, the permission set and the group; null on entitlement items. */
  itemKind: string;
  personUserName: string | null;
  personEmail: string | null;
  permissionSetName: string | null;
  viaGroupName: string | null;
}

export interface EvidenceSummary {
  campaignId: number;
  campaignName: string;
  kind: string;
  status: string;
  scope: string;
  closeBehaviour: string;
  snapshotId: number;
  isPartialSnapshot: boolean;
  launchedAt: string;
  launchedBy: string;
  dueAt: string;
  closedAt: string | null;
  generatedAt: string;
  totals: { items: number; attested: number; revoked: number; notCertified: number; pending: number; overdue: number; decisionCount: number };
  completionPercent: number;
}

export interface Evidence {
  summary: EvidenceSummary;
  items: EvidenceItem[];
  /** Every decision ever recorded, including those later changed. */
  decisions: { id: number; itemId: number; kind: string; justification: string; keepUntil: string | null; delegateTo: string | null; decidedBy: string; decidedAt: string; snapshotId: number }[];
}

/**
 * Overdue: items not decided by a reviewer by the due date: still pending past the due date, or
 * closed without a reviewer's decision (not certified, or revoked by the campaign at close).
 */
function countOverdue(campaign: CampaignSummary, items: EvidenceItem[], now: Date): number {
  const isPastDue = new Date(campaign.closedAt ?? now.toISOString()).getTime() > new Date(campaign.dueAt).getTime();
  if (!isPastDue) return 0;
  return items.filter((item) => item.status === 'pending' || item.status === 'not-certified' || item.decidedBy === CAMPAIGN_CLOSE_ACTOR).length;
}

/** Everything an auditor needs about one campaign; meant to be handed over as is. */
export function buildEvidence(database: AppDatabase, campaignId: number, now: Date): Evidence {
  const campaign = getCampaignSummary(database, campaignId);
  const items: EvidenceItem[] = database
    .select({
      itemId: campaignItems.id,
      accountId: campaignItems.accountId,
      principalArn: campaignItems.principalArn,
      principalName: campaignItems.principalName,
      principalType: campaignItems.principalType,
      entitlementKey: campaignItems.entitlementKey,
      tiersMask: campaignItems.tiersMask,
      score: campaignItems.score,
      reviewerEmail: campaignItems.reviewerEmail,
      reviewerReason: campaignItems.reviewerReason,
      status: campaignItems.status,
      decision: decisions.kind,
      decidedAt: decisions.decidedAt,
      decidedBy: decisions.decidedBy,
      justification: decisions.justification,
      keepUntil: campaignItems.keepUntil,
      delegateTo: decisions.delegateTo,
      decisionScanId: decisions.scanId,
      itemKind: campaignItems.itemKind,
      personUserName: campaignItems.personUserName,
      personEmail: campaignItems.personEmail,
      permissionSetName: campaignItems.permissionSetName,
      viaGroupName: campaignItems.viaGroupName,
    })
    .from(campaignItems)
    .leftJoin(decisions, eq(decisions.id, campaignItems.lastDecisionId))
    .where(eq(campaignItems.campaignId, campaignId))
    .orderBy(asc(campaignItems.accountId), asc(campaignItems.principalName), asc(campaignItems.entitlementKey))
    .all()
    .map(({ tiersMask, decisionScanId, ...item }) => ({ ...item, tiers: maskToTiers(tiersMask).join(' '), snapshotId: decisionScanId ?? campaign.scanId }));
  const history = database
    .select({
      id: decisions.id,
      itemId: decisions.itemId,
      kind: decisions.kind,
      justification: decisions.justification,
      keepUntil: decisions.keepUntil,
      delegateTo: decisions.delegateTo,
      decidedBy: decisions.decidedBy,
      decidedAt: decisions.decidedAt,
      snapshotId: decisions.scanId,
    })
    .from(decisions)
    .where(eq(decisions.campaignId, campaignId))
    .orderBy(asc(decisions.id))
    .all();
  return {
    summary: {
      campaignId: campaign.id,
      campaignName: campaign.name,
      kind: campaign.kind,
      status: campaign.status,
      scope: describeScope(campaign.scope),
      closeBehaviour: campaign.closeBehaviour,
      snapshotId: campaign.scanId,
      isPartialSnapshot: campaign.isPartialSnapshot,
      launchedAt: campaign.launchedAt,
      launchedBy: campaign.launchedBy,
      dueAt: campaign.dueAt,
      closedAt: campaign.closedAt,
      generatedAt: now.toISOString(),
      totals: {
        items: campaign.counts.total,
        attested: campaign.counts.attested,
        revoked: campaign.counts.revoked,
        notCertified: campaign.counts.notCertified,
        pending: campaign.counts.pending,
        overdue: countOverdue(campaign, items, now),
        decisionCount: history.length,
      },
      completionPercent: completionPercent(campaign.counts),
    },
    items,
    decisions: history,
  };
}

const ITEM_COLUMNS: CsvColumn<EvidenceItem>[] = [
  { header: 'item_id', value: (item) => item.itemId },
  { header: 'account_id', value: (item) => item.accountId },
  { header: 'principal_arn', value: (item) => item.principalArn },
  { header: 'principal_type', value: (item) => item.principalType },
  { header: 'entitlement', value: (item) => item.entitlementKey },
  { header: 'tiers', value: (item) => item.tiers },
  { header: 'blast_radius', value: (item) => item.score },
  { header: 'reviewer', value: (item) => item.reviewerEmail },
  { header: 'reviewer_reason', value: (item) => item.reviewerReason },
  { header: 'status', value: (item) => item.status },
  { header: 'decision', value: (item) => item.decision },
  { header: 'decided_at', value: (item) => item.decidedAt },
  { header: 'decided_by', value: (item) => item.decidedBy },
  { header: 'justification', value: (item) => item.justification },
  { header: 'keep_until', value: (item) => item.keepUntil },
  { header: 'delegated_to', value: (item) => item.delegateTo },
  { header: 'snapshot_id', value: (item) => item.snapshotId },
  // Identity Center assignment items (#14); empty on entitlement items. Appended so existing readers keep their columns.
  { header: 'item_kind', value: (item) => item.itemKind },
  { header: 'person', value: (item) => item.personUserName },
  { header: 'person_email', value: (item) => item.personEmail },
  { header: 'permission_set', value: (item) => item.permissionSetName },
  { header: 'via_group', value: (item) => (item.itemKind === 'assignment' ? (item.viaGroupName ?? 'direct') : item.viaGroupName) },
];

/**
 * The evidence as CSV: a summary block (key,value lines), a blank line, then one row per item.
 */
export function evidenceToCsv(evidence: Evidence): string {
  const { summary } = evidence;
  const summaryRows: [string, string | number | boolean | null][] = [
    ['campaign_id', summary.campaignId],
    ['campaign', summary.campaignName],
    ['kind', summary.kind],
    ['status', summary.status],
    ['scope', summary.scope],
    ['close_behaviour', summary.closeBehaviour],
    ['snapshot_id', summary.snapshotId],
    ['partial_snapshot', summary.isPartialSnapshot],
    ['launched_at', summary.launchedAt],
    ['launched_by', summary.launchedBy],
    ['due_at', summary.dueAt],
    ['closed_at', summary.closedAt],
    ['generated_at', summary.generatedAt],
    ['total_items', summary.totals.items],
    ['completion_percent', summary.completionPercent],
    ['attested', summary.totals.attested],
    ['revoked', summary.totals.revoked],
    ['not_certified', summary.totals.notCertified],
    ['pending', summary.totals.pending],
    ['overdue', summary.totals.overdue],
    ['decisions_recorded', summary.totals.decisionCount],
  ];
  const head = buildCsv<[string, string | number | boolean | null]>(
    [
      { header: 'summary', value: (row) => row[0] },
      { header: 'value', value: (row) => row[1] },
    ],
    summaryRows,
  );
  return `${head}\r\n${buildCsv(ITEM_COLUMNS, evidence.items)}`;
}
