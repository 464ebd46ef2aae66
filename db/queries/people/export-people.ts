import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { identityCenterUsers, personAssignments, ssoRoleLinks } from '../../schema';
import { maskToTiers } from '../../../lib/analysis/tier-mask';
import type { BlastRadius, Tier } from '../../../lib/analysis/types';
import type { PersonConflict } from '../../../lib/people/analyze-person';
import { readStoredPersonAnalysis } from '../../../lib/people/stored-person-analysis';
import { loadPersonActionNames } from './person-action-names';
import { describeVia } from '../../../lib/people/types';

/** What `export --format json` adds to an SSO role principal. */
export interface ExportedRolePeople {
  permissionSet: { name: string; arn: string | null };
  people: Array<{ userName: string; displayName: string | null; email: string | null; via: string }>;
}

/** One entry of the export's top-level `people` array. */
export interface ExportedPerson {
  /** The identity store UserId: the stable key (user names can be renamed). */
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  assignments: Array<{ accountId: string; permissionSet: string; via: string }>;
  roles: string[];
  tiers: Tier[];
  blastRadius: BlastRadius;
  sodConflicts: PersonConflict[];
}

function viaOf(groupName: string | null): string {
  return describeVia(groupName === null ? { kind: 'direct' } : { kind: 'group', groupId: '', groupName });
}

/**
 * The people behind every SSO role of a scan, by role ARN, for the export. One pass over the
 * scan's person assignments (sorted by user name, then via).
 */
export function loadExportedRolePeople(database: AppDatabase, scanId: number): Map<string, ExportedRolePeople> {
  const byRole = new Map<string, ExportedRolePeople>();
  for (const link of database.select({ roleArn: ssoRoleLinks.roleArn, name: ssoRoleLinks.permissionSetName, arn: ssoRoleLinks.permissionSetArn }).from(ssoRoleLinks).where(eq(ssoRoleLinks.scanId, scanId)).all()) {
    byRole.set(link.roleArn, { permissionSet: { name: link.name, arn: link.arn }, people: [] });
  }
  const rows = database
    .select({ roleArn: personAssignments.roleArn, userName: identityCenterUsers.userName, displayName: identityCenterUsers.displayName, email: identityCenterUsers.email, viaGroupName: personAssignments.viaGroupName })
    .from(personAssignments)
    .innerJoin(identityCenterUsers, and(eq(identityCenterUsers.scanId, personAssignments.scanId), eq(identityCenterUsers.userId, personAssignments.userId)))
    .where(eq(personAssignments.scanId, scanId))
    .orderBy(asc(identityCenterUsers.userName), asc(personAssignments.viaGroupName))
    .all();
  for (const row of rows) {
    if (row.roleArn === null) continue;
    byRole.get(row.roleArn)?.people.push({ userName: row.userName, displayName: row.displayName, email: row.email, via: viaOf(row.viaGroupName) });
  }
  return byRole;
}

/** Every person of a scan for the export, in user-name order, a page at a time. */
export function* iterateExportedPeople(database: AppDatabase, scanId: number, pageSize = 500): Generator<ExportedPerson> {
  const actionNames = loadPersonActionNames(database, scanId);
  let lastId = 0;
  for (;;) {
    const users = database
      .select({ id: identityCenterUsers.id, userId: identityCenterUsers.userId, userName: identityCenterUsers.userName, displayName: identityCenterUsers.displayName, email: identityCenterUsers.email, tiersMask: identityCenterUsers.tiersMask, analysis: identityCenterUsers.analysis })
      .from(identityCenterUsers)
      .where(and(eq(identityCenterUsers.scanId, scanId), gt(identityCenterUsers.id, lastId)))
      .orderBy(asc(identityCenterUsers.id))
      .limit(pageSize)
      .all();
    if (users.length === 0) return;
    lastId = users[users.length - 1].id;
    for (const user of users) {
      const assignments = database
        .select({ accountId: personAssignments.accountId, permissionSet: personAssignments.permissionSetName, viaGroupName: personAssignments.viaGroupName, roleArn: personAssignments.roleArn })
        .from(personAssignments)
        .where(and(eq(personAssignments.scanId, scanId), eq(personAssignments.userId, user.userId)))
        // `+` keeps SQLite from walking the account index for the order (every row of the scan,
        // 1.15 million at #14's scale, seconds a page): the person's rows come by the user index.
        .orderBy(sql`+${personAssignments.accountId}`, asc(personAssignments.permissionSetName), asc(personAssignments.viaGroupName))
        .all();
      const analysis = readStoredPersonAnalysis(user.userId, user.analysis, actionNames);
      yield {
        userId: user.userId,
        userName: user.userName,
        displayName: user.displayName,
        email: user.email,
        assignments: assignments.map((assignment) => ({ accountId: assignment.accountId, permissionSet: assignment.permissionSet, via: viaOf(assignment.viaGroupName) })),
        roles: [...new Set(assignments.map((assignment) => assignment.roleArn).filter((arn): arn is string => arn !== null))].sort(),
        tiers: maskToTiers(user.tiersMask),
        blastRadius: analysis.blastRadius,
        sodConflicts: analysis.conflicts,
      };
    }
  }
}
