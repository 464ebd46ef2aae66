import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns, decisions } from '../../schema';
import { appendAudit } from '../audit';
import { planClose, type ClosePlan } from '../../../lib/campaigns/plan-close';
import { inWriteTransaction } from '../../write-transaction';
import { insertRevocationRequest } from '../revocations/insert-revocation-request';

export interface CloseCampaignResult {
  campaignId: number;
  undecidedCount: number;
  outcome: 'not-certified' | 'revoked';
  revocationIds: number[];
}

const CHUNK = 400;

/** Writes a close plan; returns the ids of the revocation requests it inserted. */
function writeClosePlan(database: AppDatabase, plan: ClosePlan, now: Date): number[] {
  const revocationIds: number[] = [];
  for (const item of plan.revokedItems) {
    const decision = database.insert(decisions).values(item.decision).returning({ id: decisions.id }).get();
    database.update(campaignItems).set({ ...item.itemUpdate.set, lastDecisionId: decision.id }).where(eq(campaignItems.id, item.itemUpdate.itemId)).run();
    revocationIds.push(insertRevocationRequest(database, item.revocationRequest).id);
  }
  const ids = plan.notCertifiedItemIds;
  for (let index = 0; index < ids.length; index += CHUNK) {
    database
      .update(campaignItems)
      .set({ status: 'not-certified' })
      .where(inArray(campaignItems.id, ids.slice(index, index + CHUNK)))
      .run();
  }
  if (ids.length > 0) database.$client.prepare("UPDATE campaign_items SET version = version + 1 WHERE campaign_id = ? AND status = 'not-certified'").run(plan.campaignId);
  database.update(campaigns).set(plan.campaignUpdate).where(eq(campaigns.id, plan.campaignId)).run();
  appendAudit(database, { ...plan.audit, after: { ...plan.audit.after, revocationIds } }, now);
  return revocationIds;
}

/**
 * Closes a campaign and applies its close behaviour to undecided items, in one transaction:
 * 'report' marks them not certified; 'revoke' marks them revoked, records a system decision and
 * creates revocation requests (origin 'campaign-close'). Closing twice is refused. The rules live
 * in lib/campaigns/plan-close.ts; this reads the facts and writes the plan.
 */
export function closeCampaign(database: AppDatabase, input: { campaignId: number; actor: string; now: Date; reason: 'manual' | 'due-date' }): CloseCampaignResult {
  return inWriteTransaction(database, () => {
    const campaign = database
      .select({ id: campaigns.id, status: campaigns.status, closeBehaviour: campaigns.closeBehaviour, scanId: campaigns.scanId, name: campaigns.name })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .get();
    const undecided = campaign
      ? database
          .select({ id: campaignItems.id, principalArn: campaignItems.principalArn, accountId: campaignItems.accountId, entitlementKey: campaignItems.entitlementKey, version: campaignItems.version })
          .from(campaignItems)
          .where(and(eq(campaignItems.campaignId, campaign.id), eq(campaignItems.status, 'pending')))
          .all()
      : [];
    const plan = planClose({ campaign, undecided, actor: input.actor, now: input.now, reason: input.reason });
    const revocationIds = writeClosePlan(database, plan, input.now);
    return { ...plan.result, revocationIds };
  });
}
