import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { identityCenterAssignments, identityCenterGroups, identityCenterInstances, identityCenterMemberships, identityCenterPermissionSets, identityCenterUsers, ssoRoleLinks } from '../../schema';
import type { IdentityCenterDirectory, PermissionSet } from '../../../lib/people/types';
import { createSsoRolePlanner } from '../../../lib/revocations/identity-center/plan-for-sso-role';
import type { PlanIdentityCenter } from '../../../lib/revocations/plan-revocation';
import type { EvaluateAccess } from '../../../lib/revocations/types';
import { readPermissionSetPolicies } from '../../stored-json/permission-set-columns';

/** Identity Center as the scan read it, rebuilt from its rows; null when the scan read none. */
export function loadDirectory(database: AppDatabase, scanId: number): IdentityCenterDirectory | null {
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

/**
 * The `planIdentityCenter` hook for an `AWSReservedSSO_*` role of a scan: its permission set (the
 * scan's role link), the directory the scan read, and the accounts the set is provisioned to (its
 * roles and its assignments). Undefined when the scan read no Identity Center: the refusal stands.
 */
export function identityCenterPlannerFor(database: AppDatabase, input: { scanId: number; roleArn: string; evaluate: EvaluateAccess }): PlanIdentityCenter | undefined {
  const directory = loadDirectory(database, input.scanId);
  if (!directory) return undefined;
  const link = database.select({ permissionSetArn: ssoRoleLinks.permissionSetArn }).from(ssoRoleLinks).where(and(eq(ssoRoleLinks.scanId, input.scanId), eq(ssoRoleLinks.roleArn, input.roleArn))).get();
  const permissionSetArn = link?.permissionSetArn ?? null;
  const roleAccounts = permissionSetArn === null ? [] : database.select({ accountId: ssoRoleLinks.accountId }).from(ssoRoleLinks).where(and(eq(ssoRoleLinks.scanId, input.scanId), eq(ssoRoleLinks.permissionSetArn, permissionSetArn))).all();
  const provisionedAccountIds = [...roleAccounts.map((row) => row.accountId), ...directory.assignments.filter((assignment) => assignment.permissionSetArn === permissionSetArn).map((assignment) => assignment.accountId)];
  return createSsoRolePlanner({ directory, permissionSetArn, provisionedAccountIds, evaluate: input.evaluate });
}
