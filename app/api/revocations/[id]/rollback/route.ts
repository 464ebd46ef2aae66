import { getDatabase } from '@/db/client';
import { requestRollback } from '@/db/queries/revocations/commands';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';

/** Live: the worker restores the recorded before-state. Offline: the script becomes the rollback script. */
export const POST = defineRoute({ roles: ['admin'] }, ({ user, params }) => requestRollback(getDatabase(), { id: parseIdParam(params.id), actor: user.email, now: new Date() }));
