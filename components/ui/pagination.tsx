import Link from 'next/link';
import clsx from 'clsx';

/** Builds an href from the current URL state with some keys replaced (undefined removes a key). */
export function hrefWith(basePath: string, params: Record<string, string | number | undefined>, changes: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${basePath}?${text}` : basePath;
}

const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-50';

/** Server-side paging links that keep the filters and sort in the URL. */
export function Pagination({ basePath, params, page, pageSize, total, label = 'Pagination' }: { basePath: string; params: Record<string, string | number | undefined>; page: number; pageSize: number; total: number; label?: string }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const href = (target: number) => hrefWith(basePath, params, { page: target === 1 ? undefined : target });
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <p data-testid="pagination-summary">
        Showing <span className="font-semibold">{first.toLocaleString('en')}</span>–<span className="font-semibold">{last.toLocaleString('en')}</span> of{' '}
        <span className="font-semibold">{total.toLocaleString('en')}</span>
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <>
            <Link className={linkClass} href={href(1)}>
              First
            </Link>
            <Link className={linkClass} href={href(page - 1)} rel="prev">
              Previous
            </Link>
          </>
        ) : null}
        <span className={clsx('px-2')}>
          Page {page.toLocaleString('en')} of {pageCount.toLocaleString('en')}
        </span>
        {page < pageCount ? (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
