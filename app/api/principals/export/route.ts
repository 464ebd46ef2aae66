import { getDatabase } from '@/db/client';
import { iteratePrincipalsForExport, parsePrincipalListQuery } from '@/db/queries/principals';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { toCsvLine } from '@/lib/export/csv';
import { NotFoundError } from '@/lib/http/errors';
import { defineRoute } from '@/server/http/define-route';

const HEADER = ['arn', 'name', 'type', 'permission_set', 'account_id', 'account_name', 'owner', 'tiers', 'score', 'conflicts', 'max_conflict_severity', 'last_used'];

/** The principals table as CSV: same filters and sort as the page, same owner scoping, streamed. */
export const GET = defineRoute({ roles: ['admin', 'auditor', 'owner'] }, ({ request, user }) => {
  const database = getDatabase();
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) throw new NotFoundError('No published scan yet.');
  const query = parsePrincipalListQuery(Object.fromEntries(request.nextUrl.searchParams));
  const batches = iteratePrincipalsForExport(database, user, scanId, query);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toCsvLine(HEADER)));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map((row) => toCsvLine([row.arn, row.name, row.type, row.permissionSetName, row.accountId, row.accountName, row.ownerEmail, maskToTiers(row.tiersMask).join(' '), row.score, row.conflictCount, row.maxConflictSeverity, row.lastUsedAt]))
        .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="principals-scan-${scanId}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
