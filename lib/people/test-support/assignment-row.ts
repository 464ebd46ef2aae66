import type { PersonAssignment } from '../link-roles';

/** A linked person assignment as the person_assignments view lists it (db/schema/people.ts). */
export function assignmentRowOf(assignment: PersonAssignment) {
  return {
    userId: assignment.userId,
    accountId: assignment.accountId,
    permissionSetArn: assignment.permissionSetArn,
    permissionSetName: assignment.permissionSetName,
    viaGroupId: assignment.via.kind === 'group' ? assignment.via.groupId : null,
    viaGroupName: assignment.via.kind === 'group' ? assignment.via.groupName : null,
    roleArn: assignment.roleArn,
  };
}
