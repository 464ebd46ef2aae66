import { getDatabase } from '@/db/client';
import { approveRevocation } from '@/db/queries/revocations/commands';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/lib/http/define-route';
import { createEngineEvaluate } from '@/lib/revocations/engine';

/** Approves (four-eyes when configured); the plan is recomputed from the latest snapshot and frozen. */
export const POST = defineRoute({ roles: ['admin'] }, async ({ user, params }) => {
  approveRevocation(getDatabase(), { id: parseIdParam(params.id), actor: user.email, now: new Date(), requireFourEyes: getConfig().revocations.requireFourEyes, evaluate: await createEngineEvaluate() });
  return { status: 'approved' };
});
