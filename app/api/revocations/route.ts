import { getDatabase } from '@/db/client';
import { requestRevocation } from '@/db/queries/revocations/commands';
import { defineRoute } from '@/server/http/define-route';
import { createEngineEvaluate } from '@/lib/revocations/engine';
import { revocationRequestSchema } from '@/lib/revocations/request-schemas';

/** An admin asks to revoke one grant path of a principal; it is planned at once. */
export const POST = defineRoute({ roles: ['admin'], body: revocationRequestSchema }, async ({ user, body }) =>
  requestRevocation(getDatabase(), { ...body, actor: user.email, now: new Date(), evaluate: await createEngineEvaluate() }),
);
