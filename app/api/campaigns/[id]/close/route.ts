import { getDatabase } from '@/db/client';
import { closeCampaign } from '@/db/queries/campaigns/close';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';

/** Closes a campaign now and applies its close behaviour to undecided items. */
export const POST = defineRoute({ roles: ['admin'] }, ({ user, params }) =>
  closeCampaign(getDatabase(), { campaignId: parseIdParam(params.id), actor: user.email, now: new Date(), reason: 'manual' }),
);
