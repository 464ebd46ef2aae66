import { getAuditKey } from '@/db/audit-key';
import { getDatabase } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { loadEvidenceBundleRows } from '@/db/queries/campaigns/evidence-bundle';
import { buildEvidenceBundle } from '@/lib/campaigns/evidence-bundle';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { writeTar } from '@/lib/export/tar';
import { defineRoute } from '@/server/http/define-route';
import { ValidationError } from '@/lib/http/errors';

/**
 * The campaign's evidence bundle: `?format=tar` (default; items.csv, decisions.csv, summary.json,
 * manifest.json) or `?format=json` (the same in one document). Admins and auditors; audited.
 */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ request, user, params }) => {
  const format = request.nextUrl.searchParams.get('format') ?? 'tar';
  if (format !== 'tar' && format !== 'json') throw new ValidationError('The format must be tar or json.');
  const database = getDatabase();
  const campaignId = parseIdParam(params.id);
  const now = new Date();
  const rows = loadEvidenceBundleRows(database, campaignId, now);
  const bundle = buildEvidenceBundle({ campaignId, ...rows, exportedBy: user.email, now, key: getAuditKey().key });
  appendAudit(database, { actor: user.email, action: 'campaign.evidence-export', objectType: 'campaign', objectId: campaignId, after: { format: `bundle-${format}`, items: rows.items.length, manifestSignature: bundle.manifest.signature } }, now);
  const stem = `campaign-${campaignId}-evidence`;
  if (format === 'json') {
    const body = JSON.stringify({ manifest: bundle.manifest, summary: rows.summary, items: rows.items, decisions: rows.decisions }, null, 2);
    return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${stem}.json"`, 'cache-control': 'no-store' } });
  }
  const files = [...bundle.files, { name: 'manifest.json', content: Buffer.from(`${JSON.stringify(bundle.manifest, null, 2)}\n`, 'utf8') }];
  const archive = writeTar(files.map((file) => ({ name: `${stem}/${file.name}`, content: file.content, modifiedAt: now })));
  return new Response(new Uint8Array(archive), { headers: { 'content-type': 'application/x-tar', 'content-disposition': `attachment; filename="${stem}.tar"`, 'cache-control': 'no-store' } });
});
