import type { AppDatabase } from '../../client';
import type { AssignmentFact, AssignmentGrantFacts } from '../../../lib/campaigns/assignment-items';
import { readRoleGrants } from './assignment-grant-facts';

/** An effective assignment row of a snapshot: what the person_assignments view expands. */
interface AssignmentRow {
  principalType: 'USER' | 'GROUP';
  principalId: string;
  accountId: string;
  permissionSetArn: string;
  permissionSetName: string;
  roleArn: string | null;
}

/** The directory rows of one snapshot that the person_assignments view is made of (db/schema/people.ts). */
interface DirectoryRows {
  assignments: AssignmentRow[];
  /** Group id -> its effective members' user ids. */
  members: Map<string, string[]>;
  /** `groupId|userId` of every effective membership. */
  memberships: Set<string>;
  /** Group id -> display name, for the groups the identity store lists. */
  groupNames: Map<string, string>;
  people: Set<string>;
}

function readDirectoryRows(database: AppDatabase, scanId: number): DirectoryRows {
  const client = database.$client;
  const assignments = client
    .prepare(
      `SELECT a.principal_type AS principalType, a.principal_id AS principalId, a.account_id AS accountId, a.permission_set_arn AS permissionSetArn, s.name AS permissionSetName, a.role_arn AS roleArn
       FROM identity_center_assignments a JOIN identity_center_permission_sets s ON s.scan_id = a.scan_id AND s.arn = a.permission_set_arn
       WHERE a.scan_id = ? AND a.is_effective = 1`,
    )
    .all(scanId) as AssignmentRow[];
  const members = new Map<string, string[]>();
  for (const row of client.prepare('SELECT group_id AS groupId, user_id AS userId FROM identity_center_memberships WHERE scan_id = ? AND is_effective = 1').all(scanId) as Array<{ groupId: string; userId: string }>) {
    const list = members.get(row.groupId) ?? [];
    list.push(row.userId);
    members.set(row.groupId, list);
  }
  const groupNames = new Map((client.prepare('SELECT group_id AS groupId, display_name AS name FROM identity_center_groups WHERE scan_id = ?').all(scanId) as Array<{ groupId: string; name: string }>).map((row) => [row.groupId, row.name]));
  const people = new Set((client.prepare('SELECT user_id AS userId FROM identity_center_users WHERE scan_id = ?').all(scanId) as Array<{ userId: string }>).map((row) => row.userId));
  const memberships = new Set([...members].flatMap(([groupId, users]) => users.map((userId) => `${groupId}|${userId}`)));
  return { assignments, members, memberships, groupNames, people };
}

const rowKey = (row: AssignmentRow) => `${row.principalType}|${row.principalId}|${row.accountId}|${row.permissionSetArn}`;

/** The person assignment (view row) one assignment row gives one user, when it reaches them. */
function personAssignment(row: AssignmentRow, directory: DirectoryRows, userId: string): AssignmentFact | null {
  const base = { userId, accountId: row.accountId, permissionSetArn: row.permissionSetArn, permissionSetName: row.permissionSetName, roleArn: row.roleArn };
  if (row.principalType === 'USER') return row.principalId === userId ? { ...base, viaGroupId: null, viaGroupName: null } : null;
  const groupName = directory.groupNames.get(row.principalId);
  return groupName !== undefined && directory.memberships.has(`${row.principalId}|${userId}`) ? { ...base, viaGroupId: row.principalId, viaGroupName: groupName } : null;
}

/** Every person assignment one assignment row gives, as the view expands it. */
function personAssignments(row: AssignmentRow, directory: DirectoryRows): AssignmentFact[] {
  const users = row.principalType === 'USER' ? [row.principalId] : (directory.members.get(row.principalId) ?? []);
  return users.flatMap((userId) => personAssignment(row, directory, userId) ?? []);
}

/**
 * `AWSReservedSSO_*` roles of `newScanId` with an entitlement that `previousScanId` does not hold
 * with the same actions (a new entitlement, or one whose actions changed): the only roles whose
 * assignments can be widened, or newly reach Bedrock. Compared in SQLite, action-list key against
 * key (equal lists share one `action_lists` row), so the lists of unchanged roles are never read.
 */
function rolesWithChangedEntitlements(database: AppDatabase, previousScanId: number, newScanId: number): Set<string> {
  const rows = database.$client
    .prepare(
      `SELECT DISTINCT p.arn AS arn FROM entitlements e JOIN principals p ON p.id = e.principal_id
       WHERE e.scan_id = ? AND p.arn LIKE '%:role/aws-reserved/sso.amazonaws.com/%'
         AND NOT EXISTS (SELECT 1 FROM entitlements o WHERE o.scan_id = ? AND o.entitlement_key = e.entitlement_key AND o.actions_hash = e.actions_hash)`,
    )
    .all(newScanId, previousScanId) as Array<{ arn: string }>;
  return new Set(rows.map((row) => row.arn));
}

/**
 * Of two snapshots, the assignment facts a micro-certification diff needs and no more (#14 at
 * scale: 1.15 million person assignments a snapshot). An item can only be new or widened when its
 * assignment row or its group membership is new (or its role changed), or when its role holds an
 * entitlement it did not hold with the same actions; every other item of the new snapshot was an
 * item of the previous one with no fewer actions. So both sides hold just those items' person
 * assignments (the new one's, and the previous one's under the same keys), the people, and the
 * roles they name; diffAssignmentItems over them equals its result over the whole snapshots
 * (assignment-changes.test.ts checks that).
 */
export function readChangedAssignmentFacts(database: AppDatabase, previousScanId: number, newScanId: number): { previous: AssignmentGrantFacts; next: AssignmentGrantFacts } {
  const before = readDirectoryRows(database, previousScanId);
  const after = readDirectoryRows(database, newScanId);
  const changedRoles = rolesWithChangedEntitlements(database, previousScanId, newScanId);

  // Assignment rows of the previous snapshot, with the role each became.
  const previousRows = new Map(before.assignments.map((row) => [rowKey(row), row]));
  const groupRowsAfter = new Map<string, AssignmentRow[]>();
  for (const row of after.assignments) {
    if (row.principalType !== 'GROUP') continue;
    const rows = groupRowsAfter.get(row.principalId) ?? [];
    rows.push(row);
    groupRowsAfter.set(row.principalId, rows);
  }

  const next: AssignmentFact[] = [];
  for (const row of after.assignments) {
    const was = previousRows.get(rowKey(row));
    // A new row, a row whose role changed, or a role that may grant more: every person it reaches.
    if (was === undefined || was.roleArn !== row.roleArn || (row.roleArn !== null && changedRoles.has(row.roleArn))) next.push(...personAssignments(row, after));
  }
  // A membership new in this snapshot brings the group's assignments to that one person.
  for (const [groupId, users] of after.members) {
    for (const userId of users) {
      if (before.memberships.has(`${groupId}|${userId}`)) continue;
      for (const row of groupRowsAfter.get(groupId) ?? []) {
        const fact = personAssignment(row, after, userId);
        if (fact) next.push(fact);
      }
    }
  }

  // The same keys in the previous snapshot, where they were person assignments there.
  const previous: AssignmentFact[] = [];
  for (const fact of next) {
    const row = previousRows.get(`${fact.viaGroupId === null ? 'USER' : 'GROUP'}|${fact.viaGroupId ?? fact.userId}|${fact.accountId}|${fact.permissionSetArn}`);
    const was = row === undefined ? null : personAssignment(row, before, fact.userId);
    if (was) previous.push(was);
  }

  const roleArnsOf = (facts: AssignmentFact[]) => [...new Set(facts.flatMap((fact) => (fact.roleArn === null ? [] : [fact.roleArn])))];
  return {
    previous: { assignments: previous, people: before.people, roles: readRoleGrants(database, previousScanId, roleArnsOf(previous)) },
    next: { assignments: next, people: after.people, roles: readRoleGrants(database, newScanId, roleArnsOf(next)) },
  };
}
