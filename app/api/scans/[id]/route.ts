import { getDatabase } from '@/db/client';
import { getScanProgress } from '@/db/queries/scans';
import { NotFoundError } from '@/lib/http/errors';
import { defineRoute } from '@/server/http/define-route';

/** Progress of one scan, polled by the "Scan now" button. */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ params }) => {
  const scanId = Number(params.id);
  if (!Number.isSafeInteger(scanId) || scanId <= 0) throw new NotFoundError('No such scan.');
  return getScanProgress(getDatabase(), scanId);
});
