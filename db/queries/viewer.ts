import { eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { UserRole } from '../schema/users';

/** Who is asking: every snapshot query scopes its WHERE clause by this. */
export interface Viewer {
  role: UserRole;
  email: string;
}

/**
 * The owner-scoping condition: owners see only principals whose `owner_email` is theirs; admins
 * and auditors see everything (undefined adds nothing to `and(...)`).
 */
export function ownerScope(viewer: Viewer, ownerEmailColumn: SQLiteColumn): SQL | undefined {
  return viewer.role === 'owner' ? eq(ownerEmailColumn, viewer.email.toLowerCase()) : undefined;
}

/** `LIKE` pattern for a substring search, with `%`, `_` and `\` escaped (use with ESCAPE '\'). */
export function toLikePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Page arguments clamped to sane bounds. */
export function toPaging(page: number, pageSize: number): { limit: number; offset: number } {
  const size = Math.min(200, Math.max(1, Math.floor(pageSize) || 25));
  const number = Math.max(1, Math.floor(page) || 1);
  return { limit: size, offset: (number - 1) * size };
}

/**
 * The second half of a deferred join: the page's ids were read first, in order, from an index;
 * `fetchRows` reads only those rows (wide columns included) and they are returned in that order.
 * An id whose row is gone in between is dropped.
 */
export function rowsInIdOrder<Row extends { id: number }>(ids: number[], fetchRows: (ids: number[]) => Row[]): Row[] {
  if (ids.length === 0) return [];
  const byId = new Map(fetchRows(ids).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
