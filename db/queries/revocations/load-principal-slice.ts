import { and, desc, eq, inArray, like } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { policies, policyDocuments, principals, scans } from '../../schema';
import { readPrincipalFacts } from '../../stored-json/principal-columns';
import type { ManagedPolicyFacts, PrincipalFacts } from '../../../lib/analysis/types';
import type { PrincipalSlice } from '../../../lib/revocations/types';

export interface LoadedSlice {
  scanId: number;
  principalId: number;
  ownerEmail: string | null;
  slice: PrincipalSlice;
}

/**
 * The SnapshotInput slice a plan is computed from, out of one published scan (the latest that
 * holds the principal, unless `scanId` is given): the principal's stored facts, its groups, the
 * managed policy documents they reference, and the other members of its groups.
 */
export function loadPrincipalSlice(database: AppDatabase, target: { principalId?: number; principalArn?: string; scanId?: number }): LoadedSlice | null {
  const conditions = [eq(scans.isPublished, true)];
  if (target.principalId !== undefined) conditions.push(eq(principals.id, target.principalId));
  else if (target.principalArn !== undefined) conditions.push(eq(principals.arn, target.principalArn));
  else return null;
  if (target.scanId !== undefined) conditions.push(eq(principals.scanId, target.scanId));
  const row = database
    .select({ id: principals.id, scanId: principals.scanId, accountId: principals.accountId, ownerEmail: principals.ownerEmail, facts: principals.facts, capturedAt: scans.finishedAt })
    .from(principals)
    .innerJoin(scans, eq(scans.id, principals.scanId))
    .where(and(...conditions))
    .orderBy(desc(principals.scanId))
    .limit(1)
    .get();
  if (!row) return null;
  const { principal, groups } = readPrincipalFacts(row.facts, row.id);

  const arns = [...new Set([...principal.attachedManagedPolicyArns, ...groups.flatMap((group) => group.attachedManagedPolicyArns), ...(principal.permissionsBoundaryArn ? [principal.permissionsBoundaryArn] : [])])];
  const managedPolicies: ManagedPolicyFacts[] =
    arns.length === 0
      ? []
      : database
          .select({ arn: policies.arn, name: policies.name, isAwsManaged: policies.isAwsManaged, defaultVersionId: policies.defaultVersionId, document: policyDocuments.document })
          .from(policies)
          .innerJoin(policyDocuments, eq(policyDocuments.hash, policies.documentHash))
          .where(and(eq(policies.scanId, row.scanId), eq(policies.accountId, row.accountId), inArray(policies.arn, arns)))
          .all()
          .map((policy) => ({ ...policy, path: '/' }));

  const groupMembers: Record<string, PrincipalFacts[]> = {};
  for (const group of groups) {
    const candidates = database
      .select({ id: principals.id, facts: principals.facts })
      .from(principals)
      .where(and(eq(principals.scanId, row.scanId), eq(principals.accountId, row.accountId), eq(principals.type, 'user'), like(principals.facts, `%${JSON.stringify(group.name).replace(/[%_\\]/g, '_')}%`)))
      .all();
    groupMembers[group.name] = candidates
      .map((candidate) => readPrincipalFacts(candidate.facts, candidate.id).principal)
      .filter((member) => member.type === 'user' && member.groupNames.includes(group.name));
  }
  return {
    scanId: row.scanId,
    principalId: row.id,
    ownerEmail: row.ownerEmail,
    slice: { capturedAt: row.capturedAt ?? new Date(0).toISOString(), accountId: row.accountId, principal, groups, managedPolicies, groupMembers },
  };
}
