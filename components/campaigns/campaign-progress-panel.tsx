import type { GroupProgress } from '@/db/queries/campaigns/progress';
import { cardClass } from './form-styles';
import { ProgressChart } from './progress-chart';

function ProgressTable({ rows, keyLabel, caption, names }: { rows: GroupProgress[]; keyLabel: string; caption: string; names?: ReadonlyMap<string, string> }) {
  return (
    <div tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            {[keyLabel, 'Items', 'Attested', 'Revoked', 'Not certified', 'Pending', 'Complete'].map((label, index) => (
              <th key={label} scope="col" className={index === 0 ? 'py-2 pr-3' : 'py-2 pr-3 text-right'}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 font-normal break-all" title={row.key}>
                {names?.get(row.key) ?? row.key}
              </th>
              {[row.total, row.attested, row.revoked, row.notCertified, row.pending, `${row.completion}%`].map((value, index) => (
                <td key={index} className="py-1.5 pr-3 text-right tabular-nums">
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Completion by reviewer and by account (account names where known), as charts and tables. */
export function CampaignProgressPanel({ byReviewer, byAccount, accountNames }: { byReviewer: GroupProgress[]; byAccount: GroupProgress[]; accountNames: ReadonlyMap<string, string> }) {
  const namedAccounts = byAccount.map((row) => ({ ...row, key: accountNames.get(row.key) ?? row.key }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="by-reviewer-heading" className={cardClass}>
        <h2 id="by-reviewer-heading" className="text-lg font-semibold">
          Progress by reviewer
        </h2>
        <ProgressChart rows={byReviewer.slice(0, 15)} title="Decisions by reviewer" />
        <ProgressTable rows={byReviewer} keyLabel="Reviewer" caption="Completion by reviewer" />
      </section>
      <section aria-labelledby="by-account-heading" className={cardClass}>
        <h2 id="by-account-heading" className="text-lg font-semibold">
          Progress by account
        </h2>
        <ProgressChart rows={namedAccounts.slice(0, 15)} title="Decisions by account" />
        <ProgressTable rows={byAccount} keyLabel="Account" caption="Completion by account" names={accountNames} />
      </section>
    </div>
  );
}
