import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../../lib/analysis/catalogue/load-catalogue';
import { createEvaluator } from '../../lib/analysis/evaluation/evaluate-principal';
import type { PrincipalFacts } from '../../lib/analysis/types';
import { importOfflineDirectory } from './import-offline-directory';
import { parseOfflineFileText } from './parse-offline-file';

/**
 * Authorization-details files in the shapes of different CLI and SDK eras (test-support/cli-eras):
 * today's CLI v2 as a public example file publishes it (PermissionsBoundaryUsageCount null on AWS
 * managed policies, a redacted user ARN), a 2019 boto3 dump with `default=str` dates
 * (microseconds, offsets, a space for the T) and no Tags/boundary keys, and a 2017 CLI v1 file
 * (no PermissionsBoundaryUsageCount, a null list). Each imports; warnings say exactly what was
 * tolerated, and nothing is said about fields that are merely absent in that era.
 */

const ERAS = path.join(__dirname, 'test-support', 'cli-eras');
const ACCOUNT_ID = '210987654321';

let catalogue: ActionCatalogue;
let directory: string | null = null;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = null;
});

async function importEra(file: string) {
  directory = mkdtempSync(path.join(os.tmpdir(), 'cli-era-'));
  copyFileSync(path.join(ERAS, file), path.join(directory, file));
  return importOfflineDirectory(directory, { capturedAt: '2026-12-01T00:00:00.000Z' });
}

function principalNamed<T extends PrincipalFacts>(principals: T[], name: string): T {
  const found = principals.find((principal) => principal.name === name);
  if (!found) throw new Error(`no principal ${name}`);
  return found;
}

describe('authorization-details files of different CLI eras', () => {
  it('today\'s CLI v2 public example: null PermissionsBoundaryUsageCount is tolerated, the redacted user ARN is warned about', async () => {
    const result = await importEra('cli-v2-public-example.json');
    expect(result.fileErrors).toEqual([]);
    const file = path.join(directory as string, 'cli-v2-public-example.json');
    expect(result.warnings).toEqual([
      `${file}: Policies: PermissionsBoundaryUsageCount is null in 2 of 2 entries; not used by the analysis`,
      `${file}: user example-user: ARN arn:aws:iam::aws:user/example-user does not name account ${ACCOUNT_ID}; assigned to account ${ACCOUNT_ID}, the account of the file's other ARNs (conditions on its ARN stay undecided)`,
    ]);
    const account = result.snapshot.accounts[0];
    expect(account.accountId).toBe(ACCOUNT_ID);
    const evaluator = createEvaluator(catalogue, result.snapshot);
    const admin = evaluator.evaluatePrincipal(principalNamed(account.users, 'bedrock-admin'));
    expect(admin.grants.some((grant) => grant.action === 'bedrock:InvokeModel')).toBe(true);
    const batch = evaluator.evaluatePrincipal(principalNamed(account.roles, 'bedrock-batch'));
    expect(batch.grants.some((grant) => grant.action === 'bedrock:CreateModelCustomizationJob')).toBe(true);
    expect(principalNamed(account.roles, 'bedrock-batch').lastUsedDate).toBe('2026-11-30T09:12:44.000Z');
  });

  it('a 2019 boto3 dump: dates with microseconds, offsets and a space parse; absent Tags and lists are not warned about', async () => {
    const result = await importEra('boto3-2019-default-str.json');
    expect(result.fileErrors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const account = result.snapshot.accounts[0];
    const user = principalNamed(account.users, 'data-scientist');
    expect(user.createDate).toBe('2019-04-17T19:31:10.123Z');
    expect(user.tags).toEqual({});
    expect(principalNamed(account.roles, 'batch-inference').createDate).toBe('2019-05-02T14:00:00.000Z');
    const evaluator = createEvaluator(catalogue, result.snapshot);
    const access = evaluator.evaluatePrincipal(user);
    expect(access.grants.filter((grant) => grant.action === 'bedrock:InvokeModel').map((grant) => [grant.path.groupName, grant.resources])).toEqual([['ml', ['arn:aws:bedrock:*::foundation-model/anthropic.*']]]);
    expect(access.errors).toEqual([]);
  });

  it('a 2017 CLI v1 file: no PermissionsBoundaryUsageCount, a null list read as empty (and said), the default version only', async () => {
    const result = await importEra('cli-v1-2017.json');
    expect(result.fileErrors).toEqual([]);
    const file = path.join(directory as string, 'cli-v1-2017.json');
    expect(result.warnings).toEqual([`${file}: UserDetailList: UserPolicyList is null in 1 of 1 entries; read as empty`]);
    const account = result.snapshot.accounts[0];
    const access = createEvaluator(catalogue, result.snapshot).evaluatePrincipal(principalNamed(account.users, 'ops'));
    const actions = access.grants.map((grant) => grant.action);
    expect(actions).toContain('bedrock:ListFoundationModels');
    // v2 (bedrock:*) is not the default version: it must not count.
    expect(actions).not.toContain('bedrock:InvokeModel');
  });

  it('still refuses a file that lacks what the analysis needs', () => {
    const modern = JSON.parse(readFileSync(path.join(ERAS, 'cli-v2-public-example.json'), 'utf8')) as { Policies: Array<Record<string, unknown>> };
    delete modern.Policies[0].PolicyVersionList;
    expect(() => parseOfflineFileText('broken.json', JSON.stringify(modern))).toThrow(/Policies\.0\.PolicyVersionList/);
    const noArn = JSON.parse(readFileSync(path.join(ERAS, 'boto3-2019-default-str.json'), 'utf8')) as { UserDetailList: Array<Record<string, unknown>> };
    noArn.UserDetailList[0].Arn = null;
    expect(() => parseOfflineFileText('broken.json', JSON.stringify(noArn))).toThrow(/UserDetailList\.0\.Arn/);
  });

  it('leaves aws:PrincipalArn undecided for a principal whose ARN names no account', async () => {
    const result = await importEra('cli-v2-public-example.json');
    const account = result.snapshot.accounts[0];
    const withArnCondition = { ...result.snapshot, accounts: [{ ...account, users: account.users.map((user) => ({ ...user, inlinePolicies: [{ name: 'deny-others', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/bedrock-*' } } }] } }] })) }] };
    const evaluator = createEvaluator(catalogue, withArnCondition);
    const users = withArnCondition.accounts[0].users;
    const redacted = evaluator.isAllowed(principalNamed(users, 'example-user'), 'bedrock:ListFoundationModels', '*');
    expect([redacted.decision, redacted.isConditional]).toEqual(['allow', true]);
    const admin = evaluator.isAllowed(principalNamed(users, 'bedrock-admin'), 'bedrock:ListFoundationModels', '*');
    expect([admin.decision, admin.isConditional]).toEqual(['allow', false]);
  });
});
