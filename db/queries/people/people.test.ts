import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../client';
import { importDemoOrganization } from '../../../scanners/pipeline/test-support/import-demo';
import { iteratePeopleForExport, listPeople, listPeopleFilterOptions, parsePeopleListQuery } from './list-people';
import { getPersonDetail } from './person-detail';
import { getPeopleBehindRole } from './people-behind-role';
import { getPeopleOverview } from './people-overview';
import { NotFoundError } from '../../../lib/http/errors';

let database: AppDatabase;
let scanId: number;

beforeAll(async () => {
  ({ database, scanId } = await importDemoOrganization());
}, 120_000);

const query = (params: Record<string, string> = {}) => parsePeopleListQuery(params);

describe('people queries over the demo', () => {
  it('lists people with Bedrock access by score, paged, with the total', () => {
    const { rows, total } = listPeople(database, scanId, query({ pageSize: '10' }));
    expect(rows).toHaveLength(10);
        expect(rows.map((row) => row.score)).toEqual([...rows.map((row) => row.score)].sort((left, right) => right - left));
    const all = listPeople(database, scanId, query({ scope: 'all', pageSize: '100' }));
    // Every demo person reaches at least Bedrock read access (ReadOnlyAccess holds bedrock:Get*/List*).
    expect(all.total).toBe(40);
    expect(total).toBe(40);
  });

  it('filters by group, account, permission set, tier, score and search', () => {
    const options = listPeopleFilterOptions(database, scanId);
    const developers = options.groups.find((group) => group.name === 'GenAIProdSupport');
    expect(listPeople(database, scanId, query({ group: developers?.id ?? '' })).rows.map((row) => row.userName).sort()).toEqual([
      'daniel.silva@northwind.example',
      'kenji.mori@northwind.example',
      'olivia.grant@northwind.example',
      'sofia@example.com',
    ]);
    expect(listPeople(database, scanId, query({ account: 'sandbox-hackathon', permissionSet: 'BedrockMantleUser', scope: 'all' })).total).toBe(7);
    expect(listPeople(database, scanId, query({ tier: 'govern', minScore: '0' })).rows.every((row) => (row.tiersMask & 16) !== 0)).toBe(true);
    expect(listPeople(database, scanId, query({ q: 'Haddad' })).rows.map((row) => row.userName)).toEqual(['omar.haddad@northwind.example']);
    expect(listPeople(database, scanId, query({ minScore: '101' })).total).toBe(listPeople(database, scanId, query()).total);
    const batches = [...iteratePeopleForExport(database, scanId, query({ scope: 'all' }), 15)];
    expect(batches.map((batch) => batch.length)).toEqual([15, 15, 10]);
  });

  it('details a person: groups, assignments with the roles they become, analysis', () => {
    const omar = listPeople(database, scanId, query({ q: 'omar' })).rows[0];
    const detail = getPersonDetail(database, scanId, omar.userId);
    expect(detail.groups.map((group) => group.displayName)).toEqual(['CloudPlatformAdmins']);
    expect(new Set(detail.assignments.map((assignment) => assignment.accountId)).size).toBe(6);
    expect(detail.assignments.every((assignment) => assignment.principalId !== null)).toBe(true);
    expect(detail.analysis.blastRadius.factors.length).toBeGreaterThan(0);
    expect(() => getPersonDetail(database, scanId, 'no-such-user')).toThrow(NotFoundError);
  });

  it('names the people behind an SSO role and how they reach it', () => {
    const role = 'arn:aws:iam::863019283746:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AgentBuilder_90b64f70d61ff5cf';
    const behind = getPeopleBehindRole(database, scanId, role);
    expect(behind?.permissionSetName).toBe('AgentBuilder');
    expect(behind?.people.filter((person) => person.viaGroupName === null).map((person) => person.userName)).toEqual(['sofia@example.com']);
    expect(behind?.people.filter((person) => person.viaGroupName === 'AgentBuilders')).toHaveLength(5);
    expect(getPeopleBehindRole(database, scanId, 'arn:aws:iam::863019283746:role/not-sso')).toBeNull();
  });

  it('counts the overview figures', () => {
    const overview = getPeopleOverview(database, scanId);
    expect(overview?.personCount).toBe(40);
    expect(overview?.mostAccounts[0].userName).toBe('omar.haddad@northwind.example');
    expect(overview?.emptyGroupAssignments.map((entry) => entry.groupName)).toEqual(['LegacyContractors']);
    expect(overview?.unassignedProvisionedRoles).toHaveLength(2);
    expect(overview?.peopleByTier.find((entry) => entry.tier === 'invoke')?.count).toBeGreaterThan(20);
  });
});
