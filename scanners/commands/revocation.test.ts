import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../db/client';
import { upsertUser } from '../../db/queries/users';
import { accounts, auditLog, entitlements, policies, policyDocuments, principals, revocations, scanAccounts, scans } from '../../db/schema';
import { createTestDatabase } from '../../db/test-database';
import { entitlementKey } from '../../lib/analysis/entitlements';
import type { PrincipalFacts } from '../../lib/analysis/types';
import { testEvaluate } from '../../lib/revocations/test-support/evaluator';
import { ACCOUNT, awsManagedPolicy, role, user } from '../../lib/revocations/test-support/fixtures';
import { storeActionNames } from '../../db/queries/test-support/action-lists';
import { parseArguments, UsageError } from '../cli-args';
import { revocationCommand } from './revocation';

const NOW = new Date('2030-01-05T10:00:00Z');
const tara = user('tara.rossi', { managed: ['AmazonBedrockFullAccess'] });
const ssoBase = role('AWSReservedSSO_BedrockDevelopers_0123456789abcdef', { managed: ['AmazonBedrockFullAccess'] });
const sso: PrincipalFacts = { ...ssoBase, path: '/aws-reserved/sso.amazonaws.com/', arn: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${ssoBase.name}`, permissionSetName: 'BedrockDevelopers' };
const keyOf = (principal: PrincipalFacts) => entitlementKey(principal.arn, { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', groupName: null });

/** One published snapshot of the account with tara (a user) and an SSO role, both holding AmazonBedrockFullAccess. */
function seed(database: AppDatabase, source: 'live' | 'offline'): void {
  database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source, updatedAt: NOW.toISOString() }).run();
  const scanId = database.insert(scans).values({ status: 'complete', source, trigger: 'cli', queuedAt: NOW.toISOString(), finishedAt: NOW.toISOString(), isPublished: true }).returning({ id: scans.id }).get().id;
  database.insert(scanAccounts).values({ scanId, accountId: ACCOUNT, status: 'ok' }).run();
  for (const principal of [tara, sso]) {
    const id = database
      .insert(principals)
      .values({ scanId, accountId: ACCOUNT, arn: principal.arn, type: principal.type, name: principal.name, path: principal.path, ownerEmail: null, hasBedrock: true, facts: JSON.stringify({ principal, groups: [] }), analysis: '{}', actionsHash: storeActionNames(database, ['bedrock:InvokeModel']) })
      .returning({ id: principals.id })
      .get().id;
    database.insert(entitlements).values({ scanId, principalId: id, entitlementKey: keyOf(principal), policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', tiersMask: 1, actionsHash: storeActionNames(database, ['bedrock:InvokeModel']), actionCount: 1, isConditional: false }).run();
  }
  const policy = awsManagedPolicy('AmazonBedrockFullAccess');
  const text = JSON.stringify(policy.document);
  const hash = createHash('sha256').update(text).digest('hex');
  database.insert(policyDocuments).values({ hash, document: text }).onConflictDoNothing().run();
  database.insert(policies).values({ scanId, accountId: ACCOUNT, arn: policy.arn, name: policy.name, isAwsManaged: true, defaultVersionId: policy.defaultVersionId, documentHash: hash }).run();
  upsertUser(database, { email: 'ana@example.com', name: 'Ana', role: 'admin' });
  upsertUser(database, { email: 'ben@example.com', name: 'Ben', role: 'admin' });
  upsertUser(database, { email: 'audrey@example.com', name: 'Audrey', role: 'auditor' });
}

let database: AppDatabase;
let output: string[];

async function run(line: string, requireFourEyes = true): Promise<number> {
  output = [];
  return revocationCommand(database, parseArguments(line.split(' ')), { requireFourEyes, evaluate: async () => testEvaluate, now: () => NOW, print: (text) => output.push(...text.split('\n')) });
}

const auditActions = () => database.select({ actor: auditLog.actor, action: auditLog.action, after: auditLog.after }).from(auditLog).all().filter((entry) => entry.action.startsWith('revocation.'));

beforeEach(() => {
  database = createTestDatabase();
});

describe('revocation CLI', () => {
  it('request prints the new id on its first line; the audit names the admin given with --as', async () => {
    seed(database, 'live');
    expect(await run(`revocation request --principal ${tara.arn} --entitlement ${keyOf(tara)} --justification left-the-team --as ana@example.com`)).toBe(0);
    const id = Number(output[0]);
    expect(output[0]).toMatch(/^\d+$/);
    expect(database.select().from(revocations).where(eq(revocations.id, id)).get()).toMatchObject({ status: 'requested', origin: 'admin', requestedBy: 'ana@example.com', justification: 'left-the-team' });
    expect(auditActions()).toEqual([expect.objectContaining({ actor: 'ana@example.com', action: 'revocation.requested' })]);
  });

  it('request without --entitlement takes the principal’s only entitlement', async () => {
    seed(database, 'live');
    await run(`revocation request --principal ${tara.arn} --justification x --as ana@example.com`);
    expect(database.select({ key: revocations.entitlementKey }).from(revocations).get()?.key).toBe(keyOf(tara));
  });

  it('--as must be an active admin', async () => {
    seed(database, 'live');
    await expect(run(`revocation list --as audrey@example.com`)).rejects.toThrow(/only admins/);
    await expect(run(`revocation list --as nobody@example.com`)).rejects.toThrow(UsageError);
    await expect(run(`revocation list`)).rejects.toThrow(/--as is required/);
  });

  it('an SSO role is refused with the reason, nothing is recorded', async () => {
    seed(database, 'live');
    await expect(run(`revocation request --principal ${sso.arn} --justification x --as ana@example.com`)).rejects.toThrow(/cannot be revoked here, because it is an IAM Identity Center role/);
    expect(database.select().from(revocations).all()).toEqual([]);
  });

  it('plan, approve (four-eyes, comment audited), execute, script and list on an offline account', async () => {
    seed(database, 'offline');
    await run(`revocation request --principal ${tara.arn} --justification x --as ana@example.com`);
    const id = Number(output[0]);
    expect(await run(`revocation plan ${id} --as ben@example.com`)).toBe(0);
    expect(output).toContain(`  aws iam detach-user-policy --user-name 'tara.rossi' --policy-arn 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess'`);
    await expect(run(`revocation approve ${id} --comment ok --as ana@example.com`)).rejects.toThrow(/Four-eyes/);
    expect(await run(`revocation approve ${id} --comment reviewed-with-owner --as ben@example.com`)).toBe(0);
    expect(await run(`revocation execute ${id} --as ben@example.com`)).toBe(0);
    expect(output.join('\n')).toContain('awaiting confirmation');
    expect(database.select({ status: revocations.status }).from(revocations).where(eq(revocations.id, id)).get()?.status).toBe('awaiting-confirmation');
    expect(await run(`revocation script ${id} --as ben@example.com`)).toBe(0);
    expect(output[0]).toBe('#!/usr/bin/env bash');
    expect(output.join('\n')).toContain("aws iam detach-user-policy --user-name 'tara.rossi'");
    expect(await run(`revocation list --status awaiting-confirmation --as ana@example.com`)).toBe(0);
    expect(output[1].split('\t').slice(0, 3)).toEqual([String(id), 'awaiting-confirmation', 'offline']);
    const audit = auditActions();
    expect(audit.map((entry) => `${entry.actor} ${entry.action}`)).toEqual(['ana@example.com revocation.requested', 'ben@example.com revocation.approved', 'ben@example.com revocation.script-generated']);
    expect(JSON.parse(audit[1].after ?? '{}')).toMatchObject({ comment: 'reviewed-with-owner' });
  });

  it('plan of a campaign-decision request on an SSO role prints the refusal and exits 3; approve keeps it refused', async () => {
    seed(database, 'live');
    const id = database
      .insert(revocations)
      .values({ status: 'requested', origin: 'decision', principalArn: sso.arn, accountId: ACCOUNT, entitlementKey: keyOf(sso), mode: 'live', justification: 'x', requestedBy: 'owner@example.com', requestedAt: NOW.toISOString() })
      .returning({ id: revocations.id })
      .get().id;
    expect(await run(`revocation plan ${id} --as ana@example.com`)).toBe(3);
    expect(output.join('\n')).toMatch(/REFUSED \(identity-center\): AWSReservedSSO_BedrockDevelopers_0123456789abcdef cannot be revoked here/);
    expect(output).toContain('IAM calls (0):');
    await expect(run(`revocation approve ${id} --comment reviewed --as ana@example.com`)).rejects.toThrow(/UnmodifiableEntity/);
    const row = database.select().from(revocations).where(and(eq(revocations.id, id))).get();
    expect(row?.status).toBe('requested');
    expect(JSON.parse(row?.plan ?? '{}').refusal.code).toBe('identity-center');
    await expect(run(`revocation execute ${id} --as ana@example.com`)).rejects.toThrow(/cannot be executed/);
  });

  it('runs as a process: `npm run cli -- revocation request` prints the id on its first line', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bar-revocation-cli-'));
    const databasePath = path.join(directory, 'app.db');
    const fileDatabase = openDatabase(databasePath);
    seed(fileDatabase, 'live');
    fileDatabase.$client.close();
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scanners/cli.ts', 'revocation', 'request', '--principal', tara.arn, '--justification', 'scripted', '--as', 'ana@example.com'], {
      env: { ...process.env, DATABASE_URL: `file:${databasePath}`, BAR_CONFIG: '' },
    });
    const [first] = stdout.split('\n');
    expect(first).toMatch(/^\d+$/);
    const check = openDatabase(databasePath);
    expect(check.select({ by: revocations.requestedBy }).from(revocations).where(eq(revocations.id, Number(first))).get()?.by).toBe('ana@example.com');
    check.$client.close();
  }, 60_000);
});
