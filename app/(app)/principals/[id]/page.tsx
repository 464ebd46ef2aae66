import { getDatabase } from '@/db/client';
import { getPrincipalPage } from '@/db/queries/principal-page';
import { requirePageUser } from '@/server/auth/session';
import { orNotFound, parseIdOrNotFound } from '@/server/http/or-not-found';
import { BlastRadiusFactorsPanel } from '@/components/blast-radius/blast-radius-factors-panel';
import { PeopleBehindRolePanel } from '@/components/people/people-behind-role-panel';
import { CredentialsPanel } from '@/components/principals/credentials-panel';
import { DeniedActionsPanel } from '@/components/principals/denied-actions-panel';
import { EvaluationErrorsPanel } from '@/components/principals/evaluation-errors-panel';
import { ExposurePanel } from '@/components/principals/exposure-panel';
import { PrincipalConflictsPanel } from '@/components/principals/principal-conflicts-panel';
import { PrincipalGrantsPanel } from '@/components/principals/principal-grants-panel';
import { PrincipalHeaderPanel } from '@/components/principals/principal-header-panel';
import { PrincipalHistoryPanel } from '@/components/principals/principal-history-panel';
import { RecommendationsPanel } from '@/components/principals/recommendations-panel';
import { UsagePanel } from '@/components/usage/usage-panel';

export const metadata = { title: 'Principal' };

export default async function PrincipalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const principalId = parseIdOrNotFound((await params).id);
  const view = orNotFound(() => getPrincipalPage(getDatabase(), user, principalId));
  const { principal, entitlements, conflicts } = view;
  const { analysis } = principal;
  const snapshot = { scanId: principal.scanId, finishedAt: principal.scanFinishedAt, isLatest: principal.isLatestScan };
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <PrincipalHeaderPanel principal={principal} />
      {view.peopleBehind ? <PeopleBehindRolePanel behind={view.peopleBehind} /> : null}
      <PrincipalGrantsPanel principalId={principal.id} actionCount={principal.actionCount} entitlements={entitlements} revocationsByKey={view.revocationsByKey} snapshot={snapshot} revoke={{ isAllowed: user.role === 'admin', protectionReason: view.protectionReason }} />
      {/* Two columns on wide screens keep the page within about three screens (#19). */}
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-2">
        <div className="min-w-0 space-y-5">
          <RecommendationsPanel recommendations={analysis.recommendations} entitlements={entitlements} used={view.used} />
          <PrincipalConflictsPanel conflicts={conflicts} />
          <DeniedActionsPanel denied={analysis.denied} />
          <ExposurePanel exposure={analysis.exposure} isUser={principal.type === 'user'} />
        </div>
        <div className="min-w-0 space-y-5">
          <BlastRadiusFactorsPanel blastRadius={analysis.blastRadius} description={`Score ${analysis.blastRadius.score} of 100: the sum of the points below.`} isCompact />
          <CredentialsPanel credentials={analysis.credentials} />
          <PrincipalHistoryPanel history={view.history} principalId={principal.id} principalName={principal.name} />
        </div>
      </div>
      {/* Full width: the chart, the callers and the count tables read best side by side. */}
      <UsagePanel {...view.usageView} />
      <EvaluationErrorsPanel errors={analysis.errors} hasNoAccess={entitlements.length === 0 && conflicts.length === 0 && analysis.actions.length === 0} />
    </div>
  );
}
