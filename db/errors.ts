/**
 * SQLite failures a user can act on, in words. better-sqlite3 throws `SqliteError` with a
 * `code` (`SQLITE_BUSY`, `SQLITE_FULL`, ...) and a terse message ("database is locked"); a route
 * would otherwise answer a bare 500 and the scan history would show the terse message.
 * Either way SQLite rolled the transaction back, so "nothing was saved" is true.
 */
export interface DatabaseProblem {
  /** 503: try again later (busy); 507: the storage is full. */
  status: 503 | 507;
  message: string;
}

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The readable form of a busy/locked or full database error; null for anything else. */
export function describeDatabaseError(error: unknown): DatabaseProblem | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { status: 503, message: 'The database is busy with another write (a scan, a backup or another decision) and did not free up in time; nothing was saved. Try again in a moment.' };
  }
  if (code.startsWith('SQLITE_FULL')) {
    return { status: 507, message: 'The database has no space left (disk full or size limit reached); nothing was saved. Free disk space and try again.' };
  }
  return null;
}
