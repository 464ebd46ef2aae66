import { getDatabase } from '@/db/client';
import { iteratePrincipalsForExport, parsePrincipalListQuery } from '@/db/queries/principals';
import { requireLatestPublishedScanId } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { csvStreamResponse } from '@/server/http/csv-stream-response';
import { defineRoute } from '@/server/http/define-route';

const HEADER = ['arn', 'name', 'type', 'permission_set', 'account_id', 'account_name', 'owner', 'tiers', 'score', 'conflicts', 'max_conflict_severity', 'last_used'];

/** The principals table as CSV: same filters and sort as the page, same owner scoping, streamed. */
export const GET = defineRoute({ roles: ['admin', 'auditor', 'owner'] }, ({ request, user }) => {
  const database = getDatabase();
  const scanId = requireLatestPublishedScanId(database);
  const query = parsePrincipalListQuery(Object.fromEntries(request.nextUrl.searchParams));
  return csvStreamResponse({
    header: HEADER,
    batches: iteratePrincipalsForExport(database, user, scanId, query),
    toCells: (row) => [row.arn, row.name, row.type, row.permissionSetName, row.accountId, row.accountName, row.ownerEmail, maskToTiers(row.tiersMask).join(' '), row.score, row.conflictCount, row.maxConflictSeverity, row.lastUsedAt],
    filename: `principals-scan-${scanId}.csv`,
  });
});
