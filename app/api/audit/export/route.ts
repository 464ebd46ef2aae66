import { getDatabase } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { iterateAuditEntriesForExport } from '@/db/queries/audit-export';
import { parseAuditListQuery } from '@/db/queries/audit-list';
import { toCsvLine } from '@/lib/export/csv';
import { defineRoute } from '@/server/http/define-route';
import { ValidationError } from '@/lib/http/errors';

const HEADER = ['id', 'at', 'actor', 'action', 'object_type', 'object_id', 'object_name', 'before', 'after'];

/**
 * The audit log as the page filters it (`?format=csv|json` with the page's filters), oldest first,
 * streamed; admins and auditors only, and every export is itself audited.
 */
export const GET = defineRoute({ roles: ['admin', 'auditor'] }, ({ request, user }) => {
  const format = request.nextUrl.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new ValidationError('The format must be csv or json.');
  const { page: _page, pageSize: _pageSize, ...filters } = parseAuditListQuery(Object.fromEntries(request.nextUrl.searchParams));
  const database = getDatabase();
  const exportedAt = new Date();
  appendAudit(database, { actor: user.email, action: 'audit.export', objectType: 'audit_log', objectId: 'export', after: { format, filters } }, exportedAt);
  const batches = iterateAuditEntriesForExport(database, filters);
  const encoder = new TextEncoder();
  let isFirst = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? toCsvLine(HEADER) : `{"exportedAt":${JSON.stringify(exportedAt.toISOString())},"exportedBy":${JSON.stringify(user.email)},"filters":${JSON.stringify(filters)},"entries":[`));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      const text =
        format === 'csv'
          ? next.value.map((row) => toCsvLine([row.id, row.at, row.actor, row.action, row.objectType, row.objectId, row.objectName, row.before, row.after])).join('')
          : next.value
              .map((row) => {
                const entry = JSON.stringify({ ...row, before: row.before === null ? null : safeJson(row.before), after: row.after === null ? null : safeJson(row.after) });
                const separator = isFirst ? '' : ',';
                isFirst = false;
                return `${separator}\n${entry}`;
              })
              .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
  const stamp = exportedAt.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(stream, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${stamp}.${format}"`,
      'cache-control': 'no-store',
    },
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
