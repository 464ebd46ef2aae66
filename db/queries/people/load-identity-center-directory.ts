import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { identityCenterAssignments, identityCenterGroups, identityCenterInstances, identityCenterMemberships, identityCenterPermissionSets, identityCenterUsers } from '../../schema';
import type { IdentityCenterDirectory, PermissionSet } from '../../../lib/people/types';
import { readPermissionSetPolicies } from '../../stored-json/permission-set-columns';

/**
 * Identity Center as one scan read it (users, groups, memberships, permission sets with their
 * policies, account assignments), rebuilt from its rows in the shape the pure planners and
 * verifiers take; null when the scan read no Identity Center.
 */
export function loadIdentityCenterDirectory(database: AppDatabase, scanId: number): IdentityCenterDirectory | null {
  const instance = database.select().from(identityCenterInstances).where(eq(identityCenterInstances.scanId, scanId)).get();
  if (!instance) return null;
  return {
    instanceArn: instance.instanceArn,
    identityStoreId: instance.identityStoreId,
    users: database.select().from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scanId)).all().map((row) => ({ userId: row.userId, userName: row.userName, displayName: row.displayName, email: row.email, externalId: row.externalId })),
    groups: database.select().from(identityCenterGroups).where(eq(identityCenterGroups.scanId, scanId)).all().map((row) => ({ groupId: row.groupId, displayName: row.displayName, description: row.description })),
    memberships: database.select().from(identityCenterMemberships).where(eq(identityCenterMemberships.scanId, scanId)).all().map((row) => ({ membershipId: row.membershipId, groupId: row.groupId, userId: row.userId })),
    permissionSets: database
      .select()
      .from(identityCenterPermissionSets)
      .where(eq(identityCenterPermissionSets.scanId, scanId))
      .all()
      .map((row): PermissionSet => ({ arn: row.arn, name: row.name, description: row.description, sessionDuration: row.sessionDuration, ...readPermissionSetPolicies(row.policies, row.arn) })),
    assignments: database.select().from(identityCenterAssignments).where(eq(identityCenterAssignments.scanId, scanId)).all().map((row) => ({ accountId: row.accountId, permissionSetArn: row.permissionSetArn, principalType: row.principalType, principalId: row.principalId })),
  };
}
