import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { eq } from 'drizzle-orm';
import { accounts, actionLists, controlSwitchers, entitlements, grants, identityCenterPermissionSets, principals, scans } from '../../db/schema';
import { readOuPath, readSwitchGrants } from '../../db/stored-json/control-columns';
import { readEncodedGrantActions, readEntitlementActions, readGrantRowDefaults } from '../../db/stored-json/grant-columns';
import { readPermissionSetPolicies } from '../../db/stored-json/permission-set-columns';
import { readPrincipalActions, readPrincipalAnalysis, readPrincipalFacts } from '../../db/stored-json/principal-columns';
import { readScanSummary } from '../../db/stored-json/scan-summary';
import { importDemoOrganization } from './test-support/import-demo';

/**
 * What the pipeline writes, read back through the stored-JSON readers: equal to the plain
 * JSON.parse of the same text, so no schema drops a field the writers store (zod leaves out
 * keys a schema does not declare) or refuses a value they write.
 */

let database: AppDatabase;

beforeAll(async () => {
  ({ database } = await importDemoOrganization());
}, 120_000);

describe('stored JSON written by an offline import of the demo organisation', () => {
  it('reads back every principal\'s facts and analysis as written', () => {
    const rows = database
      .select({ id: principals.id, facts: principals.facts, analysis: principals.analysis, actions: actionLists.list })
      .from(principals)
      .innerJoin(actionLists, eq(actionLists.hash, principals.actionsHash))
      .all();
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) {
      expect(readPrincipalFacts(row.facts, row.id)).toEqual(JSON.parse(row.facts));
      expect(readPrincipalAnalysis(row.analysis, row.id)).toEqual(JSON.parse(row.analysis));
      expect(readPrincipalActions(row.actions, row.id)).toEqual(JSON.parse(row.actions));
    }
  });

  it('reads back the grants, entitlements, scan summary, switchers and OU paths as written', () => {
    for (const { grants: row, action_lists: list } of database.select().from(grants).innerJoin(actionLists, eq(actionLists.hash, grants.actionsHash)).all()) {
      expect(readGrantRowDefaults(row)).toEqual({ resources: JSON.parse(row.resources), notResources: JSON.parse(row.notResources), regions: JSON.parse(row.regions), conditions: JSON.parse(row.conditions) });
      expect(readEncodedGrantActions(list.list, row.id)).toEqual(JSON.parse(list.list));
    }
    for (const row of database.select({ id: entitlements.id, actions: actionLists.list }).from(entitlements).innerJoin(actionLists, eq(actionLists.hash, entitlements.actionsHash)).all()) expect(readEntitlementActions(row.actions, row.id)).toEqual(JSON.parse(row.actions));
    const [scan] = database.select({ id: scans.id, summary: scans.summary }).from(scans).all();
    expect(readScanSummary(scan.summary as string, scan.id)).toEqual(JSON.parse(scan.summary as string));
    const switchers = database.select({ id: controlSwitchers.id, grants: controlSwitchers.grants }).from(controlSwitchers).all();
    expect(switchers.length).toBeGreaterThan(0);
    for (const row of switchers) expect(readSwitchGrants(row.grants, row.id)).toEqual(JSON.parse(row.grants));
    const accountRows = database.select({ id: accounts.id, ouPath: accounts.ouPath }).from(accounts).all();
    expect(accountRows.some((row) => readOuPath(row.ouPath, row.id).length > 1)).toBe(true);
    for (const row of accountRows) expect(readOuPath(row.ouPath, row.id)).toEqual(JSON.parse(row.ouPath));
  });

  it('reads back every permission set\'s policies as written', () => {
    const sets = database.select({ arn: identityCenterPermissionSets.arn, policies: identityCenterPermissionSets.policies }).from(identityCenterPermissionSets).all();
    expect(sets.length).toBeGreaterThan(5);
    expect(sets.some((row) => readPermissionSetPolicies(row.policies, row.arn).managedPolicies.length > 0)).toBe(true);
    for (const row of sets) expect(readPermissionSetPolicies(row.policies, row.arn)).toEqual(JSON.parse(row.policies));
  });
});
