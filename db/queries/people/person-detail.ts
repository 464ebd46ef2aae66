import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, identityCenterGroups, identityCenterMemberships, identityCenterUsers, personAssignments, principals } from '../../schema';
import type { PersonAnalysis } from '../../../lib/people/analyze-person';
import { readStoredPersonAnalysis } from '../../../lib/people/stored-person-analysis';
import { loadPersonActionNames } from './person-action-names';
import { NotFoundError } from '../../../lib/http/errors';

export interface PersonAssignmentRow {
  accountId: string;
  accountName: string | null;
  permissionSetName: string;
  permissionSetArn: string;
  viaGroupId: string | null;
  viaGroupName: string | null;
  roleArn: string | null;
  /** The role's principal id in the same scan, for a link; null when the role is not in the snapshot. */
  principalId: number | null;
}

export interface PersonDetail {
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  externalId: string | null;
  score: number;
  tiersMask: number;
  groups: Array<{ groupId: string; displayName: string }>;
  assignments: PersonAssignmentRow[];
  analysis: PersonAnalysis;
  accountNames: Record<string, string>;
}

/**
 * One person of a scan: identity, groups, every assignment (account, permission set, via, the
 * role it becomes) and the stored analysis. @throws NotFoundError when the scan has no such person.
 */
export function getPersonDetail(database: AppDatabase, scanId: number, userId: string): PersonDetail {
  const person = database
    .select({
      userId: identityCenterUsers.userId,
      userName: identityCenterUsers.userName,
      displayName: identityCenterUsers.displayName,
      email: identityCenterUsers.email,
      externalId: identityCenterUsers.externalId,
      score: identityCenterUsers.score,
      tiersMask: identityCenterUsers.tiersMask,
      analysis: identityCenterUsers.analysis,
    })
    .from(identityCenterUsers)
    .where(and(eq(identityCenterUsers.scanId, scanId), eq(identityCenterUsers.userId, userId)))
    .get();
  if (!person) throw new NotFoundError('No such person in the latest snapshot.');
  const groups = database
    .select({ groupId: identityCenterGroups.groupId, displayName: identityCenterGroups.displayName })
    .from(identityCenterMemberships)
    .innerJoin(identityCenterGroups, and(eq(identityCenterGroups.scanId, identityCenterMemberships.scanId), eq(identityCenterGroups.groupId, identityCenterMemberships.groupId)))
    .where(and(eq(identityCenterMemberships.scanId, scanId), eq(identityCenterMemberships.userId, userId)))
    .orderBy(asc(identityCenterGroups.displayName))
    .all();
  const assignments = database
    .select({
      accountId: personAssignments.accountId,
      accountName: accounts.name,
      permissionSetName: personAssignments.permissionSetName,
      permissionSetArn: personAssignments.permissionSetArn,
      viaGroupId: personAssignments.viaGroupId,
      viaGroupName: personAssignments.viaGroupName,
      roleArn: personAssignments.roleArn,
      principalId: principals.id,
    })
    .from(personAssignments)
    .leftJoin(accounts, eq(accounts.id, personAssignments.accountId))
    .leftJoin(principals, and(eq(principals.scanId, personAssignments.scanId), eq(principals.arn, personAssignments.roleArn)))
    .where(and(eq(personAssignments.scanId, scanId), eq(personAssignments.userId, userId)))
    // `+` keeps SQLite from walking the account index for the order (every row of the scan,
    // 1.15 million at #14's scale, seconds a page): the person's rows come by the user index.
    .orderBy(sql`+${personAssignments.accountId}`, asc(personAssignments.permissionSetName), asc(personAssignments.viaGroupName))
    .all();
  const analysis = readStoredPersonAnalysis(person.userId, person.analysis, loadPersonActionNames(database, scanId));
  const accountIds = new Set([...assignments.map((row) => row.accountId), ...analysis.accounts.map((account) => account.accountId)]);
  const accountNames: Record<string, string> = {};
  for (const row of database.select({ id: accounts.id, name: accounts.name }).from(accounts).all()) if (accountIds.has(row.id)) accountNames[row.id] = row.name;
  return { ...person, groups, assignments, analysis, accountNames };
}
