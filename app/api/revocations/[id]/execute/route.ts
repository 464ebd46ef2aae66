import { getDatabase } from '@/db/client';
import { requestExecution } from '@/db/queries/revocations/commands';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';

/** Live: hands the revocation to the worker ('executing'). Offline: produces the CLI script ('awaiting-confirmation' until an import verifies it). */
export const POST = defineRoute({ roles: ['admin'] }, ({ user, params }) => requestExecution(getDatabase(), { id: parseIdParam(params.id), actor: user.email, now: new Date() }));
