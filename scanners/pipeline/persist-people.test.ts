import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { identityCenterAssignments, identityCenterUsers, personAssignments, ssoRoleLinks } from '../../db/schema';
import { loadPersonActionNames } from '../../db/queries/people/person-action-names';
import { readStoredPersonAnalysis } from '../../lib/people/stored-person-analysis';
import { importDemoOrganization } from './test-support/import-demo';

describe('an offline import of the demo with its identity-center.json', () => {
  let database: AppDatabase;
  let scanId: number;

  beforeAll(async () => {
    ({ database, scanId } = await importDemoOrganization());
  }, 120_000);

  const person = (userName: string) => {
    const row = database.select().from(identityCenterUsers).where(and(eq(identityCenterUsers.scanId, scanId), eq(identityCenterUsers.userName, userName))).get();
    if (!row) throw new Error(`no ${userName}`);
    return { ...row, analysis: readStoredPersonAnalysis(row.userId, row.analysis, loadPersonActionNames(database, scanId)) };
  };

  it('stores every person with their effective access across accounts', () => {
    expect(database.select().from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scanId)).all()).toHaveLength(40);
    const omar = person('omar.haddad@northwind.example');
    expect(omar.accountCount).toBe(6);
    expect(omar.analysis.accounts.length).toBeGreaterThanOrEqual(5);
    expect(omar.score).toBeGreaterThan(50);
    expect(omar.analysis.blastRadius.factors.map((factor) => factor.id)).toContain('accounts');
  });

  it('finds people whose SoD conflict exists only across their assignments', () => {
    const rows = database.select({ userId: identityCenterUsers.userId, userName: identityCenterUsers.userName, analysis: identityCenterUsers.analysis }).from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scanId)).all();
    const actionNames = loadPersonActionNames(database, scanId);
    const across = rows.filter((row) => readStoredPersonAnalysis(row.userId, row.analysis, actionNames).conflicts.some((conflict) => conflict.isAcrossRoles));
    expect(across.map((row) => row.userName)).toEqual(['yusuf.demir@northwind.example']);
    const [conflict] = person('yusuf.demir@northwind.example').analysis.conflicts;
    expect(conflict).toMatchObject({ ruleId: 'SOD-GOVERN-INVOKE', isAcrossRoles: true });
    expect([...conflict.sideA.roles, ...conflict.sideB.roles].map((role) => role.accountId).sort()).toEqual(['185920374618', '318274650192']);
  });

  it('links every SSO role, marks the two nobody is assigned, and flags the assignment to the empty group', () => {
    const links = database.select().from(ssoRoleLinks).where(eq(ssoRoleLinks.scanId, scanId)).all();
    expect(links).toHaveLength(45);
    expect(links.filter((link) => !link.isAssigned).map((link) => link.roleArn.split('/').pop()?.split('_')[1]).sort()).toEqual(['AdministratorAccess', 'PowerUserAccess']);
    expect(database.select().from(identityCenterAssignments).where(and(eq(identityCenterAssignments.scanId, scanId), eq(identityCenterAssignments.isToEmptyGroup, true))).all()).toHaveLength(1);
    const behindDeveloper = database.select().from(personAssignments).where(and(eq(personAssignments.scanId, scanId), eq(personAssignments.accountId, '641829374651'), eq(personAssignments.permissionSetName, 'BedrockDeveloper'))).all();
    expect(behindDeveloper.map((row) => row.viaGroupName)).toEqual(['GenAIProdSupport', 'GenAIProdSupport', 'GenAIProdSupport', 'GenAIProdSupport']);
  });
});
