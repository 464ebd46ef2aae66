/** A campaign item's states (the schema's enum takes this list). */
export const ITEM_STATUSES = ['pending', 'attested', 'revoked', 'not-certified'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
