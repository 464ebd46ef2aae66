import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { createTestDatabase } from '../test-database';
import { NotFoundError } from '../../lib/http/errors';
import { tierBit } from '../../lib/analysis/tier-mask';
import { getLatestPublishedScanId } from './scans';
import {
  getPrincipalDetail,
  getPrincipalHistory,
  iteratePrincipalsForExport,
  listPrincipalConflicts,
  listPrincipalEntitlements,
  listPrincipals,
  parseConflictSide,
  parsePrincipalListQuery,
} from './principals';
import { FIXTURE_ACCOUNTS, FIXTURE_OWNERS, seedSnapshot, type SeededSnapshot } from './test-support/seed-snapshot';
import type { Viewer } from './viewer';

const admin: Viewer = { role: 'admin', email: 'admin@example.com' };
const maya: Viewer = { role: 'owner', email: FIXTURE_OWNERS.maya };
const liam: Viewer = { role: 'owner', email: FIXTURE_OWNERS.liam };

let database: AppDatabase;
let seeded: SeededSnapshot;
let scanId: number;

beforeEach(() => {
  database = createTestDatabase();
  seeded = seedSnapshot(database);
  scanId = getLatestPublishedScanId(database) as number;
});

const query = (params: Record<string, string> = {}) => parsePrincipalListQuery(params);

describe('listPrincipals', () => {
  it('lists Bedrock holders of the latest published scan, highest score first', () => {
    expect(scanId).toBe(seeded.latestScanId);
    const { rows, total } = listPrincipals(database, admin, scanId, query());
    expect(total).toBe(6);
    expect(rows.map((row) => row.score)).toEqual([91, 82, 70, 55, 40, 25]);
    expect(rows[0]).not.toHaveProperty('analysis');
    expect(rows[0]).not.toHaveProperty('facts');
  });

  it('includes principals without Bedrock access when asked', () => {
    expect(listPrincipals(database, admin, scanId, query({ scope: 'all' })).total).toBe(7);
  });

  it('shows an owner only their own principals, whatever owner filter they send', () => {
    const { rows, total } = listPrincipals(database, maya, scanId, query({ owner: FIXTURE_OWNERS.liam }));
    expect(total).toBe(2);
    expect(rows.every((row) => row.ownerEmail === FIXTURE_OWNERS.maya)).toBe(true);
  });

  it('filters by account, tier, score range, exposure and conflicts', () => {
    expect(listPrincipals(database, admin, scanId, query({ account: FIXTURE_ACCOUNTS.dataNonprod })).total).toBe(3);
    const customize = listPrincipals(database, admin, scanId, query({ tier: 'customize' }));
    expect(customize.rows.map((row) => row.name)).toEqual(['ml-pipeline']);
    expect(customize.rows[0].tiersMask & tierBit('customize')).not.toBe(0);
    expect(listPrincipals(database, admin, scanId, query({ minScore: '50', maxScore: '80' })).rows.map((row) => row.score)).toEqual([70, 55]);
    expect(listPrincipals(database, admin, scanId, query({ exposure: 'public' })).rows.map((row) => row.name)).toEqual(['partner-access']);
    expect(listPrincipals(database, admin, scanId, query({ exposure: 'unpinned-oidc' })).rows.map((row) => row.name)).toEqual(['ml-pipeline']);
    expect(listPrincipals(database, admin, scanId, query({ exposure: 'outside-org' })).total).toBe(2);
    expect(listPrincipals(database, admin, scanId, query({ hasConflict: 'yes' })).total).toBe(3);
    expect(listPrincipals(database, admin, scanId, query({ owner: 'none' })).rows.map((row) => row.name)).toEqual(['partner-access']);
  });

  it('filters by an account typed as its id or its exact name, ignoring case', () => {
    const byId = listPrincipals(database, admin, scanId, query({ account: FIXTURE_ACCOUNTS.dataNonprod })).total;
    expect(byId).toBeGreaterThan(0);
    const name = database.$client.prepare('SELECT name FROM accounts WHERE id = ?').get(FIXTURE_ACCOUNTS.dataNonprod) as { name: string } | undefined;
    expect(name).toBeDefined();
    expect(listPrincipals(database, admin, scanId, query({ account: name?.name.toUpperCase() ?? '' })).total).toBe(byId);
    expect(listPrincipals(database, admin, scanId, query({ account: 'no-such-account' })).total).toBe(0);
  });

  it('reads empty score fields of a submitted filter form as no bound, not 0', () => {
    const everything = listPrincipals(database, admin, scanId, query({})).total;
    expect(listPrincipals(database, admin, scanId, query({ minScore: '', maxScore: '' })).total).toBe(everything);
    expect(listPrincipals(database, admin, scanId, query({ minScore: '50', maxScore: ' ' })).rows.every((row) => row.score >= 50)).toBe(true);
  });

  it('searches name and ARN with LIKE wildcards escaped', () => {
    expect(listPrincipals(database, admin, scanId, query({ q: '100%_' })).rows.map((row) => row.name)).toEqual(['100%_admin']);
    // `%` alone must not match everything.
    expect(listPrincipals(database, admin, scanId, query({ q: '%' })).total).toBe(1);
    expect(listPrincipals(database, admin, scanId, query({ q: ':role/analytics' })).rows.map((row) => row.name)).toEqual(['analytics-app']);
  });

  it('sorts only by allow-listed columns and pages with a total', () => {
    const byName = listPrincipals(database, admin, scanId, query({ sort: 'name', pageSize: '10' }));
    expect(byName.rows[0].name).toBe('100%_admin');
    expect(parsePrincipalListQuery({ sort: 'facts; DROP TABLE principals' }).sort).toBe('score');
    const page = listPrincipals(database, admin, scanId, { ...query({ sort: 'name' }), pageSize: 2, page: 2 });
    expect(page.total).toBe(6);
    expect(page.rows).toHaveLength(2);
    const lastUsed = listPrincipals(database, admin, scanId, query({ sort: 'lastUsed' }));
    expect(lastUsed.rows[0].name).toBe('AWSReservedSSO_BedrockAdmin_0123456789abcdef');
    expect(lastUsed.rows.at(-1)?.lastUsedAt).toBeNull();
  });

  it('exports the same filtered, scoped view in batches', () => {
    const batches = [...iteratePrincipalsForExport(database, liam, scanId, query(), 1)];
    expect(batches.flat().map((row) => row.name)).toEqual(['100%_admin', 'data-scientist-1']);
  });
});

describe('principal detail', () => {
  it('returns the principal with parsed facts and analysis', () => {
    const detail = getPrincipalDetail(database, admin, seeded.principalIds['ml-pipeline'], scanId);
    expect(detail.accountName).toBe('ml-prod');
    expect(detail.analysis.blastRadius.score).toBe(82);
    expect(detail.facts.principal.type).toBe('role');
    expect(detail.isLatestScan).toBe(true);
  });

  it('gives an owner NotFound for another owner’s principal, even by id', () => {
    const liamsId = seeded.principalIds['data-scientist-1'];
    expect(() => getPrincipalDetail(database, maya, liamsId, scanId)).toThrow(NotFoundError);
    expect(getPrincipalDetail(database, liam, liamsId, scanId).name).toBe('data-scientist-1');
    expect(listPrincipalEntitlements(database, maya, liamsId)).toEqual([]);
    expect(listPrincipalConflicts(database, liam, seeded.principalIds['ml-pipeline'])).toEqual([]);
    expect(getPrincipalHistory(database, maya, 'arn:aws:iam::222222222222:user/data-scientist-1')).toEqual([]);
  });

  it('never shows principals of an unpublished scan', () => {
    expect(() => getPrincipalDetail(database, admin, 999_999, scanId)).toThrow(NotFoundError);
  });

  it('lists entitlements with grants grouped by statement, conditions kept', () => {
    const entitlements = listPrincipalEntitlements(database, admin, seeded.principalIds['analytics-app']);
    expect(entitlements).toHaveLength(1);
    expect(entitlements[0].policyName).toBe('AnalyticsInvoke');
    const [statement] = entitlements[0].statements;
    expect(statement.statementId).toBe('InvokeInEu');
    expect(statement.regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(statement.conditions[0]).toMatchObject({ operator: 'StringEquals', key: 'aws:RequestedRegion' });
    expect(statement.actions.map((action) => action.action)).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
    const governance = listPrincipalEntitlements(database, admin, seeded.principalIds['AWSReservedSSO_BedrockAdmin_0123456789abcdef']);
    expect(governance[0].statements.map((entry) => entry.statementIndex)).toEqual([0, 1]);
  });

  it('lists conflicts with both sides', () => {
    const [conflict] = listPrincipalConflicts(database, maya, seeded.principalIds['ml-pipeline']);
    expect(conflict.ruleId).toBe('SOD-CUSTOMIZE-INVOKE');
    expect(conflict.sideA[0].actions).toEqual(['bedrock:CreateModelCustomizationJob']);
    expect(conflict.sideB[0]).toMatchObject({ actions: ['bedrock:InvokeModel'], tiers: ['invoke'] });
    expect(conflict.exception).toBeNull();
  });

  it('reads conflict sides written in the older one-entry-per-action format', () => {
    const path = { policyKind: 'managed', policyArn: null, policyName: 'P', isAwsManaged: false, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 };
    const legacy = JSON.stringify([{ action: 'bedrock:InvokeModel', tier: 'invoke', path }, { action: 'bedrock:Converse', tier: 'invoke', path }]);
    expect(parseConflictSide(legacy, { side: 'side_a', conflictId: 1 })).toEqual([{ path, tiers: ['invoke'], actions: ['bedrock:InvokeModel', 'bedrock:Converse'] }]);
  });

  it('returns the history of the same ARN across published scans, oldest first', () => {
    const history = getPrincipalHistory(database, admin, 'arn:aws:iam::111111111111:role/ml-pipeline');
    expect(history.map((point) => [point.scanId, point.score])).toEqual([
      [seeded.previousScanId, 60],
      [seeded.latestScanId, 82],
    ]);
    expect(history[0].actionCount).toBe(4);
  });
});
