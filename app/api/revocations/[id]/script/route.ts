import { getDatabase } from '@/db/client';
import { getRevocationScript } from '@/db/queries/revocations/list';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';
import { NotFoundError } from '@/lib/http/errors';

/** The offline revocation's AWS CLI script, as a download. */
export const GET = defineRoute({ roles: ['admin', 'auditor', 'owner'] }, ({ user, params }) => {
  const id = parseIdParam(params.id);
  const script = getRevocationScript(getDatabase(), id, user);
  if (script === null) throw new NotFoundError('No script for this revocation.');
  return new Response(script, { headers: { 'content-type': 'text/x-shellscript; charset=utf-8', 'content-disposition': `attachment; filename="revocation-${id}.sh"` } });
});
