import { getDatabase } from '@/db/client';
import { iteratePeopleForExport, parsePeopleListQuery } from '@/db/queries/people/list-people';
import { requireLatestPublishedScanId } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { csvStreamResponse } from '@/server/http/csv-stream-response';
import { defineRoute } from '@/server/http/define-route';

const HEADER = ['user_id', 'user_name', 'display_name', 'email', 'accounts', 'accounts_with_bedrock', 'assignments', 'tiers', 'score', 'conflicts', 'max_conflict_severity'];

/** The people list as CSV: same filters and sort as the page, streamed in batches. */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ request }) => {
  const database = getDatabase();
  const scanId = requireLatestPublishedScanId(database);
  const query = parsePeopleListQuery(Object.fromEntries(request.nextUrl.searchParams));
  return csvStreamResponse({
    header: HEADER,
    batches: iteratePeopleForExport(database, scanId, query),
    toCells: (row) => [row.userId, row.userName, row.displayName, row.email, row.accountCount, row.bedrockAccountCount, row.assignmentCount, maskToTiers(row.tiersMask).join(' '), row.score, row.conflictCount, row.maxConflictSeverity],
    filename: `people-scan-${scanId}.csv`,
  });
});
