import { getDatabase } from '@/db/client';
import { previewCampaignScope } from '@/db/queries/campaigns/preview-campaign-scope';
import { campaignScopeSchema } from '@/lib/campaigns/scope';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/** How many items and reviewers a scope would give if launched now; reads only, admins only (like launch). */
export const POST = defineRoute({ roles: ['admin'], body: campaignScopeSchema }, ({ body }) => previewCampaignScope(getDatabase(), body, getConfig().campaigns.fallbackReviewers));
