import { getDatabase } from '@/db/client';
import { decideItem } from '@/db/queries/campaigns/decide';
import { sendEmails } from '@/lib/campaigns/email';
import { itemDecisionRequestSchema } from '@/lib/campaigns/request-schemas';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/** Attest, revoke or delegate one of the caller's own items (409 when the version is stale). */
export const POST = defineRoute({ roles: ['owner', 'admin'], body: itemDecisionRequestSchema }, async ({ user, body, params }) => {
  const { emails, ...result } = decideItem(getDatabase(), {
    itemId: parseIdParam(params.id),
    expectedVersion: body.version,
    reviewerEmail: user.email,
    decision: body.decision,
    now: new Date(),
  });
  await sendEmails(getConfig().smtp, emails);
  return result;
});
