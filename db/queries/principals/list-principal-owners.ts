import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { principals } from '../../schema';

/** Owners that appear in a scan, for the owner filter. */
export function listPrincipalOwners(database: AppDatabase, scanId: number): string[] {
  return database
    .selectDistinct({ ownerEmail: principals.ownerEmail })
    .from(principals)
    .where(and(eq(principals.scanId, scanId), sql`${principals.ownerEmail} IS NOT NULL`))
    .orderBy(principals.ownerEmail)
    .limit(500)
    .all()
    .map((row) => row.ownerEmail as string);
}
