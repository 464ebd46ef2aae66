import { getDatabase } from '@/db/client';
import { getControlsPosture, parseControlsQuery } from '@/db/queries/controls-posture';
import { requireLatestPublishedScanId } from '@/db/queries/scans';
import { toCsvLine } from '@/lib/export/csv';
import { defineRoute } from '@/server/http/define-route';

const HEADER = ['account_id', 'account_name', 'environment', 'ou_path', 'region', 'gap', 'guardrail_enforced', 'guardrail_arn', 'guardrail_version', 'guardrail_name', 'guardrail_filters', 'logging', 'logging_destinations', 'region_restriction', 'model_allow_list', 'guardrail_switchers', 'logging_switchers', 'note'];

/** The controls matrix as CSV, one row per account and region, with the page's filters. Auditors and admins only. */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ request }) => {
  const database = getDatabase();
  const scanId = requireLatestPublishedScanId(database);
  const posture = getControlsPosture(database, scanId, parseControlsQuery(Object.fromEntries(request.nextUrl.searchParams)));
  const lines = [toCsvLine(HEADER)];
  for (const account of posture.accounts) {
    for (const cell of account.cells) {
      lines.push(
        toCsvLine([
          account.accountId,
          account.accountName,
          account.environment,
          account.ouPath.map((unit) => unit.name).join(' / '),
          cell.region,
          cell.isGap,
          cell.guardrailEnforced,
          cell.guardrailArn,
          cell.guardrailVersion,
          cell.guardrailName,
          cell.guardrailFilters.join(' '),
          cell.loggingState,
          cell.loggingDestinations.join(' '),
          account.isManagementAccount ? 'management account (SCPs do not apply)' : (account.approvedRegions?.join(' ') ?? 'none'),
          account.modelAllowList?.join(' ') ?? 'none',
          cell.guardrailSwitchers,
          cell.loggingSwitchers,
          [cell.guardrailNote, cell.loggingNote].filter((note) => note !== null).join('; '),
        ]),
      );
    }
  }
  return new Response(lines.join(''), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="controls-scan-${scanId}.csv"`, 'cache-control': 'no-store' },
  });
});
