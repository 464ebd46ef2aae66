import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { identityCenterInstances } from '../../schema';
import { parseStoredStringList } from '../../schema/stored-json';

/** The action names a scan's stored person analyses index by bit (empty for scans stored before them). */
export function loadPersonActionNames(database: AppDatabase, scanId: number): string[] {
  const row = database.select({ names: identityCenterInstances.personActionNames }).from(identityCenterInstances).where(eq(identityCenterInstances.scanId, scanId)).get();
  return row ? parseStoredStringList(row.names) : [];
}
