import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { identityCenterGroups, identityCenterMemberships, identityCenterPermissionSets, identityCenterUsers, personAssignments } from '../../schema';
import { tierBit } from '../../../lib/analysis/tier-mask';
import type { Severity } from '../../../lib/analysis/types';
import { peopleDirectionOf, type PeopleListQuery, type PeopleSort } from '../../../lib/people/search-params';
import { accountCondition } from '../account-options';
import { rowsInIdOrder, toLikePattern, toPaging } from '../viewer';

// The URL state lives in lib/people/search-params.ts; re-exported under the names pages and routes import.
export { PEOPLE_SORTS, parsePeopleListQuery, peopleDirectionOf, peopleListQuerySchema, type PeopleListQuery, type PeopleSort } from '../../../lib/people/search-params';

const SORT_COLUMNS = { score: identityCenterUsers.score, name: identityCenterUsers.userName, accounts: identityCenterUsers.bedrockAccountCount, conflicts: identityCenterUsers.conflictCount } as const satisfies Record<PeopleSort, unknown>;

function filterConditions(scanId: number, query: PeopleListQuery): SQL[] {
  const conditions: SQL[] = [eq(identityCenterUsers.scanId, scanId)];
  if (query.scope === 'bedrock') conditions.push(sql`${identityCenterUsers.tiersMask} != 0`);
  if (query.tier) conditions.push(sql`(${identityCenterUsers.tiersMask} & ${tierBit(query.tier)}) != 0`);
  if (query.minScore !== undefined) conditions.push(gte(identityCenterUsers.score, query.minScore));
  if (query.maxScore !== undefined) conditions.push(lte(identityCenterUsers.score, query.maxScore));
  if (query.group) {
    conditions.push(sql`${identityCenterUsers.userId} IN (SELECT ${identityCenterMemberships.userId} FROM ${identityCenterMemberships} WHERE ${identityCenterMemberships.scanId} = ${scanId} AND ${identityCenterMemberships.groupId} = ${query.group})`);
  }
  if (query.account) {
    conditions.push(sql`${identityCenterUsers.userId} IN (SELECT ${personAssignments.userId} FROM ${personAssignments} WHERE ${personAssignments.scanId} = ${scanId} AND ${accountCondition(personAssignments.accountId, query.account)})`);
  }
  if (query.permissionSet) {
    conditions.push(sql`${identityCenterUsers.userId} IN (SELECT ${personAssignments.userId} FROM ${personAssignments} WHERE ${personAssignments.scanId} = ${scanId} AND ${personAssignments.permissionSetName} = ${query.permissionSet})`);
  }
  if (query.q) {
    const pattern = toLikePattern(query.q);
    conditions.push(sql`(${identityCenterUsers.userName} LIKE ${pattern} ESCAPE '\\' OR ${identityCenterUsers.displayName} LIKE ${pattern} ESCAPE '\\' OR ${identityCenterUsers.email} LIKE ${pattern} ESCAPE '\\')`);
  }
  return conditions;
}

/** One row of the people list: what the table shows, never the analysis JSON. */
export interface PeopleListRow {
  id: number;
  userId: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  accountCount: number;
  bedrockAccountCount: number;
  assignmentCount: number;
  tiersMask: number;
  score: number;
  conflictCount: number;
  maxConflictSeverity: Severity | null;
}

const listColumns = {
  id: identityCenterUsers.id,
  userId: identityCenterUsers.userId,
  userName: identityCenterUsers.userName,
  displayName: identityCenterUsers.displayName,
  email: identityCenterUsers.email,
  accountCount: identityCenterUsers.accountCount,
  bedrockAccountCount: identityCenterUsers.bedrockAccountCount,
  assignmentCount: identityCenterUsers.assignmentCount,
  tiersMask: identityCenterUsers.tiersMask,
  score: identityCenterUsers.score,
  conflictCount: identityCenterUsers.conflictCount,
  maxConflictSeverity: identityCenterUsers.maxConflictSeverity,
};

function orderOf(query: PeopleListQuery): SQL[] {
  const column = SORT_COLUMNS[query.sort];
  return [peopleDirectionOf(query) === 'asc' ? asc(column) : desc(column), asc(identityCenterUsers.userName), asc(identityCenterUsers.id)];
}

/**
 * A page of the people (Identity Center users) of one scan, filtered by group, account,
 * permission set, tier, score and a search of user name, display name and email, with the total.
 * People are not owned principals: the list is for admins and auditors (the page checks).
 */
export function listPeople(database: AppDatabase, scanId: number, query: PeopleListQuery): { rows: PeopleListRow[]; total: number } {
  const where = and(...filterConditions(scanId, query));
  const { limit, offset } = toPaging(query.page, query.pageSize);
  const ids = database.select({ id: identityCenterUsers.id }).from(identityCenterUsers).where(where).orderBy(...orderOf(query)).limit(limit).offset(offset).all().map((row) => row.id);
  const rows = rowsInIdOrder(ids, (pageIds) => database.select(listColumns).from(identityCenterUsers).where(inArray(identityCenterUsers.id, pageIds)).all());
  const total = database.select({ total: count() }).from(identityCenterUsers).where(where).get()?.total ?? 0;
  return { rows, total };
}

/** The filtered list in batches, for the CSV export (same filters and order). */
export function* iteratePeopleForExport(database: AppDatabase, scanId: number, query: PeopleListQuery, batchSize = 2000): Generator<PeopleListRow[]> {
  const where = and(...filterConditions(scanId, query));
  for (let offset = 0; ; offset += batchSize) {
    const batch = database.select(listColumns).from(identityCenterUsers).where(where).orderBy(...orderOf(query)).limit(batchSize).offset(offset).all();
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
  }
}

/** Groups and permission set names of a scan, for the filters (capped: huge directories type instead). */
export function listPeopleFilterOptions(database: AppDatabase, scanId: number, limit = 200): { groups: Array<{ id: string; name: string }>; permissionSets: string[] } {
  const groups = database
    .select({ id: identityCenterGroups.groupId, name: identityCenterGroups.displayName })
    .from(identityCenterGroups)
    .where(eq(identityCenterGroups.scanId, scanId))
    .orderBy(asc(identityCenterGroups.displayName))
    .limit(limit)
    .all();
  const permissionSets = database
    .select({ name: identityCenterPermissionSets.name })
    .from(identityCenterPermissionSets)
    .where(eq(identityCenterPermissionSets.scanId, scanId))
    .orderBy(asc(identityCenterPermissionSets.name))
    .limit(limit)
    .all()
    .map((row) => row.name);
  return { groups, permissionSets };
}
