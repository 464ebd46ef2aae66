import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { actionLists, entitlements, identityCenterUsers, personAssignments, principals } from '../../schema';
import { readEntitlementActions } from '../../stored-json/grant-columns';
import type { AssignmentGrantFacts, RoleGrant } from '../../../lib/campaigns/assignment-items';
import { selectAssignmentRows } from './assignment-facts';

const CHUNK = 400;

/**
 * Of one snapshot, only what says which assignments are campaign items and what each grants
 * (lib/campaigns/assignment-items): the assignments, the people's ids, and each `AWSReservedSSO_*`
 * role's tiers and Bedrock actions. A micro-certification reads two snapshots after every scan;
 * readAssignmentFacts' scores, conflicts and recommendations are for the items it then launches.
 */
export function readAssignmentGrantFacts(database: AppDatabase, scanId: number): AssignmentGrantFacts {
  const assignments = selectAssignmentRows(database, scanId, { ordered: false });
  const people = new Set(database.select({ userId: identityCenterUsers.userId }).from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scanId)).all().map((row) => row.userId));

  const roleArns = [
    ...new Set(
      database
        .selectDistinct({ roleArn: personAssignments.roleArn })
        .from(personAssignments)
        .where(and(eq(personAssignments.scanId, scanId), isNotNull(personAssignments.roleArn)))
        .all()
        .map((row) => row.roleArn as string),
    ),
  ];
  return { assignments, people, roles: readRoleGrants(database, scanId, roleArns) };
}

/** The tiers and Bedrock entitlements' actions of the named roles in one snapshot (those that hold Bedrock access). */
export function readRoleGrants(database: AppDatabase, scanId: number, roleArns: readonly string[]): Map<string, RoleGrant> {
  const roles = new Map<string, RoleGrant & { entitlements: Array<{ actions: string[] }> }>();
  for (let index = 0; index < roleArns.length; index += CHUNK) {
    const byId = new Map<number, RoleGrant & { entitlements: Array<{ actions: string[] }> }>();
    for (const row of database
      .select({ id: principals.id, arn: principals.arn, tiersMask: principals.tiersMask })
      .from(principals)
      .where(and(eq(principals.scanId, scanId), inArray(principals.arn, roleArns.slice(index, index + CHUNK)), eq(principals.hasBedrock, true)))
      .all()) {
      const role = { tiersMask: row.tiersMask, entitlements: [] };
      byId.set(row.id, role);
      roles.set(row.arn, role);
    }
    if (byId.size === 0) continue;
    for (const entitlement of database
      .select({ id: entitlements.id, principalId: entitlements.principalId, actions: actionLists.list })
      .from(entitlements)
      .innerJoin(actionLists, eq(actionLists.hash, entitlements.actionsHash))
      .where(and(eq(entitlements.scanId, scanId), inArray(entitlements.principalId, [...byId.keys()])))
      .all()) {
      byId.get(entitlement.principalId)?.entitlements.push({ actions: readEntitlementActions(entitlement.actions, entitlement.id) });
    }
  }
  return roles;
}
