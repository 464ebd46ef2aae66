import type { PrincipalDetail } from '@/db/queries/principals';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { IdentityHeader, type IdentityFact } from '@/components/principals/identity-header';
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
  const facts: IdentityFact[] = [
    { label: 'ARN', value: <code className="break-all font-mono text-xs">{principal.arn}</code>, wide: true },
    { label: 'Account', value: accountText(principal) },
    { label: 'Type', value: principal.type === 'user' ? 'IAM user' : 'IAM role' },
    { label: 'Owner', value: principal.ownerEmail ?? 'unowned' },
    { label: 'Permission set', value: principal.permissionSetName ?? '—' },
    { label: 'Last used', value: principal.lastUsedAt ? formatDateTime(principal.lastUsedAt) : 'never / unknown' },
    { label: 'Snapshot', value: `#${principal.scanId}, ${formatDateTime(principal.scanFinishedAt)}` },
  ];
  const olderSnapshot = principal.isLatestScan ? null : (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      You are looking at an older snapshot (#{principal.scanId}). The latest snapshot may differ.
    </div>
  );
  return (
    <IdentityHeader list={{ href: '/principals', label: 'Principals' }} name={principal.name} headingId="principal-heading" score={principal.score} facts={facts} columns={4} notice={olderSnapshot}>
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
    </IdentityHeader>
  );
}
