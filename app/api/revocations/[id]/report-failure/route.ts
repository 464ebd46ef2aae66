import { getDatabase } from '@/db/client';
import { reportScriptFailure } from '@/db/queries/revocations/report-script-failure';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { reportScriptFailureSchema } from '@/lib/revocations/script-failure';
import { defineRoute } from '@/server/http/define-route';

/** An admin reports that the offline AWS CLI script failed, with its output (audited). */
export const POST = defineRoute({ roles: ['admin'], body: reportScriptFailureSchema }, ({ user, params, body }) =>
  reportScriptFailure(getDatabase(), { id: parseIdParam(params.id), actor: user.email, now: new Date(), output: body.output }),
);
