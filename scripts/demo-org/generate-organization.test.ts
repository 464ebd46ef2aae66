import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../scanners/map/build-snapshot';
import { readOfflineDirectory } from '../../scanners/offline/read-directory';
import { toAccountSources } from '../../scanners/offline/to-account-sources';
import type { AuthorizationDetails } from '../../scanners/raw-types';
import { generateOrganization, generateOrganizationFile, type GeneratedAccount } from './generate-organization';
import { AWS_MANAGED_POLICY_DIRECTORY } from './managed-policies';
import { writeOrganization } from './write-organization';

const COMMITTED_DEMO = path.resolve(__dirname, '../../demo/org');
const temporaryDirectories: string[] = [];

function temporaryDirectory(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'demo-org-'));
  temporaryDirectories.push(directory);
  return directory;
}

afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

const accounts: GeneratedAccount[] = [...generateOrganization()];
const organization = generateOrganizationFile();
const roles = accounts.flatMap((account) => account.authorizationDetails.RoleDetailList);
const users = accounts.flatMap((account) => account.authorizationDetails.UserDetailList);
const trustText = (document: unknown) => JSON.stringify(document);

function readDirectoryBytes(directory: string): Map<string, string> {
  const contents = new Map<string, string>();
  for (const folder of ['', 'credentials']) {
    for (const name of readdirSync(path.join(directory, folder)).filter((entry) => entry.endsWith('.json')).sort()) {
      contents.set(path.join(folder, name), readFileSync(path.join(directory, folder, name), 'utf8'));
    }
  }
  return contents;
}

describe('demo organisation', () => {
  it('has at least 8 accounts across the expected OUs', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(8);
    const unitNames = organization.organizationalUnits.map((unit) => unit.name);
    expect(unitNames).toEqual(expect.arrayContaining(['Security', 'Workloads', 'Prod', 'NonProd', 'Shared-ML', 'Sandbox']));
    const kinds = new Set(accounts.map((account) => account.kind));
    for (const kind of ['management', 'security', 'prod', 'nonprod', 'sandbox', 'shared-ml'] as const) expect(kinds).toContain(kind);
    expect(organization.accounts.map((account) => account.id)).toEqual(accounts.map((account) => account.accountId));
  });

  it('has at least 200 principals, every ARN in its own account, names unique per account', () => {
    expect(users.length + roles.length).toBeGreaterThanOrEqual(200);
    for (const account of accounts) {
      const details = account.authorizationDetails;
      const arns = [...details.UserDetailList, ...details.RoleDetailList, ...details.GroupDetailList].map((entity) => entity.Arn);
      for (const arn of arns) expect(arn.split(':')[4]).toBe(account.accountId);
      expect(new Set(arns).size).toBe(arns.length);
    }
  });

  it('lists every attached managed policy with its real attachment count', () => {
    for (const { authorizationDetails: details } of accounts) {
      const counts = new Map<string, number>();
      for (const holder of [...details.UserDetailList, ...details.GroupDetailList, ...details.RoleDetailList]) {
        for (const attached of holder.AttachedManagedPolicies ?? []) counts.set(attached.PolicyArn, (counts.get(attached.PolicyArn) ?? 0) + 1);
      }
      const listed = new Map(details.Policies.map((policy) => [policy.Arn, policy]));
      for (const [arn, count] of counts) expect(listed.get(arn)?.AttachmentCount, arn).toBe(count);
      for (const policy of details.Policies) {
        expect(policy.PolicyVersionList.filter((version) => version.IsDefaultVersion).map((version) => version.VersionId)).toEqual([policy.DefaultVersionId]);
      }
    }
  });

  it('uses the real AWS managed documents verbatim', () => {
    for (const policy of accounts.flatMap((account) => account.authorizationDetails.Policies).filter((candidate) => candidate.Arn.startsWith('arn:aws:iam::aws:'))) {
      const file = JSON.parse(readFileSync(path.join(AWS_MANAGED_POLICY_DIRECTORY, `${policy.PolicyName}.json`), 'utf8')) as { PolicyVersion: { Document: unknown; VersionId: string } };
      expect(policy.PolicyVersionList[0].Document).toEqual(file.PolicyVersion.Document);
      expect(policy.DefaultVersionId).toBe(file.PolicyVersion.VersionId);
    }
  });

  it('has customer policies whose older, non-default version grants more', () => {
    const policies = accounts.flatMap((account) => account.authorizationDetails.Policies).filter((policy) => policy.PolicyVersionList.length > 1);
    expect(policies.length).toBeGreaterThan(0);
    const older = policies.flatMap((policy) => policy.PolicyVersionList.filter((version) => !version.IsDefaultVersion));
    expect(older.some((version) => trustText(version.Document).includes('"bedrock:*"'))).toBe(true);
  });

  it('covers the trust and identity shapes the engine must handle', () => {
    const ssoRoles = roles.filter((role) => role.RoleName.startsWith('AWSReservedSSO_'));
    expect(ssoRoles.length).toBeGreaterThan(20);
    for (const role of ssoRoles) {
      expect(role.RoleName).toMatch(/^AWSReservedSSO_[A-Za-z]+_[0-9a-f]{16}$/);
      expect(role.Path).toMatch(/^\/aws-reserved\/sso\.amazonaws\.com\/([a-z0-9-]+\/)?$/);
      expect(trustText(role.AssumeRolePolicyDocument)).toMatch(/saml-provider\/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE.*sts:AssumeRoleWithSAML.*sts:TagSession/);
    }
    expect(ssoRoles.some((role) => role.Path.endsWith('/eu-west-1/'))).toBe(true);
    const trusts = roles.map((role) => trustText(role.AssumeRolePolicyDocument));
    expect(trusts.some((text) => text.includes('"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:northwind/app:ref:refs/heads/main"}'))).toBe(true);
    expect(trusts.some((text) => text.includes('"StringLike":{"token.actions.githubusercontent.com:sub":"repo:northwind/*"}'))).toBe(true);
    expect(trusts.some((text) => text.includes('aws:PrincipalOrgID'))).toBe(true);
    expect(trusts.some((text) => text.includes('"AWS":"*"}') && !text.includes('Condition'))).toBe(true);
    expect(trusts.some((text) => text.includes('arn:aws:iam::999912345678:root') && text.includes('sts:ExternalId'))).toBe(true);
    for (const service of ['bedrock.amazonaws.com', 'lambda.amazonaws.com', 'sagemaker.amazonaws.com']) expect(trusts.some((text) => text.includes(`"Service":"${service}"`))).toBe(true);
    const accountIds = new Set(accounts.map((account) => account.accountId));
    const crossAccount = roles.filter((role, index) => [...accountIds].some((id) => !role.Arn.includes(`::${id}:`) && trusts[index].includes(`arn:aws:iam::${id}:`)));
    expect(crossAccount.length).toBeGreaterThan(5);
    expect(roles.some((role) => role.Path.startsWith('/aws-service-role/'))).toBe(true);
  });

  it('has boundaries, groups, inline policies, guardrail and region conditions, pinned models', () => {
    expect([...users, ...roles].filter((principal) => principal.PermissionsBoundary).length).toBeGreaterThan(5);
    expect(users.filter((user) => (user.GroupList ?? []).length > 0).length).toBeGreaterThan(10);
    const allText = JSON.stringify(accounts.map((account) => account.authorizationDetails));
    expect(allText).toContain('bedrock:GuardrailIdentifier');
    expect(allText).toContain('aws:RequestedRegion');
    expect(allText).toContain('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0');
    expect(allText).toContain('iam:PutRolePolicy');
    expect(allText).toContain('bedrock:CreateProvisionedModelThroughput');
    expect(allText).toContain('bedrock:PutModelInvocationLoggingConfiguration');
  });

  it('tags most principals with one of a few owner emails, and leaves some untagged', () => {
    const principals = [...users, ...roles];
    const owners = principals.map((principal) => principal.Tags?.find((tag) => tag.Key === 'owner')?.Value);
    const tagged = owners.filter((owner): owner is string => owner !== undefined);
    expect(new Set(tagged).size).toBeLessThanOrEqual(6);
    for (const owner of tagged) expect(owner).toMatch(/^[a-z]+@example\.com$/);
    expect(tagged.length).toBeGreaterThan(principals.length * 0.4);
    expect(tagged.length).toBeLessThan(principals.length);
  });

  it('has standing credentials: Bedrock API keys, old access keys, console users without MFA', () => {
    const credentialUsers = accounts.flatMap((account) => account.credentials.users);
    expect(credentialUsers.some((user) => user.serviceSpecificCredentials.some((credential) => credential.serviceName === 'bedrock.amazonaws.com'))).toBe(true);
    expect(credentialUsers.some((user) => user.passwordEnabled && !user.mfaActive)).toBe(true);
    expect(credentialUsers.some((user) => user.accessKeys.length > 0)).toBe(true);
    for (const account of accounts) expect(account.credentials.users.map((user) => user.userName)).toEqual(account.authorizationDetails.UserDetailList.map((user) => user.UserName));
  });

  it('attaches the SCPs where the organisation needs them, content as JSON strings', () => {
    const byName = new Map(organization.policies.map((policy) => [policy.name, policy]));
    const unitId = (name: string) => organization.organizationalUnits.find((unit) => unit.name === name)?.id;
    expect(byName.get('FullAWSAccess')?.targetIds).toContain(organization.roots[0].id);
    expect(byName.get('RestrictToApprovedRegions')?.targetIds).toEqual([unitId('Workloads')]);
    expect(byName.get('DenyBedrockModelCustomization')?.targetIds).toEqual([unitId('Sandbox')]);
    for (const policy of organization.policies) expect(typeof policy.content).toBe('string');
    expect(String(byName.get('RestrictToApprovedRegions')?.content)).toContain('NotAction');
  });

  it('imports cleanly through the offline importer and the mappers', async () => {
    const { files, errors } = await readOfflineDirectory(COMMITTED_DEMO);
    expect(errors).toEqual([]);
    const sources = toAccountSources(files);
    const result = buildSnapshot({ capturedAt: '2026-11-01T00:00:00.000Z', organization: sources.organization, accounts: sources.accounts });
    expect(sources.warnings).toEqual([]);
    expect(result.failedAccounts).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.snapshot.accounts).toHaveLength(accounts.length);
    expect(new Set(result.accountFacts.map((facts) => facts.environment))).toEqual(new Set(['prod', 'nonprod', 'sandbox', 'unknown']));
  });
});

describe('determinism and the committed files', () => {
  it('writes identical bytes on two runs, equal to the committed demo/org', () => {
    const first = temporaryDirectory();
    const second = temporaryDirectory();
    writeOrganization({ directory: first });
    writeOrganization({ directory: second });
    const firstBytes = readDirectoryBytes(first);
    expect(readDirectoryBytes(second)).toEqual(firstBytes);
    // If this fails, regenerate: npx tsx scripts/generate-demo-org.ts
    expect(readDirectoryBytes(COMMITTED_DEMO)).toEqual(firstBytes);
  });

  it('a different seed gives a different organisation', () => {
    const serialize = (seed: string) => JSON.stringify([...generateOrganization({ seed })].map((account) => account.authorizationDetails.UserDetailList.map((user) => user.UserName)));
    expect(serialize('other-seed')).not.toBe(serialize('northwind'));
  });
});

describe('scale mode', () => {
  it('yields N accounts of at least M principals, lazily, sharing managed policies', () => {
    const iterator = generateOrganization({ accountCount: 30, principalsPerAccount: 60, seed: 7 });
    const first = iterator.next();
    expect(first.done).toBe(false);
    const all = [first.value as GeneratedAccount, ...iterator];
    expect(all).toHaveLength(30);
    const ids = new Set(all.map((account) => account.accountId));
    expect(ids.size).toBe(30);
    for (const account of all) {
      const details: AuthorizationDetails = account.authorizationDetails;
      expect(details.UserDetailList.length + details.RoleDetailList.length).toBeGreaterThanOrEqual(60);
      for (const role of details.RoleDetailList) expect(role.Arn.split(':')[4]).toBe(account.accountId);
    }
    const accountsWithFullAccess = all.filter((account) => account.authorizationDetails.Policies.some((policy) => policy.Arn === 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess'));
    expect(accountsWithFullAccess.length).toBeGreaterThan(10);
    expect(generateOrganizationFile({ accountCount: 30 }).accounts).toHaveLength(30);
  });

  it('rejects a nonsensical account count', () => {
    expect(() => [...generateOrganization({ accountCount: 0 })]).toThrow(RangeError);
  });
});
