import { getDatabase } from '@/db/client';
import { approveRevocation } from '@/db/queries/revocations/commands';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';
import { createEngineEvaluate } from '@/lib/revocations/engine';
import { revocationApproveSchema } from '@/lib/revocations/request-schemas';

/** Approves with a comment (four-eyes unless configured off); the plan is recomputed from the latest snapshot and frozen. */
export const POST = defineRoute({ roles: ['admin'], body: revocationApproveSchema }, async ({ user, params, body }) => {
  approveRevocation(getDatabase(), { id: parseIdParam(params.id), actor: user.email, now: new Date(), requireFourEyes: getConfig().revocations.requireFourEyes, comment: body.comment, evaluate: await createEngineEvaluate() });
  return { status: 'approved' };
});
