import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, identityCenterAssignments, identityCenterGroups, identityCenterPermissionSets, identityCenterUsers, ssoRoleLinks } from '../../schema';
import { tierBit } from '../../../lib/analysis/tier-mask';
import { TIERS, type Tier } from '../../../lib/analysis/types';

export interface PeopleOverview {
  personCount: number;
  bedrockPersonCount: number;
  peopleByTier: Array<{ tier: Tier; count: number }>;
  mostAccounts: Array<{ userId: string; userName: string; displayName: string | null; bedrockAccountCount: number; score: number }>;
  emptyGroupAssignments: Array<{ groupId: string; groupName: string | null; accountId: string; accountName: string | null; permissionSetName: string | null }>;
  unassignedProvisionedRoles: Array<{ roleArn: string; accountId: string; accountName: string | null; permissionSetName: string }>;
  unlinkedRoleCount: number;
  driftedRoleCount: number;
}

/** The Identity Center figures of the overview for one scan; null when the scan read no Identity Center. */
export function getPeopleOverview(database: AppDatabase, scanId: number, topCount = 5): PeopleOverview | null {
  const personCount = database.select({ total: count() }).from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scanId)).get()?.total ?? 0;
  const linkCount = database.select({ total: count() }).from(ssoRoleLinks).where(eq(ssoRoleLinks.scanId, scanId)).get()?.total ?? 0;
  if (personCount === 0 && linkCount === 0) return null;
  const tierCounts = database
    .select(Object.fromEntries(TIERS.map((tier) => [tier, sql<number>`coalesce(sum((${identityCenterUsers.tiersMask} & ${tierBit(tier)}) != 0), 0)`])) as Record<Tier, ReturnType<typeof sql<number>>>)
    .from(identityCenterUsers)
    .where(eq(identityCenterUsers.scanId, scanId))
    .get() as Record<Tier, number> | undefined;
  const bedrockPersonCount = database.select({ total: count() }).from(identityCenterUsers).where(and(eq(identityCenterUsers.scanId, scanId), sql`${identityCenterUsers.tiersMask} != 0`)).get()?.total ?? 0;
  const mostAccounts = database
    .select({ userId: identityCenterUsers.userId, userName: identityCenterUsers.userName, displayName: identityCenterUsers.displayName, bedrockAccountCount: identityCenterUsers.bedrockAccountCount, score: identityCenterUsers.score })
    .from(identityCenterUsers)
    .where(and(eq(identityCenterUsers.scanId, scanId), gt(identityCenterUsers.bedrockAccountCount, 0)))
    .orderBy(desc(identityCenterUsers.bedrockAccountCount), desc(identityCenterUsers.score), asc(identityCenterUsers.userName))
    .limit(topCount)
    .all();
  const emptyGroupAssignments = database
    .select({ groupId: identityCenterAssignments.principalId, groupName: identityCenterGroups.displayName, accountId: identityCenterAssignments.accountId, accountName: accounts.name, permissionSetName: identityCenterPermissionSets.name })
    .from(identityCenterAssignments)
    .leftJoin(identityCenterGroups, and(eq(identityCenterGroups.scanId, identityCenterAssignments.scanId), eq(identityCenterGroups.groupId, identityCenterAssignments.principalId)))
    .leftJoin(identityCenterPermissionSets, and(eq(identityCenterPermissionSets.scanId, identityCenterAssignments.scanId), eq(identityCenterPermissionSets.arn, identityCenterAssignments.permissionSetArn)))
    .leftJoin(accounts, eq(accounts.id, identityCenterAssignments.accountId))
    .where(and(eq(identityCenterAssignments.scanId, scanId), eq(identityCenterAssignments.isToEmptyGroup, true)))
    .orderBy(asc(identityCenterAssignments.accountId))
    .limit(50)
    .all();
  const unassignedProvisionedRoles = database
    .select({ roleArn: ssoRoleLinks.roleArn, accountId: ssoRoleLinks.accountId, accountName: accounts.name, permissionSetName: ssoRoleLinks.permissionSetName })
    .from(ssoRoleLinks)
    .leftJoin(accounts, eq(accounts.id, ssoRoleLinks.accountId))
    .where(and(eq(ssoRoleLinks.scanId, scanId), eq(ssoRoleLinks.isAssigned, false)))
    .orderBy(asc(ssoRoleLinks.accountId), asc(ssoRoleLinks.permissionSetName))
    .limit(50)
    .all();
  const unlinkedRoleCount = database.select({ total: count() }).from(ssoRoleLinks).where(and(eq(ssoRoleLinks.scanId, scanId), sql`${ssoRoleLinks.permissionSetArn} IS NULL`)).get()?.total ?? 0;
  const driftedRoleCount = database.select({ total: count() }).from(ssoRoleLinks).where(and(eq(ssoRoleLinks.scanId, scanId), sql`${ssoRoleLinks.drift} != '[]'`)).get()?.total ?? 0;
  return {
    personCount,
    bedrockPersonCount,
    peopleByTier: TIERS.map((tier) => ({ tier, count: Number(tierCounts?.[tier] ?? 0) })).filter((entry) => entry.count > 0),
    mostAccounts,
    emptyGroupAssignments,
    unassignedProvisionedRoles,
    unlinkedRoleCount,
    driftedRoleCount,
  };
}
