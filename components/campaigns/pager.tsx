import Link from 'next/link';

/** Previous/next links that keep the other URL parameters (server-side paging). */
export function Pager({ basePath, params, page, pageSize, total, label }: { basePath: string; params: Record<string, string | undefined>; page: number; pageSize: number; total: number; label: string }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    search.set('page', String(target));
    return `${basePath}?${search.toString()}`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm text-slate-700">
      <span>
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href(page - 1)}>
            Previous page
          </Link>
        ) : null}
        <span aria-current="page">
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href(page + 1)}>
            Next page
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
