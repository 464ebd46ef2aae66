import type { Environment, Tier } from '../types';

/**
 * The controls of the principal's own account over the regions where it can invoke models, as
 * the blast radius reads them (computed by lib/controls/coverage.ts from the scanned controls).
 */
export interface AccountControlCoverage {
  /** Every invoke region has an enforced guardrail (organisation or account level). */
  isGuardrailEnforced: boolean;
  /** ...and every one of them from the organisation's Bedrock policy. */
  isGuardrailFromOrganization: boolean;
  /** Every invoke region logs model invocations. */
  isLoggingOn: boolean;
  /** Invoke regions known (not merely unknown) to run without an enforced guardrail or without logging. */
  gapRegions: string[];
}

export interface AccountControlWeights {
  enforcedGuardrailReduction: number;
  loggingReduction: number;
  productionGapPoints: number;
}

export interface AccountControlEffect {
  /** Points taken off (before the bound by the model and region points). */
  reduction: number;
  /** Points added for a production gap. */
  gapPoints: number;
  /** Phrases for the sentence, in order. */
  reducingParts: string[];
  gapPart: string | null;
}

/**
 * What the account's controls do to the score: an enforced guardrail and invocation logging over
 * every invoke region take points off (like the grant-level controls, the caller bounds the
 * reduction by the model and region points, which are 0 without invoke grants); in production, an
 * invoke region known to lack either adds points, for invoke holders only. Adding a region can
 * only remove a reduction or add a gap, never the reverse, and adding the invoke tier can only
 * add a gap, so the score stays monotone. Unknown controls neither reduce nor add.
 */
export function effectOfAccountControls(coverage: AccountControlCoverage | null | undefined, environment: Environment, tiers: Tier[], weights: AccountControlWeights): AccountControlEffect {
  if (!coverage) return { reduction: 0, gapPoints: 0, reducingParts: [], gapPart: null };
  const reducingParts: string[] = [];
  let reduction = 0;
  if (coverage.isGuardrailEnforced) {
    reduction += weights.enforcedGuardrailReduction;
    reducingParts.push(coverage.isGuardrailFromOrganization ? 'the organisation enforces a guardrail on its model calls' : 'its account enforces a guardrail on its model calls');
  }
  if (coverage.isLoggingOn) {
    reduction += weights.loggingReduction;
    reducingParts.push('its model calls are logged');
  }
  const hasGap = environment === 'prod' && tiers.includes('invoke') && coverage.gapRegions.length > 0;
  const gapPart = hasGap ? `in production it can invoke without an enforced guardrail or logging in ${coverage.gapRegions.join(', ')}` : null;
  return { reduction, gapPoints: hasGap ? weights.productionGapPoints : 0, reducingParts, gapPart };
}
