import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { entitlements, principals } from '../../schema';
import { ownerMappingWarnings, previewOwnerMappingMatches, type OwnerMappingDraft, type OwnerMappingMatchPreview, type OwnerMappingWarning } from '../../../lib/campaigns/owner-mapping-warnings';
import { listActiveUsers } from '../users';
import { getLatestPublishedScanId } from '../scans';
import { listOwnerMappings } from './owner-mappings';

export interface OwnerMappingPreview extends OwnerMappingMatchPreview {
  /** Null before the first published snapshot (nothing to match yet). */
  scanId: number | null;
  warnings: OwnerMappingWarning[];
}

/**
 * What a rule would do before it is saved: the principals holding Bedrock access in the latest
 * published snapshot (the ones campaigns review) that it matches and would route, and its warnings.
 */
export function previewOwnerMapping(database: AppDatabase, rule: OwnerMappingDraft): OwnerMappingPreview {
  const rules = listOwnerMappings(database);
  const warnings = ownerMappingWarnings(rule, { rules, userEmails: listActiveUsers(database).map((user) => user.email) });
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) return { scanId: null, matchCount: 0, decidedCount: 0, sampleNames: [], warnings };
  const subjects = database
    .selectDistinct({ id: principals.id, name: principals.name, path: principals.path, accountId: principals.accountId, ownerTag: principals.ownerEmail })
    .from(entitlements)
    .innerJoin(principals, eq(principals.id, entitlements.principalId))
    .where(and(eq(entitlements.scanId, scanId), rule.accountId ? eq(principals.accountId, rule.accountId) : undefined))
    .orderBy(principals.accountId, principals.name)
    .all();
  return { scanId, ...previewOwnerMappingMatches(rule, rules, subjects), warnings };
}
