import { getDatabase } from '@/db/client';
import { acceptConflictAsException, acceptExceptionSchema } from '@/db/queries/conflicts';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/**
 * Accept an SoD conflict as an exception (admin only; audited in the query's transaction). A
 * critical conflict needs a second admin while four-eyes is on (the revocations setting).
 */
export const POST = defineRoute({ roles: ['admin'], body: acceptExceptionSchema }, ({ user, body }) =>
  acceptConflictAsException(getDatabase(), body, user.email, new Date(), { requireFourEyes: getConfig().revocations.requireFourEyes }),
);
