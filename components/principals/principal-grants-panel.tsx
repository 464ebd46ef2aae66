import type { PrincipalEntitlement } from '@/db/queries/principals';
import type { PrincipalRevocation } from '@/db/queries/revocations/for-principal';
import { summarizeTiers } from '@/lib/analysis/catalogue/defining-actions';
import { RequestRevocationButton } from '@/components/revocations/request-revocation-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { GrantPathText } from '@/components/principals/grant-path';
import { GrantRevocationState, type SnapshotFacts } from './grant-revocation-state';
import { GrantStatements } from './grant-statements';
import { TierCounts, TierSummaryList } from './tier-summary-list';

export interface PrincipalGrantsPanelProps {
  principalId: number;
  actionCount: number;
  entitlements: PrincipalEntitlement[];
  /** Revocations of this principal's grants, newest first, by entitlement key. */
  revocationsByKey: Map<string, PrincipalRevocation[]>;
  snapshot: SnapshotFacts;
  /** Admins may request a revocation; the reason when this principal cannot be revoked here. */
  revoke: { isAllowed: boolean; protectionReason: string | null };
}

function heldActions(entitlement: PrincipalEntitlement) {
  return entitlement.statements.flatMap((statement) => statement.actions);
}

function EntitlementCard({ entitlement, principalId, revocations, snapshot, revoke }: { entitlement: PrincipalEntitlement; principalId: number; revocations: PrincipalRevocation[]; snapshot: SnapshotFacts; revoke: PrincipalGrantsPanelProps['revoke'] }) {
  const actionTotal = new Set(heldActions(entitlement).map((action) => action.action)).size;
  return (
    <article className="rounded-md border border-slate-200" aria-labelledby={`entitlement-${entitlement.id}`} data-testid="entitlement">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
        <h3 id={`entitlement-${entitlement.id}`} className="min-w-0 break-words text-sm">
          <GrantPathText path={entitlement} showStatement={false} />
        </h3>
        <span className="flex flex-wrap items-center gap-2">
          <TierCounts summaries={summarizeTiers(heldActions(entitlement), 0)} />
          {entitlement.isConditional ? <Badge tone="warning">conditional</Badge> : null}
          {revocations.length > 0 ? <GrantRevocationState revocations={revocations} isHeldInSnapshot snapshot={snapshot} /> : null}
          {revoke.isAllowed ? <RequestRevocationButton principalId={principalId} entitlementKey={entitlement.entitlementKey} policyLabel={entitlement.policyName} protectionReason={revoke.protectionReason} /> : null}
        </span>
      </header>
      <details>
        <summary className="cursor-pointer px-3 py-1.5 text-sm text-brand-700 underline-offset-2 hover:underline">
          Show all {actionTotal} action{actionTotal === 1 ? '' : 's'} in {entitlement.statements.length} statement{entitlement.statements.length === 1 ? '' : 's'}
        </summary>
        <GrantStatements statements={entitlement.statements} />
      </details>
    </article>
  );
}

/** Revocations of grants this snapshot no longer holds (revoked since, or never in it). */
function RevokedElsewhere({ lists, snapshot }: { lists: PrincipalRevocation[][]; snapshot: SnapshotFacts }) {
  if (lists.length === 0) return null;
  return (
    <section aria-labelledby="revoked-grants-heading" className="mt-4 rounded-md border border-slate-200 px-3 py-2" data-testid="revoked-grants">
      <h3 id="revoked-grants-heading" className="text-sm font-semibold text-slate-900">
        Revocations of grants not in this snapshot
      </h3>
      <ul className="mt-1 divide-y divide-slate-100">
        {lists.map((list) => (
          <li key={list[0].entitlementKey} className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm">
            <span className="font-medium text-slate-900">{list[0].grantLabel}</span>
            <span className="flex flex-wrap items-center gap-2">
              {list[0].effectiveAt ? <span className="text-xs text-slate-700">{formatDateTime(list[0].effectiveAt)}</span> : null}
              <GrantRevocationState revocations={list} isHeldInSnapshot={false} snapshot={snapshot} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The principal's grants: first by tier (counts and the actions that define each tier), then per
 * entitlement with its tiers, its revocation state and the full action list behind "show all".
 */
export function PrincipalGrantsPanel({ principalId, actionCount, entitlements, revocationsByKey, snapshot, revoke }: PrincipalGrantsPanelProps) {
  const heldKeys = new Set(entitlements.map((entitlement) => entitlement.entitlementKey));
  const revokedElsewhere = [...revocationsByKey.values()].filter((list) => list.length > 0 && !heldKeys.has(list[0].entitlementKey));
  const summaries = summarizeTiers(entitlements.flatMap(heldActions), 3);
  return (
    <Card title="Grants" id="grants" description={`${actionCount} Bedrock action(s) through ${entitlements.length} entitlement(s).`}>
      {entitlements.length === 0 ? (
        <p className="text-sm text-slate-700">This principal holds no Bedrock grant.</p>
      ) : (
        <div className="space-y-4">
          <section aria-labelledby="grants-by-tier-heading" className="rounded-md bg-slate-50 px-3 py-2">
            <h3 id="grants-by-tier-heading" className="mb-1 text-sm font-semibold text-slate-900">
              By tier
            </h3>
            <TierSummaryList summaries={summaries} testId="grants-by-tier" />
          </section>
          {entitlements.map((entitlement) => (
            <EntitlementCard key={entitlement.id} entitlement={entitlement} principalId={principalId} revocations={revocationsByKey.get(entitlement.entitlementKey) ?? []} snapshot={snapshot} revoke={revoke} />
          ))}
        </div>
      )}
      <RevokedElsewhere lists={revokedElsewhere} snapshot={snapshot} />
    </Card>
  );
}
