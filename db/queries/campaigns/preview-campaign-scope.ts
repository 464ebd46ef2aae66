import { inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, entitlements, ownerMappings, principals } from '../../schema';
import { matchesScope, type CampaignScope } from '../../../lib/campaigns/scope';
import { previewScope, type ScopePreview, type ScopePreviewCandidate } from '../../../lib/campaigns/scope-preview';
import { getLatestPublishedScanId } from '../scans';
import { previewAssignmentScope } from './preview-assignment-scope';
import { readPrincipalReviewerFacts } from '../../stored-json/principal-columns';
import { readScanEntitlements } from '../read-scan-entitlements';

const CHUNK = 400;

export interface CampaignScopePreviewResult extends ScopePreview {
  /** Null before the first published snapshot: the launch would refuse. */
  scanId: number | null;
}

/**
 * What launching this scope now would create, without writing anything: the in-scope
 * entitlements of the latest published snapshot (the one launch freezes) and the reviewer of
 * each, by the same `matchesScope` and `assignReviewer` rules launch applies.
 */
export function previewCampaignScope(database: AppDatabase, scope: CampaignScope, fallbackReviewers: readonly string[]): CampaignScopePreviewResult {
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) return { scanId: null, itemCount: 0, principalCount: 0, accountCount: 0, reviewerCount: 0, topReviewers: [], selfReviewAvoidedCount: 0 };
  if (scope.subject === 'assignments') return { scanId, ...previewAssignmentScope(database, scanId, scope, fallbackReviewers, new Date()) };

  // The rows launch reads (readScanEntitlements), so the preview counts what the launch then creates.
  const rows = readScanEntitlements(database, scanId, {
    principalId: principals.id,
    principalType: principals.type,
    name: principals.name,
    path: principals.path,
    accountId: principals.accountId,
    ownerEmail: principals.ownerEmail,
    score: principals.score,
    conflictCount: principals.conflictCount,
    tiersMask: entitlements.tiersMask,
  }).filter((row) => matchesScope({ accountId: row.accountId, principalType: row.principalType, score: row.score, tiersMask: row.tiersMask, conflictCount: row.conflictCount }, scope));

  // Identity tags and console passwords decide self-review; read them only for in-scope principals.
  const principalIds = [...new Set(rows.map((row) => row.principalId))];
  const details = new Map<number, { tags: Record<string, string>; hasConsolePassword: boolean | null }>();
  for (let index = 0; index < principalIds.length; index += CHUNK) {
    const chunk = principalIds.slice(index, index + CHUNK);
    for (const principal of database.select({ id: principals.id, facts: principals.facts }).from(principals).where(inArray(principals.id, chunk)).all()) {
      const facts = readPrincipalReviewerFacts(principal.facts, principal.id);
      details.set(principal.id, { tags: facts.tags, hasConsolePassword: facts.type === 'user' && facts.credentials ? facts.credentials.hasConsolePassword : null });
    }
  }

  const candidates: ScopePreviewCandidate[] = rows.map((row) => {
    const detail = details.get(row.principalId);
    const tags = detail?.tags ?? {};
    const emailTag = Object.entries(tags).find(([key]) => key.toLowerCase() === 'email')?.[1] ?? null;
    return {
      principalId: row.principalId,
      accountId: row.accountId,
      principalType: row.principalType,
      score: row.score,
      tiersMask: row.tiersMask,
      conflictCount: row.conflictCount,
      reviewerSubject: { type: row.principalType, name: row.name, path: row.path, accountId: row.accountId, ownerTag: row.ownerEmail, emailTag, tags, hasConsolePassword: detail?.hasConsolePassword ?? null },
    };
  });
  const accountOwners = new Map(database.select({ id: accounts.id, ownerEmail: accounts.ownerEmail }).from(accounts).all().map((account) => [account.id, account.ownerEmail]));
  const mappings = database.select().from(ownerMappings).all();
  return { scanId, ...previewScope(candidates, scope, { mappings, accountOwners, fallbackReviewers }) };
}
