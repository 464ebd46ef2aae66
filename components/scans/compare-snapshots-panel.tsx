import type { PublishedScanHeader } from '@/db/queries/scans';
import { fieldClass, fieldLabelClass } from '@/components/data-table/filter-bar';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';

function SnapshotSelect({ id, name, label, scans, defaultId }: { id: string; name: string; label: string; scans: PublishedScanHeader[]; defaultId: number }) {
  return (
    <div>
      <label htmlFor={id} className={fieldLabelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultId} className={fieldClass}>
        {scans.map((scan) => (
          <option key={scan.id} value={scan.id}>
            #{scan.id} · {formatDateTime(scan.finishedAt)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Picks two published snapshots and opens their drift (nothing when fewer than two exist). */
export function CompareSnapshotsPanel({ published }: { published: PublishedScanHeader[] }) {
  if (published.length < 2) return null;
  return (
    <Card title="Compare two snapshots" id="compare">
      <form method="get" action="/scans/drift" className="flex flex-wrap items-end gap-3">
        <SnapshotSelect id="drift-from" name="from" label="From (older)" scans={published} defaultId={published[1].id} />
        <SnapshotSelect id="drift-to" name="to" label="To (newer)" scans={published} defaultId={published[0].id} />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          Show drift
        </button>
      </form>
    </Card>
  );
}
