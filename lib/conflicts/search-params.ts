import { z } from 'zod';
import { pagingSearchParams, parseSearchParams } from '../http/search-params';
import type { Severity } from '../analysis/types';

/** Severities from most to least severe (the order lists and filters use). */
export const SEVERITIES_MOST_SEVERE_FIRST = ['critical', 'high', 'medium', 'low'] as const satisfies readonly Severity[];

/** How the SoD list groups its lines: one block per principal, or one block per rule. */
export const CONFLICT_GROUPINGS = ['principal', 'rule'] as const;
export type ConflictGrouping = (typeof CONFLICT_GROUPINGS)[number];

/** Whether conflicts covered by an active exception are hidden (default), included or the only ones shown. */
export const EXCEPTION_VISIBILITIES = ['hide', 'include', 'only'] as const;

/** URL state of the SoD conflict list; an unreadable value falls back to its default rather than failing the page. */
export const conflictListQuerySchema = z.object({
  rule: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/).optional().catch(undefined),
  severity: z.enum(SEVERITIES_MOST_SEVERE_FIRST).optional().catch(undefined),
  /** A 12-digit account id, or an account's exact name (case-insensitive). */
  account: z.string().trim().min(1).max(200).optional().catch(undefined),
  excepted: z.enum(EXCEPTION_VISIBILITIES).default('hide').catch('hide'),
  group: z.enum(CONFLICT_GROUPINGS).default('principal').catch('principal'),
  ...pagingSearchParams,
});
export type ConflictListQuery = z.infer<typeof conflictListQuerySchema>;

/** Reads the list's URL state; repeated keys take their first value. */
export function parseConflictListQuery(searchParams: Record<string, string | string[] | undefined>): ConflictListQuery {
  return parseSearchParams(conflictListQuerySchema, searchParams);
}

/** The URL state to carry into paging links (defaults left out so URLs stay short). */
export function conflictListParams(query: ConflictListQuery): Record<string, string | undefined> {
  return { rule: query.rule, severity: query.severity, account: query.account, excepted: query.excepted === 'hide' ? undefined : query.excepted, group: query.group === 'principal' ? undefined : query.group };
}
