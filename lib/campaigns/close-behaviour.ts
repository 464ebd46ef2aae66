/** What a campaign does with items still undecided at close (the schema's enum takes this list). */
export const CLOSE_BEHAVIOURS = ['report', 'revoke'] as const;

export type CloseBehaviour = (typeof CLOSE_BEHAVIOURS)[number];

/** What happens to an item still undecided when its campaign closes. */
export function closeOutcomeFor(behaviour: CloseBehaviour): { status: 'not-certified' | 'revoked'; createsRevocation: boolean } {
  return behaviour === 'revoke' ? { status: 'revoked', createsRevocation: true } : { status: 'not-certified', createsRevocation: false };
}

export const CLOSE_BEHAVIOUR_LABELS: Record<CloseBehaviour, string> = {
  report: 'Report undecided items as not certified',
  revoke: 'Revoke undecided items',
};

/** The actor recorded for what the campaign does on its own at close. */
export const CAMPAIGN_CLOSE_ACTOR = 'system:campaign-close';
