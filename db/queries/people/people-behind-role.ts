import { and, asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { identityCenterUsers, personAssignments, ssoRoleLinks } from '../../schema';
import { parseStoredStringList } from '../../schema/stored-json';

export interface PeopleBehindRole {
  permissionSetName: string;
  /** Null: the role matches no permission set of the instance (unlinked). */
  permissionSetArn: string | null;
  drift: string[];
  /** False when nobody is assigned the permission set in this account any more. */
  isAssigned: boolean;
  people: Array<{ userId: string; userName: string; displayName: string | null; email: string | null; viaGroupId: string | null; viaGroupName: string | null }>;
}

/**
 * Who is behind an `AWSReservedSSO_*` role in a scan: the role's permission set and the people
 * assigned it in the role's account, each with how (direct or the group). Null when the scan read
 * no Identity Center or the role is not an SSO role.
 */
export function getPeopleBehindRole(database: AppDatabase, scanId: number, roleArn: string): PeopleBehindRole | null {
  const link = database
    .select({ accountId: ssoRoleLinks.accountId, permissionSetName: ssoRoleLinks.permissionSetName, permissionSetArn: ssoRoleLinks.permissionSetArn, drift: ssoRoleLinks.drift, isAssigned: ssoRoleLinks.isAssigned })
    .from(ssoRoleLinks)
    .where(and(eq(ssoRoleLinks.scanId, scanId), eq(ssoRoleLinks.roleArn, roleArn)))
    .get();
  if (!link) return null;
  const { permissionSetArn } = link;
  // An unlinked role has nobody behind it. A linked one is found through its account and set:
  // person_assignments is a view, and those are the columns its tables index.
  const people = permissionSetArn === null ? [] : database
    .select({
      userId: personAssignments.userId,
      userName: identityCenterUsers.userName,
      displayName: identityCenterUsers.displayName,
      email: identityCenterUsers.email,
      viaGroupId: personAssignments.viaGroupId,
      viaGroupName: personAssignments.viaGroupName,
    })
    .from(personAssignments)
    .innerJoin(identityCenterUsers, and(eq(identityCenterUsers.scanId, personAssignments.scanId), eq(identityCenterUsers.userId, personAssignments.userId)))
    .where(and(eq(personAssignments.scanId, scanId), eq(personAssignments.accountId, link.accountId), eq(personAssignments.permissionSetArn, permissionSetArn), eq(personAssignments.roleArn, roleArn)))
    .orderBy(asc(identityCenterUsers.userName), asc(personAssignments.viaGroupName))
    .all();
  return { permissionSetName: link.permissionSetName, permissionSetArn: link.permissionSetArn, drift: parseStoredStringList(link.drift), isAssigned: link.isAssigned, people };
}
