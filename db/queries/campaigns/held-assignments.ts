import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { entitlements, personAssignments, principals } from '../../schema';
import { assignmentKey, parseAssignmentKey } from '../../../lib/campaigns/assignment-items';

const CHUNK = 400;

/**
 * Which of these assignment keys (`assignment|…`) a snapshot still holds the way an assignment
 * campaign lists them (lib/campaigns/assignment-items): the person still reaches the permission set
 * in the account the same way (direct, or through the same group), and the `AWSReservedSSO_*` role
 * it becomes has Bedrock access there. Assignments whose role grants no Bedrock are not items.
 */
export function findHeldAssignmentKeys(database: AppDatabase, scanId: number, keys: Iterable<string>): Set<string> {
  const wanted = new Set(keys);
  const userIds = [...new Set([...wanted].flatMap((key) => parseAssignmentKey(key)?.userId ?? []))];
  const held = new Set<string>();
  for (let index = 0; index < userIds.length; index += CHUNK) {
    const candidates = database
      .select({ userId: personAssignments.userId, accountId: personAssignments.accountId, permissionSetArn: personAssignments.permissionSetArn, viaGroupId: personAssignments.viaGroupId, roleArn: personAssignments.roleArn })
      .from(personAssignments)
      .where(and(eq(personAssignments.scanId, scanId), inArray(personAssignments.userId, userIds.slice(index, index + CHUNK))))
      .all()
      .flatMap((row) => (row.roleArn !== null && wanted.has(assignmentKey(row)) ? [{ key: assignmentKey(row), roleArn: row.roleArn }] : []));
    const roleArns = [...new Set(candidates.map((candidate) => candidate.roleArn))];
    if (roleArns.length === 0) continue;
    const bedrockRoles = new Set(
      database
        .select({ arn: principals.arn })
        .from(principals)
        .where(
          and(
            eq(principals.scanId, scanId),
            inArray(principals.arn, roleArns),
            eq(principals.hasBedrock, true),
            ne(principals.tiersMask, 0),
            sql`exists (select 1 from ${entitlements} where ${entitlements.principalId} = ${principals.id})`,
          ),
        )
        .all()
        .map((row) => row.arn),
    );
    for (const candidate of candidates) if (bedrockRoles.has(candidate.roleArn)) held.add(candidate.key);
  }
  return held;
}
