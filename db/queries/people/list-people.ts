import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../../client';
import { identityCenterGroups, identityCenterMemberships, identityCenterPermissionSets, identityCenterUsers, personAssignments } from '../../schema';
import { tierBit } from '../../../lib/analysis/tier-mask';
import { TIERS, type Severity } from '../../../lib/analysis/types';
import { accountCondition } from '../account-options';
import { rowsInIdOrder, toLikePattern, toPaging } from '../viewer';

export const PEOPLE_SORTS = ['score', 'name', 'accounts', 'conflicts'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));
const optionalScore = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.coerce.number().int().min(0).max(100).optional()).catch(undefined);

/** The URL state of the people list (and its CSV export); bad values fall back to defaults. */
export const peopleListQuerySchema = z.object({
  q: optionalText.catch(undefined),
  /** A group id. */
  group: optionalText.catch(undefined),
  /** A 12-digit account id or an account's exact name. */
  account: optionalText.catch(undefined),
  /** A permission set name. */
  permissionSet: optionalText.catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  minScore: optionalScore,
  maxScore: optionalScore,
  /** People without any Bedrock access are hidden unless asked for. */
  scope: z.enum(['bedrock', 'all']).default('bedrock').catch('bedrock'),
  sort: z.enum(PEOPLE_SORTS).default('score').catch('score'),
  direction: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});
export type PeopleListQuery = z.infer<typeof peopleListQuerySchema>;

export function parsePeopleListQuery(searchParams: Record<string, string | string[] | undefined>): PeopleListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return peopleListQuerySchema.parse(flat);
}

const SORT_COLUMNS = { score: identityCenterUsers.score, name: identityCenterUsers.userName, accounts: identityCenterUsers.bedrockAccountCount, conflicts: identityCenterUsers.conflictCount } as const satisfies Record<PeopleSort, unknown>;
const DEFAULT_DIRECTION: Record<PeopleSort, 'asc' | 'desc'> = { score: 'desc', name: 'asc', accounts: 'desc', conflicts: 'desc' };

export function peopleDirectionOf(query: Pick<PeopleListQuery, 'sort' | 'direction'>): 'asc' | 'desc' {
  return query.direction ?? DEFAULT_DIRECTION[query.sort];
}

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
