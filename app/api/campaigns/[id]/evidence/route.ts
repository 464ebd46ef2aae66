import { getDatabase } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { buildEvidence, evidenceToCsv } from '@/db/queries/campaigns/evidence';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';
import { ValidationError } from '@/lib/http/errors';

/** Evidence download: `?format=csv|json` (default csv). Each download is audited. */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ request, user, params }) => {
  const format = request.nextUrl.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new ValidationError('format must be csv or json');
  const database = getDatabase();
  const campaignId = parseIdParam(params.id);
  const evidence = buildEvidence(database, campaignId, new Date());
  appendAudit(database, { actor: user.email, action: 'campaign.evidence-export', objectType: 'campaign', objectId: campaignId, after: { format, items: evidence.items.length } });
  const body = format === 'csv' ? evidenceToCsv(evidence) : JSON.stringify(evidence, null, 2);
  return new Response(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="campaign-${campaignId}-evidence.${format}"`,
      'cache-control': 'no-store',
    },
  });
});
