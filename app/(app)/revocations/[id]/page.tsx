import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { computePlan } from '@/db/queries/revocations/commands';
import { getRevocationDetail } from '@/db/queries/revocations/list';
import { requirePageUser } from '@/server/auth/session';
import { LIFECYCLE_STEPS, OFFLINE_LIFECYCLE_STEPS } from '@/lib/revocations/lifecycle';
import { RevocationRefusal } from '@/components/revocations/revocation-refusal';
import { renderCliCommand } from '@/lib/revocations/render-cli-script';
import { createEngineEvaluate } from '@/lib/revocations/engine';
import type { CallOutcome, RevocationPlan } from '@/lib/revocations/types';
import { cardClass } from '@/components/campaigns/form-styles';
import { RevocationActions } from '@/components/revocations/revocation-actions';
import { RevocationStatusBadge } from '@/components/revocations/status-badge';
import { FourEyesNotice } from '@/components/revocations/four-eyes-notice';
import { IdentityCenterCallTable, IdentityCenterPlanPanel } from '@/components/revocations/identity-center-plan-panel';
import { getConfig } from '@/lib/config/load-config';

export const metadata = { title: 'Revocation' };

function ActionList({ actions, empty }: { actions: string[]; empty: string }) {
  if (actions.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  return <p className="font-mono text-xs leading-6 text-slate-900">{actions.join(', ')}</p>;
}

function CallTable({ outcomes, caption }: { outcomes: CallOutcome[]; caption: string }) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-1 pr-3">Call</th>
          <th scope="col" className="py-1 pr-3">Outcome</th>
          <th scope="col" className="py-1">Detail</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((outcome, index) => (
          <tr key={index} className="border-b border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono text-xs">{outcome.call.action} {outcome.call.policyArn ?? outcome.call.policyName ?? outcome.call.groupName}</td>
            <td className="py-1 pr-3">{outcome.status}</td>
            <td className="py-1 text-xs text-red-800">{outcome.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The approver's comment kept in the `revocation.approved` audit entry. */
function approvalComment(detail: string | null): string | null {
  if (!detail) return null;
  const parsed = JSON.parse(detail) as { comment?: unknown };
  return typeof parsed.comment === 'string' ? parsed.comment : null;
}

export default async function RevocationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const { id } = await params;
  const detail = Number.isSafeInteger(Number(id)) ? getRevocationDetail(getDatabase(), Number(id), user) : null;
  if (!detail) notFound();
  const { result } = detail;
  // A request from a campaign decision is planned when approved; until then the approver sees a
  // preview computed the same way from the latest snapshot, so nobody approves blind.
  let plan: RevocationPlan | null = detail.plan;
  let previewProblem: string | null = null;
  const isPreview = plan === null && detail.status === 'requested';
  if (isPreview) {
    try {
      plan = computePlan(getDatabase(), { principalArn: detail.principalArn, entitlementKey: detail.entitlementKey, evaluate: await createEngineEvaluate() });
    } catch (error) {
      previewProblem = (error as Error).message;
    }
  }
  const reached = new Set(detail.timeline.map((entry) => entry.action.replace('revocation.', '')));
  const stepDone = (step: string) =>
    step === 'requested' || (step === 'approved' && detail.approvedAt) || (step === 'executing' && detail.attempts > 0) || (step === 'executed' && detail.executedAt) || (step === 'awaiting-confirmation' && detail.executedAt) || (step === 'verified' && detail.verifiedAt);
  const icCalls = result.identityCenterCalls ?? [];
  const icRollbackCalls = result.identityCenterRollbackCalls ?? [];
  const steps: readonly string[] = detail.mode === 'offline' ? OFFLINE_LIFECYCLE_STEPS : LIFECYCLE_STEPS;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <Link href="/revocations" className="text-sm text-brand-700 underline">
          ← Revocations
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">
          Revocation #{detail.id} <RevocationStatusBadge status={detail.status} />
        </h1>
        <p className="mt-1 break-all font-mono text-sm text-slate-800">{detail.principalArn}</p>
        <p className="text-sm text-slate-700">
          {detail.mode === 'offline' ? 'Offline account: execution produces AWS CLI commands.' : 'Live account: executed through the remediation role.'} Origin: {detail.origin}
          {detail.campaignItemId ? ` (campaign item ${detail.campaignItemId})` : ''}. Attempts: {detail.attempts}.
        </p>
        {detail.error ? (
          <p className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900" role="alert">
            {detail.error}
          </p>
        ) : null}
      </div>

      {detail.status === 'requested' ? <FourEyesNotice requireFourEyes={getConfig().revocations.requireFourEyes} requestedBy={detail.requestedBy} /> : null}
      {user.role === 'admin' ? <RevocationActions id={detail.id} status={detail.status} mode={detail.mode as 'live' | 'offline'} hasBeforeState={detail.beforeState !== null} /> : null}

      <section className={cardClass} aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="text-lg font-semibold">Lifecycle</h2>
        <ol className="mt-3 flex flex-wrap gap-2 text-sm">
          {steps.map((step) => (
            <li key={step} className={`rounded px-2 py-1 ${stepDone(step) ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-700'}`}>
              {step}
            </li>
          ))}
          {['not-applied', 'failed', 'rolled-back', 'rejected'].filter((step) => detail.status === step || reached.has(step)).map((step) => (
            <li key={step} className="rounded bg-red-100 px-2 py-1 text-red-900">
              {step}
            </li>
          ))}
        </ol>
        <ul className="mt-4 space-y-1 text-sm">
          <li>
            <span className="text-slate-600">{detail.requestedAt.slice(0, 19).replace('T', ' ')}</span> requested by {detail.requestedBy}: “{detail.justification}”
          </li>
          {detail.timeline.map((entry, index) => (
            <li key={index}>
              <span className="text-slate-600">{entry.at.slice(0, 19).replace('T', ' ')}</span> {entry.action.replace('revocation.', '')} by {entry.actor}
              {approvalComment(entry.detail) ? `: “${approvalComment(entry.detail)}”` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section className={cardClass} aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="text-lg font-semibold">Plan</h2>
        {!plan ? (
          <p className="mt-2 text-sm text-slate-700">{previewProblem ? `No plan can be computed now: ${previewProblem}` : 'Not planned yet: the plan is computed from the latest snapshot when an admin approves.'}</p>
        ) : (
          <div className="mt-2 space-y-4 text-sm">
            {isPreview ? (
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
                <pre tabIndex={0} className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-xs leading-5 text-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">{plan.calls.map(renderCliCommand).join('\n')}</pre>
              </div>
            )}
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="font-semibold">Bedrock access before ({plan.before.actions.length})</h3>
                <ActionList actions={plan.before.actions} empty="None." />
              </div>
              <div>
                <h3 className="font-semibold">Expected after ({plan.after.actions.length})</h3>
                <ActionList actions={plan.after.actions} empty="No Bedrock access." />
              </div>
            </div>
            <div>
              <h3 className="font-semibold">Side effects</h3>
              <ul className="list-disc pl-5">
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
      </section>

      {result.calls.length > 0 || result.rollbackCalls.length > 0 || result.verification || icCalls.length > 0 || icRollbackCalls.length > 0 ? (
        <section className={cardClass} aria-labelledby="results-heading">
          <h2 id="results-heading" className="text-lg font-semibold">What ran</h2>
          {result.calls.length > 0 ? <CallTable outcomes={result.calls} caption="Calls of the last execution" /> : null}
          {icCalls.length > 0 ? <IdentityCenterCallTable outcomes={icCalls} caption="Identity Center calls of the last execution" /> : null}
          {result.verification ? (
            <p className="mt-3 text-sm">
              Verification ({result.verification.checkedAt.slice(0, 19).replace('T', ' ')}): {result.verification.isVerified ? 'verified' : 'failed'} — {result.verification.reason}
            </p>
          ) : null}
          {result.rollbackCalls.length > 0 ? (
            <>
              <h3 className="mt-4 font-semibold">Rollback</h3>
              <CallTable outcomes={result.rollbackCalls} caption="Rollback calls" />
            </>
          ) : null}
          {icRollbackCalls.length > 0 ? (
            <>
              <h3 className="mt-4 font-semibold">Rollback at Identity Center</h3>
              <IdentityCenterCallTable outcomes={icRollbackCalls} caption="Identity Center rollback calls" />
            </>
          ) : null}
          {detail.beforeState && 'readAt' in detail.beforeState ? (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-semibold">Recorded before-state ({detail.beforeState.source}, {detail.beforeState.readAt.slice(0, 19).replace('T', ' ')})</summary>
              <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-100 p-3 text-xs">{JSON.stringify({ attached: detail.beforeState.attachedManagedPolicyArns, inline: detail.beforeState.inlinePolicies.map((policy) => policy.name), groups: detail.beforeState.groupNames, boundary: detail.beforeState.permissionsBoundaryArn }, null, 2)}</pre>
            </details>
          ) : null}
        </section>
      ) : null}

      {detail.hasScript ? (
        <section className={cardClass} aria-labelledby="script-heading">
          <h2 id="script-heading" className="text-lg font-semibold">AWS CLI script</h2>
          <p className="mt-1 text-sm text-slate-700">
            {plan?.identityCenter ? 'Review it, run it with credentials of the Identity Center administrator (aws sso-admin / aws identitystore); the next import verifies the revocation.' : `Review it, run it with credentials of account ${detail.accountId}; the next import verifies the revocation.`}
          </p>
          <a href={`/api/revocations/${detail.id}/script`} className="mt-2 inline-block text-brand-700 underline">
            Download revocation-{detail.id}.sh
          </a>
        </section>
      ) : null}
    </div>
  );
}
