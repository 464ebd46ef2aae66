import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignItems, entitlements, revocations } from '../../schema';
import type { BundleDecision, BundleItem } from '../../../lib/campaigns/evidence-bundle';
import { buildEvidence, type EvidenceSummary } from './evidence';

/**
 * The rows of a campaign's evidence bundle: the evidence of `buildEvidence` with account names,
 * the policy of each entitlement (from the campaign's snapshot) and the state of the latest
 * revocation each item caused.
 */
export function loadEvidenceBundleRows(database: AppDatabase, campaignId: number, now: Date): { summary: EvidenceSummary; items: BundleItem[]; decisions: BundleDecision[] } {
  const evidence = buildEvidence(database, campaignId, now);
  const accountNames = new Map(database.select({ id: accounts.id, name: accounts.name }).from(accounts).all().map((row) => [row.id, row.name]));
  const keys = [...new Set(evidence.items.map((item) => item.entitlementKey))];
  const policyNames = new Map<string, string>();
  for (let start = 0; start < keys.length; start += 500) {
    const rows = database
      .select({ key: entitlements.entitlementKey, policyName: entitlements.policyName })
      .from(entitlements)
      .where(and(eq(entitlements.scanId, evidence.summary.snapshotId), inArray(entitlements.entitlementKey, keys.slice(start, start + 500))))
      .all();
    for (const row of rows) policyNames.set(row.key, row.policyName);
  }
  const latestRevocation = new Map<number, { id: number; status: string }>();
  const revocationRows = database
    .select({ id: revocations.id, itemId: revocations.campaignItemId, status: revocations.status })
    .from(revocations)
    .innerJoin(campaignItems, eq(campaignItems.id, revocations.campaignItemId))
    .where(eq(campaignItems.campaignId, campaignId))
    .orderBy(asc(revocations.id))
    .all();
  for (const row of revocationRows) if (row.itemId !== null) latestRevocation.set(row.itemId, { id: row.id, status: row.status });
  const items: BundleItem[] = evidence.items.map((item) => {
    const revocation = latestRevocation.get(item.itemId);
    return {
      itemId: item.itemId,
      principalName: item.principalName,
      principalArn: item.principalArn,
      principalType: item.principalType,
      accountId: item.accountId,
      accountName: accountNames.get(item.accountId) ?? null,
      entitlementKey: item.entitlementKey,
      policyName: policyNames.get(item.entitlementKey) ?? item.permissionSetName,
      tiers: item.tiers,
      score: item.score,
      reviewerEmail: item.reviewerEmail,
      reviewerReason: item.reviewerReason,
      status: item.status,
      decidedBy: item.decidedBy,
      decidedAt: item.decidedAt,
      justification: item.justification,
      keepUntil: item.keepUntil,
      revocationId: revocation?.id ?? null,
      remediationState: revocation?.status ?? null,
      snapshotId: item.snapshotId,
      itemKind: item.itemKind,
      person: item.personUserName,
      personEmail: item.personEmail,
      permissionSetName: item.permissionSetName,
      viaGroup: item.itemKind === 'assignment' ? (item.viaGroupName ?? 'direct') : null,
    };
  });
  const itemsById = new Map(items.map((item) => [item.itemId, item]));
  const decisions: BundleDecision[] = evidence.decisions.map((decision) => ({
    decisionId: decision.id,
    itemId: decision.itemId,
    principalName: itemsById.get(decision.itemId)?.principalName ?? '',
    accountId: itemsById.get(decision.itemId)?.accountId ?? '',
    kind: decision.kind,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
    justification: decision.justification,
    keepUntil: decision.keepUntil,
    delegateTo: decision.delegateTo,
    snapshotId: decision.snapshotId,
    permissionSetName: itemsById.get(decision.itemId)?.permissionSetName ?? null,
    viaGroup: itemsById.get(decision.itemId)?.viaGroup ?? null,
  }));
  return { summary: evidence.summary, items, decisions };
}
