import { ConflictError, NotFoundError } from '../http/errors';
import type { RevocationRequestFacts } from '../revocations/plan-request';
import { CAMPAIGN_CLOSE_ACTOR, closeOutcomeFor, type CloseBehaviour } from './close-behaviour';

export interface CloseFacts {
  /** The campaign to close; undefined when there is no such campaign. */
  campaign: { id: number; status: string; closeBehaviour: CloseBehaviour; scanId: number; name: string } | undefined;
  /** Its items still pending (undecided). */
  undecided: readonly { id: number; principalArn: string; accountId: string; entitlementKey: string; version: number }[];
  actor: string;
  now: Date;
  reason: 'manual' | 'due-date';
}

/** One undecided item revoked by the close: the system decision, the item's new state and its revocation request. */
export interface ClosedItemRevocation {
  decision: { itemId: number; campaignId: number; kind: 'revoke'; justification: string; decidedBy: string; decidedAt: string; scanId: number };
  itemUpdate: { itemId: number; set: { status: 'revoked'; version: number } };
  revocationRequest: Omit<RevocationRequestFacts, 'accountSource' | 'openRevocationId'>;
}

export interface ClosePlan {
  campaignId: number;
  /** 'revoke' behaviour: one entry per undecided item, written in order. */
  revokedItems: ClosedItemRevocation[];
  /** 'report' behaviour: the undecided items marked not certified (their version moves on). */
  notCertifiedItemIds: number[];
  campaignUpdate: { status: 'closed'; closedAt: string };
  /** `after.revocationIds` is a placeholder the writer fills with the ids of the requests it inserted. */
  audit: {
    actor: string;
    action: 'campaign.close';
    objectType: 'campaign';
    objectId: number;
    before: { status: 'active' };
    after: { status: 'closed'; reason: CloseFacts['reason']; closeBehaviour: CloseBehaviour; undecidedCount: number; outcome: 'not-certified' | 'revoked'; revocationIds: number[] };
  };
  result: { campaignId: number; undecidedCount: number; outcome: 'not-certified' | 'revoked' };
}

/**
 * Plans a campaign's close: its close behaviour applied to the undecided items. 'report' marks them
 * not certified; 'revoke' marks them revoked with a system decision and requests their revocation
 * (origin 'campaign-close'). Closing an unknown campaign throws NotFoundError, closing twice ConflictError.
 */
export function planClose(facts: CloseFacts): ClosePlan {
  const campaign = facts.campaign;
  if (!campaign) throw new NotFoundError('No such campaign.');
  if (campaign.status !== 'active') throw new ConflictError('This campaign is already closed.');
  const at = facts.now.toISOString();
  const outcome = closeOutcomeFor(campaign.closeBehaviour);
  const justification = `Undecided when campaign "${campaign.name}" closed; the campaign revokes undecided items.`;
  const revokedItems: ClosedItemRevocation[] = outcome.createsRevocation
    ? facts.undecided.map((item) => ({
        decision: { itemId: item.id, campaignId: campaign.id, kind: 'revoke', justification, decidedBy: CAMPAIGN_CLOSE_ACTOR, decidedAt: at, scanId: campaign.scanId },
        itemUpdate: { itemId: item.id, set: { status: 'revoked', version: item.version + 1 } },
        revocationRequest: {
          origin: 'campaign-close',
          campaignItemId: item.id,
          principalArn: item.principalArn,
          accountId: item.accountId,
          entitlementKey: item.entitlementKey,
          justification,
          requestedBy: facts.actor,
          now: facts.now,
          plan: null,
        },
      }))
    : [];
  return {
    campaignId: campaign.id,
    revokedItems,
    notCertifiedItemIds: outcome.createsRevocation ? [] : facts.undecided.map((item) => item.id),
    campaignUpdate: { status: 'closed', closedAt: at },
    audit: {
      actor: facts.actor,
      action: 'campaign.close',
      objectType: 'campaign',
      objectId: campaign.id,
      before: { status: 'active' },
      after: { status: 'closed', reason: facts.reason, closeBehaviour: campaign.closeBehaviour, undecidedCount: facts.undecided.length, outcome: outcome.status, revocationIds: [] },
    },
    result: { campaignId: campaign.id, undecidedCount: facts.undecided.length, outcome: outcome.status },
  };
}
