import type { ItemUsageEvidence } from '../usage/item-usage-evidence';

/** The shortest justification accepted for keeping access that shows no use (the inbox form asks the same). */
export const UNUSED_JUSTIFICATION_MIN_LENGTH = 20;
/** A reason is a sentence, not a word: "needed", repeated to length, does not say why. */
export const UNUSED_JUSTIFICATION_MIN_WORDS = 3;

/** A justification that is a sentence: long enough, and of several words (not one word stretched). */
export function isSentenceJustification(justification: string): boolean {
  const text = justification.trim();
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return text.length >= UNUSED_JUSTIFICATION_MIN_LENGTH && words.length >= UNUSED_JUSTIFICATION_MIN_WORDS;
}

/**
 * Attesting an entitlement whose usage evidence shows no use in the window needs a justification
 * that says why the access should stay. Returns the plain-words error to show, or null when the
 * decision may stand. Unknown usage (no CloudTrail read: evidence null) is not "unused", so it asks
 * nothing more than any other decision; revoke and delegate are never held back by this rule.
 */
export function unusedAttestJustificationError(decisionKind: 'attest' | 'revoke' | 'delegate', usage: ItemUsageEvidence | null, justification: string): string | null {
  if (decisionKind !== 'attest' || usage === null || !usage.isUnused) return null;
  if (isSentenceJustification(justification)) return null;
  return (
    `This access shows no Bedrock use in ${usage.windowDays} days: to keep it, say why it is still needed ` +
    `(at least ${UNUSED_JUSTIFICATION_MIN_LENGTH} characters and ${UNUSED_JUSTIFICATION_MIN_WORDS} words), or revoke it.`
  );
}
