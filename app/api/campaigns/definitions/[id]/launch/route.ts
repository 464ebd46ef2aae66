import { getDatabase } from '@/db/client';
import { launchDefinition } from '@/db/queries/campaigns/definitions';
import { sendEmails } from '@/lib/campaigns/email';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/** "Launch now" for a (scheduled) definition. */
export const POST = defineRoute({ roles: ['admin'] }, async ({ user, params }) => {
  const config = getConfig();
  const launch = launchDefinition(getDatabase(), parseIdParam(params.id), { actor: user.email, now: new Date(), fallbackReviewers: config.campaigns.fallbackReviewers });
  await sendEmails(config.smtp, launch.emails);
  return { campaignId: launch.campaignId, itemCount: launch.itemCount };
});
