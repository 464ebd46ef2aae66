import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, actionLists, principals, scans } from '../../schema';
import type { PrincipalAnalysis, StoredPrincipalFacts } from '../../schema/stored-json';
import { readPrincipalActions, readPrincipalAnalysis, readPrincipalFacts } from '../../stored-json/principal-columns';
import { NotFoundError } from '../../../lib/http/errors';
import { ownerScope, type Viewer } from '../viewer';

export interface PrincipalDetail {
  id: number;
  scanId: number;
  scanFinishedAt: string | null;
  isLatestScan: boolean;
  arn: string;
  name: string;
  type: 'user' | 'role';
  path: string;
  accountId: string;
  accountName: string | null;
  environment: string | null;
  ownerEmail: string | null;
  permissionSetName: string | null;
  score: number;
  tiersMask: number;
  actionCount: number;
  conflictCount: number;
  lastUsedAt: string | null;
  facts: StoredPrincipalFacts;
  analysis: PrincipalAnalysis;
}

/**
 * One principal of a published scan, scoped to the viewer in the WHERE clause: an owner who
 * types another owner's id gets NotFoundError, exactly as for an id that does not exist.
 */
export function getPrincipalDetail(database: AppDatabase, viewer: Viewer, principalId: number, latestScanId: number | null): PrincipalDetail {
  const row = database
    .select({
      id: principals.id,
      scanId: principals.scanId,
      scanFinishedAt: scans.finishedAt,
      arn: principals.arn,
      name: principals.name,
      type: principals.type,
      path: principals.path,
      accountId: principals.accountId,
      accountName: accounts.name,
      environment: accounts.environment,
      ownerEmail: principals.ownerEmail,
      permissionSetName: principals.permissionSetName,
      score: principals.score,
      tiersMask: principals.tiersMask,
      actionCount: principals.actionCount,
      conflictCount: principals.conflictCount,
      lastUsedAt: principals.lastUsedAt,
      facts: principals.facts,
      analysis: principals.analysis,
      actions: actionLists.list,
    })
    .from(principals)
    .innerJoin(scans, eq(scans.id, principals.scanId))
    .innerJoin(actionLists, eq(actionLists.hash, principals.actionsHash))
    .leftJoin(accounts, eq(accounts.id, principals.accountId))
    .where(and(eq(principals.id, principalId), eq(scans.isPublished, true), ownerScope(viewer, principals.ownerEmail)))
    .get();
  if (!row) throw new NotFoundError('No such principal, or it is not yours to see.');
  const { actions, ...detail } = row;
  return {
    ...detail,
    isLatestScan: row.scanId === latestScanId,
    facts: readPrincipalFacts(row.facts, row.id),
    analysis: { ...readPrincipalAnalysis(row.analysis, row.id), actions: readPrincipalActions(actions, row.id) },
  };
}
