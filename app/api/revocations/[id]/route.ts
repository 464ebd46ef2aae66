import { getDatabase } from '@/db/client';
import { getRevocationDetail } from '@/db/queries/revocations/list';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';
import { NotFoundError } from '@/lib/http/errors';

/** Status for the detail page's polling (scoped like the page: owners see their principals' only). */
export const GET = defineRoute({ roles: ['admin', 'auditor', 'owner'] }, ({ user, params }) => {
  const detail = getRevocationDetail(getDatabase(), parseIdParam(params.id), user);
  if (!detail) throw new NotFoundError('No such revocation.');
  return { id: detail.id, status: detail.status, error: detail.error, attempts: detail.attempts };
});
