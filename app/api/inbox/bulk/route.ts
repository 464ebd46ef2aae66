import { getDatabase } from '@/db/client';
import { decideItems } from '@/db/queries/campaigns/decide';
import { sendEmails } from '@/lib/campaigns/email';
import { bulkDecisionRequestSchema } from '@/lib/campaigns/request-schemas';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/** One decision over a selection of the caller's items; reports applied and skipped items. */
export const POST = defineRoute({ roles: ['owner', 'admin'], body: bulkDecisionRequestSchema }, async ({ user, body }) => {
  const { emails, ...result } = decideItems(getDatabase(), { items: body.items, reviewerEmail: user.email, decision: body.decision, now: new Date() });
  await sendEmails(getConfig().smtp, emails);
  return result;
});
