import { and, asc, desc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { entitlements, principals, scans } from '../../schema';

/** The Bedrock entitlement keys of a principal in the latest published snapshot that holds it. */
export function listEntitlementKeysOfPrincipal(database: AppDatabase, principalArn: string): string[] {
  const principal = database
    .select({ id: principals.id })
    .from(principals)
    .innerJoin(scans, eq(scans.id, principals.scanId))
    .where(and(eq(principals.arn, principalArn), eq(scans.isPublished, true)))
    .orderBy(desc(principals.scanId))
    .limit(1)
    .get();
  if (!principal) return [];
  return database
    .select({ key: entitlements.entitlementKey })
    .from(entitlements)
    .where(eq(entitlements.principalId, principal.id))
    .orderBy(asc(entitlements.entitlementKey))
    .all()
    .map((row) => row.key);
}
