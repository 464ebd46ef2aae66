import { getDatabase } from '@/db/client';
import { queueScanRequest } from '@/db/queries/scans';
import { getConfig } from '@/lib/config/load-config';
import { defineRoute } from '@/server/http/define-route';

/** "Scan now": queues a manual scan for the worker (admin only; 409 while one is pending; audited). */
export const POST = defineRoute({ roles: ['admin'] }, ({ user }) => {
  const source = getConfig().scan.live ? 'live' : 'offline';
  return queueScanRequest(getDatabase(), { source, requestedBy: user.email });
});
