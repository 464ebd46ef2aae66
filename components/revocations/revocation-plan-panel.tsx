import type { RevocationPlanView } from '@/db/queries/revocations/plan-for-display';
import { renderCliCommand } from '@/lib/revocations/render-cli-script';
import { AccessByTierSummary } from './access-by-tier-summary';
import { CommandBlock } from './command-block';
import { IdentityCenterPlanPanel } from './identity-center-plan-panel';
import { RevocationRefusal } from './revocation-refusal';
import { TitledCard } from '@/components/campaigns/titled-card';

/** What the revocation does: its calls, Bedrock access before and after by tier, and side effects. */
export function RevocationPlanPanel({ view }: { view: RevocationPlanView }) {
  const { plan } = view;
  return (
    <TitledCard headingId="plan-heading" title="Plan">
      {!plan ? (
        <p className="mt-2 text-sm text-slate-700">{view.previewProblem ? `No plan can be computed now: ${view.previewProblem}` : 'Not planned yet: the plan is computed from the latest snapshot when an admin approves.'}</p>
      ) : (
        <div className="mt-2 space-y-4 text-sm">
          {view.isPreview ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="plan-preview">
              Preview. Approving computes the plan again from the latest snapshot and freezes it; execution runs the frozen plan.
            </p>
          ) : null}
          {plan.refusal ? <RevocationRefusal refusal={plan.refusal} /> : null}
          <p>
            <span className="font-semibold">{plan.kind}</span> — {plan.reason}
          </p>
          {plan.identityCenter ? (
            <IdentityCenterPlanPanel plan={plan.identityCenter} />
          ) : (
            <div>
              <h3 className="font-semibold">IAM calls</h3>
              <CommandBlock commands={plan.calls.map(renderCliCommand)} />
            </div>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <AccessByTierSummary title="Bedrock access before" actions={plan.before.actions} empty="None." testId="access-before" />
            <AccessByTierSummary title="Expected after" actions={plan.after.actions} empty="No Bedrock access." testId="access-after" />
          </div>
          <div>
            <h3 className="font-semibold">Side effects</h3>
            <ul className="list-disc pl-5 [overflow-wrap:anywhere]">
              {plan.collateralActions.length > 0 ? <li>Also lost, outside this entitlement: {plan.collateralActions.join(', ')}</li> : <li>Nothing lost outside this entitlement.</li>}
              {plan.otherPrincipals.map((other) => (
                <li key={other.principalArn}>
                  {other.principalArn} loses {other.lostActions.join(', ')}
                </li>
              ))}
              {plan.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
          <p className="text-xs text-slate-600">Computed from the snapshot of {plan.snapshotCapturedAt.slice(0, 16).replace('T', ' ')}.</p>
        </div>
      )}
    </TitledCard>
  );
}
