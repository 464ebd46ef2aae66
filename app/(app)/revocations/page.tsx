import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listRevocations } from '@/db/queries/revocations/list';
import { REVOCATION_STATUSES, type RevocationStatus } from '@/db/schema/revocations';
import { requirePageUser } from '@/server/auth/session';
import { cardClass } from '@/components/campaigns/form-styles';
import { Pager } from '@/components/campaigns/pager';
import { RevocationStatusBadge } from '@/components/revocations/status-badge';
import { FourEyesNotice } from '@/components/revocations/four-eyes-notice';
import { getConfig } from '@/lib/config/load-config';
import { parsePageParam } from '@/lib/http/page-param';

export const metadata = { title: 'Revocations' };

const PAGE_SIZE = 25;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RevocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const query = await searchParams;
  const requested = first(query.status);
  const status = (REVOCATION_STATUSES as readonly string[]).includes(requested ?? '') ? (requested as RevocationStatus) : undefined;
  const page = parsePageParam(query.page);
  const { rows, total } = listRevocations(getDatabase(), { viewer: user, status, page, pageSize: PAGE_SIZE });

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Revocations</h1>
      <FourEyesNotice requireFourEyes={getConfig().revocations.requireFourEyes} />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...REVOCATION_STATUSES].map((option) => (
          <Link
            key={option ?? 'all'}
            href={option ? `/revocations?status=${option}` : '/revocations'}
            aria-current={option === status ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 ${option === status ? 'border-brand-600 bg-brand-50 font-semibold text-brand-900' : 'border-slate-300 text-slate-800'}`}
          >
            {option ?? 'All'}
          </Link>
        ))}
      </nav>
      <section className={cardClass}>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-700">No revocation{status ? ` with status ${status}` : ''}. Revocations come from revoke decisions in campaigns and from admins on a principal’s grant.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Revocations, newest first</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">#</th>
                <th scope="col" className="py-2 pr-3">Principal</th>
                <th scope="col" className="py-2 pr-3">Grant path</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Mode</th>
                <th scope="col" className="py-2 pr-3">Origin</th>
                <th scope="col" className="py-2">Requested</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/revocations/${row.id}`} className="font-medium text-brand-700 underline">
                      #{row.id}
                    </Link>
                  </td>
                  <td className="break-all py-2 pr-3 font-mono text-xs">{row.principalArn}</td>
                  <td className="break-all py-2 pr-3 text-xs">{row.entitlementKey.split('|').slice(1).join(' · ')}</td>
                  <td className="py-2 pr-3">
                    <RevocationStatusBadge status={row.status} />
                    {row.error ? <p className="mt-1 max-w-xs text-xs text-red-800">{row.error}</p> : null}
                  </td>
                  <td className="py-2 pr-3">{row.mode}</td>
                  <td className="py-2 pr-3">{row.origin}</td>
                  <td className="py-2">
                    {row.requestedAt.slice(0, 16).replace('T', ' ')}
                    <span className="block text-xs text-slate-600">{row.requestedBy}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager basePath="/revocations" label="Revocation pages" params={status ? { status } : {}} page={page} pageSize={PAGE_SIZE} total={total} />
      </section>
    </div>
  );
}
