import type { Tier } from '../analysis/types';
import type { ItemUsageEvidence } from '../usage/item-usage-evidence';
import type { ItemRecommendation } from './item-context';
import { isSentenceJustification, UNUSED_JUSTIFICATION_MIN_LENGTH, UNUSED_JUSTIFICATION_MIN_WORDS, unusedAttestJustificationError } from './unused-justification';

/** Tiers that administer Bedrock rather than use it; held beside invoke they make an entitlement over-broad. */
export const ADMINISTRATIVE_TIERS: ReadonlySet<string> = new Set<Tier>(['govern', 'customize', 'provision']);

/** Why keeping an item needs a justification that answers its recommendation. */
export type AttestConcern =
  | { kind: 'unused'; windowDays: number }
  | { kind: 'recommended-revoke'; reason: string }
  | { kind: 'over-broad'; tiers: string[] };

export interface AttestFacts {
  /** CloudTrail evidence of the item's own actions; null when none was read. */
  usage: ItemUsageEvidence | null;
  /** The recommendation frozen with the item at launch (absent from items stored without one). */
  recommendation: Pick<ItemRecommendation, 'decision' | 'reason'> | undefined;
  /** The item's tiers (`Tier` names; plain strings as views carry them). */
  tiers: readonly string[];
}

/**
 * What keeping this entitlement has to answer: no use in the evidence window, a revoke
 * recommendation made at launch (unused for 90 days by the principal's last use), or an
 * over-broad grant (it invokes models and also administers Bedrock: governs its controls,
 * customises or provisions models). Empty when a plain justification will do.
 */
export function attestConcerns(facts: AttestFacts): AttestConcern[] {
  const concerns: AttestConcern[] = [];
  if (facts.usage?.isUnused) concerns.push({ kind: 'unused', windowDays: facts.usage.windowDays });
  if (facts.recommendation?.decision === 'revoke') concerns.push({ kind: 'recommended-revoke', reason: facts.recommendation.reason });
  const administrative = facts.tiers.filter((tier) => ADMINISTRATIVE_TIERS.has(tier));
  if (facts.tiers.includes('invoke') && administrative.length > 0) concerns.push({ kind: 'over-broad', tiers: administrative });
  return concerns;
}

/** The question the attest form asks above the justification, in plain words. */
export function attestQuestion(concerns: readonly AttestConcern[]): string {
  const [first] = concerns;
  if (!first) return 'Justification';
  if (first.kind === 'unused') return `Why keep access that shows no use in ${first.windowDays} days?`;
  if (first.kind === 'recommended-revoke') return 'Why keep access recommended for revocation?';
  return `Why does this access need ${first.tiers.join(', ')} as well as invoke?`;
}

function describeConcern(concern: AttestConcern): string {
  if (concern.kind === 'unused') return `This access shows no Bedrock use in ${concern.windowDays} days`;
  if (concern.kind === 'recommended-revoke') return `This access is recommended for revocation (${concern.reason.replace(/\.$/, '')})`;
  return `This access invokes models and also holds the ${concern.tiers.join(', ')} ${concern.tiers.length === 1 ? 'tier' : 'tiers'}, more than most workloads need`;
}

/**
 * Attesting an item with a concern needs a justification of a sentence (at least 20 characters
 * and 3 words) that says why the access should stay. Returns the plain-words error to show, or
 * null. Revoking and delegating are never held back. The unused-usage wording is the existing
 * rule's (`unusedAttestJustificationError`), so both places say the same.
 */
export function attestJustificationError(decisionKind: 'attest' | 'revoke' | 'delegate', facts: AttestFacts, justification: string): string | null {
  if (decisionKind !== 'attest') return null;
  const unusedError = unusedAttestJustificationError(decisionKind, facts.usage, justification);
  if (unusedError) return unusedError;
  const concerns = attestConcerns(facts).filter((concern) => concern.kind !== 'unused');
  if (concerns.length === 0) return null;
  if (isSentenceJustification(justification)) return null;
  return `${describeConcern(concerns[0])}: to keep it, say why it is still needed (at least ${UNUSED_JUSTIFICATION_MIN_LENGTH} characters and ${UNUSED_JUSTIFICATION_MIN_WORDS} words), or revoke it.`;
}
