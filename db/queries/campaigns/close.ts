import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignItems, campaigns, decisions, revocations } from '../../schema';
import { appendAudit } from '../audit';
import { ConflictError, NotFoundError } from '../../../lib/http/errors';
import { CAMPAIGN_CLOSE_ACTOR, closeOutcomeFor } from '../../../lib/campaigns/close-behaviour';
import { inWriteTransaction } from '../../write-transaction';

export interface CloseCampaignResult {
  campaignId: number;
  undecidedCount: number;
  outcome: 'not-certified' | 'revoked';
  revocationIds: number[];
}

const CHUNK = 400;

/**
 * Closes a campaign and applies its close behaviour to undecided items, in one transaction:
 * 'report' marks them not certified; 'revoke' marks them revoked, records a system decision and
 * creates revocation requests (origin 'campaign-close'). Closing twice is refused.
 */
export function closeCampaign(database: AppDatabase, input: { campaignId: number; actor: string; now: Date; reason: 'manual' | 'due-date' }): CloseCampaignResult {
  return inWriteTransaction(database, () => {
    const campaign = database
      .select({ id: campaigns.id, status: campaigns.status, closeBehaviour: campaigns.closeBehaviour, scanId: campaigns.scanId, name: campaigns.name })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .get();
    if (!campaign) throw new NotFoundError('No such campaign.');
    if (campaign.status !== 'active') throw new ConflictError('This campaign is already closed.');
    const at = input.now.toISOString();
    const outcome = closeOutcomeFor(campaign.closeBehaviour);
    const undecided = database
      .select({ id: campaignItems.id, principalArn: campaignItems.principalArn, accountId: campaignItems.accountId, entitlementKey: campaignItems.entitlementKey, version: campaignItems.version })
      .from(campaignItems)
      .where(and(eq(campaignItems.campaignId, campaign.id), eq(campaignItems.status, 'pending')))
      .all();

    const revocationIds: number[] = [];
    if (outcome.createsRevocation) {
      const sources = new Map(database.select({ id: accounts.id, source: accounts.source }).from(accounts).all().map((account) => [account.id, account.source]));
      const justification = `Undecided when campaign "${campaign.name}" closed; the campaign revokes undecided items.`;
      for (const item of undecided) {
        const decision = database
          .insert(decisions)
          .values({ itemId: item.id, campaignId: campaign.id, kind: 'revoke', justification, decidedBy: CAMPAIGN_CLOSE_ACTOR, decidedAt: at, scanId: campaign.scanId })
          .returning({ id: decisions.id })
          .get();
        database.update(campaignItems).set({ status: 'revoked', lastDecisionId: decision.id, version: item.version + 1 }).where(eq(campaignItems.id, item.id)).run();
        revocationIds.push(
          database
            .insert(revocations)
            .values({
              status: 'requested',
              origin: 'campaign-close',
              campaignItemId: item.id,
              principalArn: item.principalArn,
              accountId: item.accountId,
              entitlementKey: item.entitlementKey,
              mode: sources.get(item.accountId) === 'offline' ? 'offline' : 'live',
              justification,
              requestedBy: input.actor,
              requestedAt: at,
            })
            .returning({ id: revocations.id })
            .get().id,
        );
      }
    } else {
      const ids = undecided.map((item) => item.id);
      for (let index = 0; index < ids.length; index += CHUNK) {
        database
          .update(campaignItems)
          .set({ status: 'not-certified' })
          .where(inArray(campaignItems.id, ids.slice(index, index + CHUNK)))
          .run();
      }
      database.$client.prepare("UPDATE campaign_items SET version = version + 1 WHERE campaign_id = ? AND status = 'not-certified'").run(campaign.id);
    }
    database.update(campaigns).set({ status: 'closed', closedAt: at }).where(eq(campaigns.id, campaign.id)).run();
    appendAudit(
      database,
      {
        actor: input.actor,
        action: 'campaign.close',
        objectType: 'campaign',
        objectId: campaign.id,
        before: { status: 'active' },
        after: { status: 'closed', reason: input.reason, closeBehaviour: campaign.closeBehaviour, undecidedCount: undecided.length, outcome: outcome.status, revocationIds },
      },
      input.now,
    );
    return { campaignId: campaign.id, undecidedCount: undecided.length, outcome: outcome.status, revocationIds };
  });
}
