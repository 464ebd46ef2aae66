import type { ReactNode } from 'react';
import Link from 'next/link';
import type { PrincipalDetail } from '@/db/queries/principals';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';

export type PrincipalHeaderFacts = Pick<
  PrincipalDetail,
  'name' | 'arn' | 'type' | 'accountId' | 'accountName' | 'environment' | 'ownerEmail' | 'permissionSetName' | 'lastUsedAt' | 'scanId' | 'scanFinishedAt' | 'isLatestScan' | 'tiersMask' | 'score'
>;

function accountText(principal: PrincipalHeaderFacts): string {
  const environment = principal.environment ? ` · ${principal.environment}` : '';
  return `${principal.accountName ?? principal.accountId} (${principal.accountId})${environment}`;
}

/** Breadcrumb, name, tiers, score and the identifying facts of one principal in one snapshot (its path is in the ARN). */
export function PrincipalHeaderPanel({ principal }: { principal: PrincipalHeaderFacts }) {
  const facts: Array<[string, ReactNode]> = [
    ['ARN', <code key="arn" className="break-all font-mono text-xs">{principal.arn}</code>],
    ['Account', accountText(principal)],
    ['Type', principal.type === 'user' ? 'IAM user' : 'IAM role'],
    ['Owner', principal.ownerEmail ?? 'unowned'],
    ['Permission set', principal.permissionSetName ?? '—'],
    ['Last used', principal.lastUsedAt ? formatDateTime(principal.lastUsedAt) : 'never / unknown'],
    ['Snapshot', `#${principal.scanId}, ${formatDateTime(principal.scanFinishedAt)}`],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/principals" className="text-brand-700 underline underline-offset-2">
          Principals
        </Link>{' '}
        / <span aria-current="page" className="break-all">{principal.name}</span>
      </nav>
      {principal.isLatestScan ? null : (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          You are looking at an older snapshot (#{principal.scanId}). The latest snapshot may differ.
        </div>
      )}
      <section aria-labelledby="principal-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 id="principal-heading" className="break-all text-2xl font-bold text-slate-900">
                {principal.permissionSetName ?? principal.name}
              </h1>
              <Badge tone={principal.type === 'user' ? 'warning' : 'info'}>{principal.type}</Badge>
              {principal.permissionSetName ? <Badge>SSO permission set</Badge> : null}
            </div>
            {principal.permissionSetName ? <p className="mt-1 break-all font-mono text-xs text-slate-700">{principal.name}</p> : null}
            <div className="mt-2">
              <TierChips tiers={maskToTiers(principal.tiersMask)} />
            </div>
          </div>
          <div className="text-right">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">Blast radius</p>
            <ScoreBadge score={principal.score} size="lg" />
          </div>
        </div>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {facts.map(([label, value]) => (
            <div key={label} className={label === 'ARN' ? 'min-w-0 sm:col-span-2' : 'min-w-0'}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</dt>
              <dd className="mt-0.5 break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
