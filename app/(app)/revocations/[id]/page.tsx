import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { getRevocationDetail } from '@/db/queries/revocations/list';
import { loadRevocationPlanView } from '@/db/queries/revocations/plan-for-display';
import { getConfig } from '@/lib/config/load-config';
import { canReportScriptFailure } from '@/lib/revocations/script-failure';
import { requirePageUser } from '@/server/auth/session';
import { FourEyesNotice } from '@/components/revocations/four-eyes-notice';
import { RevocationActions } from '@/components/revocations/revocation-actions';
import { RevocationLifecyclePanel } from '@/components/revocations/revocation-lifecycle-panel';
import { RevocationPlanPanel } from '@/components/revocations/revocation-plan-panel';
import { RevocationResultsPanel } from '@/components/revocations/revocation-results-panel';
import { ReportScriptFailureForm } from '@/components/revocations/report-script-failure-form';
import { RevocationScriptPanel } from '@/components/revocations/revocation-script-panel';
import { RevocationSummaryPanel } from '@/components/revocations/revocation-summary-panel';

export const metadata = { title: 'Revocation' };

export default async function RevocationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const { id } = await params;
  const database = getDatabase();
  const detail = Number.isSafeInteger(Number(id)) ? getRevocationDetail(database, Number(id), user) : null;
  if (!detail) notFound();
  const planView = await loadRevocationPlanView(database, detail);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <RevocationSummaryPanel detail={detail} />
      {detail.status === 'requested' ? <FourEyesNotice requireFourEyes={getConfig().revocations.requireFourEyes} requestedBy={detail.requestedBy} /> : null}
      {user.role === 'admin' ? <RevocationActions id={detail.id} status={detail.status} mode={detail.mode} hasBeforeState={detail.beforeState !== null} /> : null}
      {user.role === 'admin' && canReportScriptFailure(detail) ? <ReportScriptFailureForm id={detail.id} /> : null}
      <RevocationLifecyclePanel detail={detail} />
      <RevocationPlanPanel view={planView} />
      <RevocationResultsPanel detail={detail} />
      {detail.hasScript ? <RevocationScriptPanel id={detail.id} accountId={detail.accountId} isIdentityCenter={Boolean(planView.plan?.identityCenter)} /> : null}
    </div>
  );
}
