import { getDatabase } from '@/db/client';
import { createCampaignDefinition } from '@/db/queries/campaigns/definitions';
import { sendEmails } from '@/lib/campaigns/email';
import { campaignDefinitionRequestSchema } from '@/lib/campaigns/request-schemas';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/** Creates a campaign definition; a one-off definition is launched at once. */
export const POST = defineRoute({ roles: ['admin'], body: campaignDefinitionRequestSchema }, async ({ user, body }) => {
  const config = getConfig();
  const { definitionId, launch } = createCampaignDefinition(
    getDatabase(),
    { ...body, schedule: body.schedule || null },
    { actor: user.email, now: new Date(), fallbackReviewers: config.campaigns.fallbackReviewers },
  );
  if (launch) await sendEmails(config.smtp, launch.emails);
  return { definitionId, campaignId: launch?.campaignId ?? null, itemCount: launch?.itemCount ?? 0 };
});
