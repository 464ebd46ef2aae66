import { getDatabase } from '@/db/client';
import { rejectRevocation } from '@/db/queries/revocations/commands';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';
import { revocationRejectSchema } from '@/lib/revocations/request-schemas';

export const POST = defineRoute({ roles: ['admin'], body: revocationRejectSchema }, ({ user, params, body }) => {
  rejectRevocation(getDatabase(), { id: parseIdParam(params.id), actor: user.email, now: new Date(), reason: body.reason });
  return { status: 'rejected' };
});
