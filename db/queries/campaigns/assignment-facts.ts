import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { actionLists, entitlements, identityCenterGroups, identityCenterUsers, personAssignments, principals, sodConflicts } from '../../schema';
import { readEntitlementActions } from '../../stored-json/grant-columns';
import { readPrincipalRecommendations } from '../../stored-json/principal-columns';
import type { Severity } from '../../../lib/analysis/types';
import type { AssignmentFacts, PersonFact, RoleFact } from '../../../lib/campaigns/assignment-items';

const CHUNK = 400;

/**
 * Every person assignment of a snapshot (the person_assignments view), in campaign order (account,
 * person, permission set) when `ordered`; unordered is cheaper where only membership counts.
 */
export function selectAssignmentRows(database: AppDatabase, scanId: number, options: { ordered: boolean }): AssignmentFacts['assignments'] {
  const query = database
    .select({
      userId: personAssignments.userId,
      accountId: personAssignments.accountId,
      permissionSetArn: personAssignments.permissionSetArn,
      permissionSetName: personAssignments.permissionSetName,
      viaGroupId: personAssignments.viaGroupId,
      viaGroupName: personAssignments.viaGroupName,
      roleArn: personAssignments.roleArn,
    })
    .from(personAssignments)
    .where(eq(personAssignments.scanId, scanId));
  return options.ordered ? query.orderBy(personAssignments.accountId, personAssignments.userId, personAssignments.permissionSetName, personAssignments.id).all() : query.all();
}

/**
 * The facts an assignment campaign is generated from, all of one snapshot: every person
 * assignment, the people, the member count of each group, and for each `AWSReservedSSO_*` role an
 * assignment becomes, its Bedrock entitlements, score, conflicts and recommendations.
 */
export function readAssignmentFacts(database: AppDatabase, scanId: number): AssignmentFacts {
  const assignments = selectAssignmentRows(database, scanId, { ordered: true });

  const people = new Map<string, PersonFact>();
  for (const row of database
    .select({
      userId: identityCenterUsers.userId,
      userName: identityCenterUsers.userName,
      displayName: identityCenterUsers.displayName,
      email: identityCenterUsers.email,
      tiersMask: identityCenterUsers.tiersMask,
      score: identityCenterUsers.score,
      accountCount: identityCenterUsers.accountCount,
      conflictCount: identityCenterUsers.conflictCount,
    })
    .from(identityCenterUsers)
    .where(eq(identityCenterUsers.scanId, scanId))
    .all()) {
    people.set(row.userId, row);
  }

  const groupMemberCounts = new Map(
    database
      .select({ groupId: identityCenterGroups.groupId, memberCount: identityCenterGroups.memberCount })
      .from(identityCenterGroups)
      .where(eq(identityCenterGroups.scanId, scanId))
      .all()
      .map((row) => [row.groupId, row.memberCount]),
  );

  // From the rows already read: person_assignments is a view, and a DISTINCT over it would expand every row again.
  const roleArns = [...new Set(assignments.flatMap((row) => (row.roleArn === null ? [] : [row.roleArn])))].sort();
  const roles = new Map<string, RoleFact>();
  for (let index = 0; index < roleArns.length; index += CHUNK) {
    const chunk = roleArns.slice(index, index + CHUNK);
    const rows = database
      .select({ id: principals.id, arn: principals.arn, name: principals.name, accountId: principals.accountId, score: principals.score, tiersMask: principals.tiersMask, lastUsedAt: principals.lastUsedAt, analysis: principals.analysis })
      .from(principals)
      .where(and(eq(principals.scanId, scanId), inArray(principals.arn, chunk), eq(principals.hasBedrock, true)))
      .all();
    const byId = new Map<number, RoleFact>();
    for (const row of rows) {
      const fact: RoleFact = { arn: row.arn, name: row.name, accountId: row.accountId, score: row.score, tiersMask: row.tiersMask, lastUsedAt: row.lastUsedAt, conflicts: [], recommendations: readPrincipalRecommendations(row.analysis, row.id), entitlements: [] };
      byId.set(row.id, fact);
      roles.set(row.arn, fact);
    }
    const ids = [...byId.keys()];
    if (ids.length === 0) continue;
    for (const entitlement of database
      .select({ id: entitlements.id, principalId: entitlements.principalId, policyKind: entitlements.policyKind, policyArn: entitlements.policyArn, policyName: entitlements.policyName, tiersMask: entitlements.tiersMask, actions: actionLists.list, isConditional: entitlements.isConditional })
      .from(entitlements)
      .innerJoin(actionLists, eq(actionLists.hash, entitlements.actionsHash))
      .where(and(eq(entitlements.scanId, scanId), inArray(entitlements.principalId, ids)))
      .orderBy(entitlements.entitlementKey)
      .all()) {
      byId.get(entitlement.principalId)?.entitlements.push({ policyKind: entitlement.policyKind, policyArn: entitlement.policyArn, policyName: entitlement.policyName, tiersMask: entitlement.tiersMask, actions: readEntitlementActions(entitlement.actions, entitlement.id), isConditional: entitlement.isConditional });
    }
    for (const conflict of database
      .select({ principalId: sodConflicts.principalId, ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title })
      .from(sodConflicts)
      .where(and(eq(sodConflicts.scanId, scanId), inArray(sodConflicts.principalId, ids)))
      .all()) {
      byId.get(conflict.principalId)?.conflicts.push({ ruleId: conflict.ruleId, severity: conflict.severity as Severity, title: conflict.title });
    }
  }
  return { assignments, people, roles, groupMemberCounts };
}
