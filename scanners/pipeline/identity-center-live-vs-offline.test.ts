import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { identityCenterUsers, personAssignments, scans, ssoRoleLinks } from '../../db/schema';
import { createTestDatabase } from '../../db/test-database';
import { mapIdentityCenter } from '../map/map-identity-center';
import { assumeRole } from '../live/assume-role';
import { createIdentitystoreClient, createSsoAdminClient, createStsClient } from '../live/aws-clients';
import { fetchIdentityCenter } from '../live/fetch-identity-center';
import { runScan } from './run-scan';
import { scanOfflineAndLive } from './test-support/scan-both-ways';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../local-aws/test-support/serve-to-sdk';

const DEMO = path.join(process.cwd(), 'demo', 'org');
const OFFLINE_FILE = JSON.parse(readFileSync(path.join(DEMO, 'identity-center.json'), 'utf8')) as { IdentityCenter: unknown };

function peopleRows(database: AppDatabase) {
  const scan = database.select({ id: scans.id }).from(scans).orderBy(asc(scans.id)).all().at(-1);
  if (!scan) throw new Error('no scan');
  const users = database
    .select({ userId: identityCenterUsers.userId, userName: identityCenterUsers.userName, accountCount: identityCenterUsers.accountCount, score: identityCenterUsers.score, tiersMask: identityCenterUsers.tiersMask, analysis: identityCenterUsers.analysis }).from(identityCenterUsers).where(eq(identityCenterUsers.scanId, scan.id)).orderBy(asc(identityCenterUsers.userId)).all();
  const assignments = database
    .select({ userId: personAssignments.userId, accountId: personAssignments.accountId, permissionSetName: personAssignments.permissionSetName, viaGroupName: personAssignments.viaGroupName, roleArn: personAssignments.roleArn })
    .from(personAssignments)
    .where(eq(personAssignments.scanId, scan.id))
    .all()
    .map((row) => JSON.stringify(row))
    .sort();
  const links = database.select({ roleArn: ssoRoleLinks.roleArn, permissionSetArn: ssoRoleLinks.permissionSetArn, isAssigned: ssoRoleLinks.isAssigned, drift: ssoRoleLinks.drift }).from(ssoRoleLinks).where(eq(ssoRoleLinks.scanId, scan.id)).orderBy(asc(ssoRoleLinks.roleArn)).all();
  return { users, assignments, links };
}

describe('Identity Center through the local AWS endpoint', () => {
  // The scanner runs in the security account, the delegated administrator of Identity Center.
  const live = { ...DEMO_LIVE_CONFIG, identityCenter: { region: 'us-east-1', accountId: '318274650192' } };
  const aws = serveLocalAwsToSdk(() => ({ dataDir: DEMO }));

  function clients() {
    const settings = { region: 'us-east-1', retry: { maxAttempts: 8, baseDelayMs: 2, throttlingBaseDelayMs: 5, maxDelayMs: 40 }, endpointOverrides: { ssoAdmin: aws().url, identitystore: aws().url }, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } };
    return { ssoAdmin: createSsoAdminClient(settings, 'us-east-1', settings.credentials), identityStore: createIdentitystoreClient(settings, 'us-east-1', settings.credentials) };
  }

  it('reads, page by page, exactly what the offline file holds', async () => {
    const { ssoAdmin, identityStore } = clients();
    const raw = await fetchIdentityCenter(ssoAdmin, identityStore);
    const fromLive = mapIdentityCenter(raw);
    const fromFile = mapIdentityCenter(OFFLINE_FILE.IdentityCenter);
    expect(fromLive.problems).toEqual([]);
    const sorted = <T>(items: T[]) => items.map((item) => JSON.stringify(item)).sort();
    expect(fromLive.directory?.users).toEqual(fromFile.directory?.users);
    expect(sorted(fromLive.directory?.memberships ?? [])).toEqual(sorted(fromFile.directory?.memberships ?? []));
    expect(sorted(fromLive.directory?.permissionSets ?? [])).toEqual(sorted(fromFile.directory?.permissionSets ?? []));
    expect(sorted(fromLive.directory?.assignments ?? [])).toEqual(sorted(fromFile.directory?.assignments ?? []));
    // ListUsers pages by 50 on the endpoint: the 40 people fit one page, memberships span groups.
    expect(aws().callLog.filter((entry) => entry.service === 'identitystore' && entry.action === 'ListGroupMemberships').length).toBe(fromFile.directory?.groups.length);
  });

  it('the live scan of the endpoint stores the same people, assignments and role links as the offline import', async () => {
    const { offlineDatabase, liveDatabase } = await scanOfflineAndLive(DEMO, live);
    const offlineRows = peopleRows(offlineDatabase);
    expect(offlineRows.users).toHaveLength(40);
    expect(peopleRows(liveDatabase)).toEqual(offlineRows);
  });

  it('retries Identity Center throttling like the IAM calls', async () => {
    aws().setFaults({ throttleEveryNthCall: 3 });
    const { ssoAdmin, identityStore } = clients();
    const raw = await fetchIdentityCenter(ssoAdmin, identityStore);
    aws().setFaults({});
    expect(raw.Users).toHaveLength(40);
    expect(aws().callLog.some((entry) => entry.fault === 'throttle' && (entry.service === 'sso-admin' || entry.service === 'identitystore'))).toBe(true);
  });

  it('records a failure to read Identity Center on the scan as partial and keeps the IAM data', async () => {
    aws().setFaults({ failCallNumber: { action: 'ListPermissionSets', nth: 1 } });
    const database = createTestDatabase();
    const outcome = await runScan(database, { kind: 'live', config: live }, { trigger: 'cli', requestedBy: 'test' });
    aws().setFaults({});
    expect(outcome.status).toBe('partial');
    expect(outcome.bedrockPrincipalCount).toBeGreaterThan(150);
    expect(outcome.problems.join('\n')).toMatch(/Identity Center ListPermissionSets: .*AccessDeniedException/);
  });

  it('answers the real error types', async () => {
    const { ssoAdmin } = clients();
    const { DescribePermissionSetCommand } = await import('@aws-sdk/client-sso-admin');
    const instanceArn = (OFFLINE_FILE.IdentityCenter as { InstanceArn: string }).InstanceArn;
    await expect(ssoAdmin.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: `${instanceArn.replace('instance', 'permissionSet')}/ps-0000000000000000` }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    const { ListInstancesCommand } = await import('@aws-sdk/client-sso-admin');
    await expect(ssoAdmin.send(new ListInstancesCommand({}))).resolves.toMatchObject({ Instances: [{ InstanceArn: instanceArn }] });
    // A member account that is neither the management account nor the delegated administrator.
    const sts = createStsClient({ region: 'us-east-1', retry: { maxAttempts: 1 }, endpointOverrides: { sts: aws().url }, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });
    const memberCredentials = await assumeRole(sts, { accountId: '641829374651', roleName: 'security/BedrockAccessReviewReadOnly', roleSessionName: 'test' });
    const member = createSsoAdminClient({ region: 'us-east-1', retry: { maxAttempts: 1 }, endpointOverrides: { ssoAdmin: aws().url } }, 'us-east-1', memberCredentials);
    await expect(member.send(new ListInstancesCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
