/**
 * `npx tsx bench/identity-center-reads.ts <database>`: times the reads of person assignments at
 * the scale of the database given (#14: a database kept from `bench/identity-center-run.ts`).
 * person_assignments is a view expanded at read time, so these are the reads that pay for it:
 * the person page, the people behind a role, the people list's account and permission-set
 * filters, a campaign's held-assignment check, the assignment campaign's facts and the export.
 */
import { desc, eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { identityCenterAssignments, identityCenterUsers, scans, ssoRoleLinks } from '../db/schema';
import { readAssignmentFacts } from '../db/queries/campaigns/assignment-facts';
import { findHeldAssignmentKeys } from '../db/queries/campaigns/held-assignments';
import { iterateExportedPeople, loadExportedRolePeople } from '../db/queries/people/export-people';
import { listPeople, parsePeopleListQuery } from '../db/queries/people/list-people';
import { getPeopleBehindRole } from '../db/queries/people/people-behind-role';
import { getPersonDetail } from '../db/queries/people/person-detail';
import { assignmentKey } from '../lib/campaigns/assignment-items';

const database = openDatabase(process.argv[2]);
const scanId = database.select({ id: scans.id }).from(scans).orderBy(desc(scans.id)).get()?.id ?? 0;

function time<T>(label: string, runs: number, run: (index: number) => T): T {
  let result = run(0);
  const started = performance.now();
  for (let index = 0; index < runs; index += 1) result = run(index);
  console.log(`${label.padEnd(58)} ${((performance.now() - started) / runs).toFixed(1).padStart(8)} ms`);
  return result;
}

const users = database.select({ userId: identityCenterUsers.userId }).from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scanId)).limit(20).all();
const roles = database.select({ roleArn: ssoRoleLinks.roleArn }).from(ssoRoleLinks).where(eq(ssoRoleLinks.scanId, scanId)).limit(20).all();
const account = database.select({ accountId: identityCenterAssignments.accountId }).from(identityCenterAssignments).where(eq(identityCenterAssignments.scanId, scanId)).get()?.accountId ?? '';
const detail = time('person detail (20 people)', 20, (index) => getPersonDetail(database, scanId, users[index % users.length].userId));
console.log(`  the last of them: ${detail.assignments.length} assignments`);
const behind = time('people behind a role (20 roles)', 20, (index) => getPeopleBehindRole(database, scanId, roles[index % roles.length].roleArn));
console.log(`  the last of them: ${behind?.people.length ?? 0} people`);
time('people list, no filter', 5, () => listPeople(database, scanId, parsePeopleListQuery({})));
const byAccount = time('people list filtered by account', 5, () => listPeople(database, scanId, parsePeopleListQuery({ account })));
console.log(`  ${byAccount.total} people in ${account}`);
const bySet = time('people list filtered by permission set', 5, () => listPeople(database, scanId, parsePeopleListQuery({ permissionSet: detail.assignments[0]?.permissionSetName ?? '' })));
console.log(`  ${bySet.total} people hold ${detail.assignments[0]?.permissionSetName}`);
const keys = detail.assignments.map((row) => assignmentKey({ userId: detail.userId, accountId: row.accountId, permissionSetArn: row.permissionSetArn, viaGroupId: row.viaGroupId }));
time('held assignment keys of one person', 5, () => findHeldAssignmentKeys(database, scanId, keys));
const exported = time('export: every person, with assignments and analysis', 1, () => {
  let count = 0;
  for (const person of iterateExportedPeople(database, scanId)) count += person.assignments.length;
  return count;
});
console.log(`  ${exported} person assignments exported`);
const facts = time('assignment campaign facts (every person assignment)', 1, () => readAssignmentFacts(database, scanId));
console.log(`  ${facts.assignments.length} person assignments, ${facts.roles.size} roles`);
time('export: the people behind every role', 1, () => loadExportedRolePeople(database, scanId));
database.$client.close();
