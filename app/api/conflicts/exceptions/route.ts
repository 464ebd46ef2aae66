import { getDatabase } from '@/db/client';
import { acceptConflictAsException, acceptExceptionSchema } from '@/db/queries/conflicts';
import { defineRoute } from '@/server/http/define-route';

/** Accept an SoD conflict as an exception (admin only; audited in the query's transaction). */
export const POST = defineRoute({ roles: ['admin'], body: acceptExceptionSchema }, ({ user, body }) => acceptConflictAsException(getDatabase(), body, user.email));
