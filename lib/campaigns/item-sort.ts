/** How an item list (the inbox, a campaign's items) can be ordered: riskiest first by default. */
export const ITEM_SORTS = ['risk', 'principal'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The direction a sort starts in: the highest risk first, principals from A. */
export function defaultDirection(sort: ItemSort): SortDirection {
  return sort === 'risk' ? 'desc' : 'asc';
}
