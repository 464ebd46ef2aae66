import { getDatabase } from '@/db/client';
import { approveSodExceptionRequest } from '@/db/queries/approve-sod-exception-request';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';

/** A second admin approves a critical exception request (admin only; never the requester). */
export const POST = defineRoute({ roles: ['admin'], body: undefined }, ({ user, params }) => ({
  status: 'accepted',
  ...approveSodExceptionRequest(getDatabase(), { requestId: parseIdParam(params.id), approver: user.email, now: new Date() }),
}));
