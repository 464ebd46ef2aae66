import { getDatabase } from '@/db/client';
import { iteratePeopleForExport, parsePeopleListQuery } from '@/db/queries/people/list-people';
import { getLatestPublishedScanId } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { toCsvLine } from '@/lib/export/csv';
import { NotFoundError } from '@/lib/http/errors';
import { defineRoute } from '@/server/http/define-route';

const HEADER = ['user_id', 'user_name', 'display_name', 'email', 'accounts', 'accounts_with_bedrock', 'assignments', 'tiers', 'score', 'conflicts', 'max_conflict_severity'];

/** The people list as CSV: same filters and sort as the page, streamed in batches. */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ request }) => {
  const database = getDatabase();
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) throw new NotFoundError('No published scan yet.');
  const query = parsePeopleListQuery(Object.fromEntries(request.nextUrl.searchParams));
  const batches = iteratePeopleForExport(database, scanId, query);
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
        .map((row) => toCsvLine([row.userId, row.userName, row.displayName, row.email, row.accountCount, row.bedrockAccountCount, row.assignmentCount, maskToTiers(row.tiersMask).join(' '), row.score, row.conflictCount, row.maxConflictSeverity]))
        .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="people-scan-${scanId}.csv"`, 'cache-control': 'no-store' } });
});
