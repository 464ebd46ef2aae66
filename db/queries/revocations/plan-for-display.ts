import type { AppDatabase } from '../../client';
import type { RevocationPlan } from '../../../lib/revocations/types';
import { createEngineEvaluate } from '../../../lib/revocations/engine';
import { computePlan } from './commands';
import type { RevocationDetail } from './list';

export interface RevocationPlanView {
  plan: RevocationPlan | null;
  /** True when the plan is a preview computed now (a request not approved yet). */
  isPreview: boolean;
  /** Why no preview could be computed (the principal left the snapshot, for example). */
  previewProblem: string | null;
}

/**
 * The plan to show on a revocation: the frozen one once approved; before that a preview computed
 * the same way from the latest snapshot, so nobody approves blind.
 */
export async function loadRevocationPlanView(database: AppDatabase, detail: Pick<RevocationDetail, 'plan' | 'status' | 'principalArn' | 'entitlementKey'>): Promise<RevocationPlanView> {
  if (detail.plan !== null || detail.status !== 'requested') return { plan: detail.plan, isPreview: false, previewProblem: null };
  try {
    const plan = computePlan(database, { principalArn: detail.principalArn, entitlementKey: detail.entitlementKey, evaluate: await createEngineEvaluate() });
    return { plan, isPreview: true, previewProblem: null };
  } catch (error) {
    return { plan: null, isPreview: true, previewProblem: error instanceof Error ? error.message : String(error) };
  }
}
