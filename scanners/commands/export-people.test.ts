import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { createTestDatabase } from '../../db/test-database';
import { runScan } from '../pipeline/run-scan';
import { parseArguments } from '../cli-args';
import { exportCommand } from './export';

interface ExportDocument {
  principals: Array<{ arn: string; permissionSet?: { name: string; arn: string | null }; people?: Array<{ userName: string; displayName: string | null; email: string | null; via: string }> }>;
  people: Array<{ userId: string; userName: string; displayName: string | null; email: string | null; assignments: Array<{ accountId: string; permissionSet: string; via: string }>; roles: string[]; tiers: string[]; blastRadius: { score: number; factors: unknown[] }; sodConflicts: Array<{ ruleId: string; isAcrossRoles: boolean }> }>;
}

let database: AppDatabase;
beforeAll(async () => {
  database = createTestDatabase();
  await runScan(database, { kind: 'offline', directory: path.join(process.cwd(), 'demo', 'org') }, { trigger: 'cli', requestedBy: 'test' });
}, 120_000);
afterEach(() => vi.restoreAllMocks());

async function exportJson(): Promise<ExportDocument> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  expect(await exportCommand(database, parseArguments(['--format', 'json']))).toBe(0);
  vi.restoreAllMocks();
  return JSON.parse(text) as ExportDocument;
}

describe('export --format json with Identity Center', () => {
  it('gives each SSO role its permission set and the people behind it, with how', async () => {
    const document = await exportJson();
    const role = document.principals.find((principal) => principal.arn.endsWith('AWSReservedSSO_AgentBuilder_90b64f70d61ff5cf'));
    expect(role?.permissionSet).toEqual({ name: 'AgentBuilder', arn: expect.stringMatching(/^arn:aws:sso:::permissionSet\/ssoins-[0-9a-f]{16}\/ps-[0-9a-f]{16}$/) as string });
    expect(role?.people).toContainEqual({ userName: 'sofia@example.com', displayName: 'Sofia Rossi', email: 'sofia@example.com', via: 'direct' });
    expect(role?.people).toContainEqual({ userName: 'aiko.tanaka@northwind.example', displayName: 'Aiko Tanaka', email: 'aiko.tanaka@northwind.example', via: 'group:AgentBuilders' });
    const plainRole = document.principals.find((principal) => !principal.arn.includes('AWSReservedSSO_'));
    expect(plainRole).not.toHaveProperty('people');
  });

  it('lists every person with assignments, roles, tiers, blast radius and SoD conflicts', async () => {
    const { people } = await exportJson();
    expect(people).toHaveLength(40);
    const yusuf = people.find((person) => person.userName === 'yusuf.demir@northwind.example');
    expect(yusuf?.assignments).toContainEqual({ accountId: '185920374618', permissionSet: 'BedrockMantleUser', via: 'direct' });
    expect(yusuf?.assignments).toContainEqual({ accountId: '318274650192', permissionSet: 'SecurityAdmin', via: 'group:SecurityTeam' });
    expect(yusuf?.roles.every((arn) => arn.includes(':role/aws-reserved/sso.amazonaws.com/'))).toBe(true);
    expect(yusuf?.tiers).toEqual(expect.arrayContaining(['invoke', 'govern']));
    expect(yusuf?.blastRadius.score).toBeGreaterThan(0);
    expect(yusuf?.blastRadius.factors.length).toBeGreaterThanOrEqual(7);
    expect(yusuf?.sodConflicts).toContainEqual(expect.objectContaining({ ruleId: 'SOD-GOVERN-INVOKE', isAcrossRoles: true }));
  });
});

describe('export --format json: usage per person (#18)', () => {
  it('gives every person a usage object of the per-principal shape, from the calls tied to their UserId', async () => {
    const before = await exportJson();
    const yusuf = before.people.find((person) => person.userName === 'yusuf.demir@northwind.example') as (ExportDocument['people'][number] & { usage?: unknown }) | undefined;
    expect(yusuf?.usage).toMatchObject({ windowDays: 90, calls: 0, lastUsed: null, callers: [] });
    const scan = database.$client.prepare('SELECT id, finished_at AS finishedAt FROM scans WHERE is_published = 1 ORDER BY id DESC').get() as { id: number; finishedAt: string };
    const day = scan.finishedAt.slice(0, 10);
    const roleArn = yusuf!.roles[0];
    database.$client
      .prepare(
        `INSERT INTO usage_daily (scan_id, bucket_key, account_id, principal_arn, action, model_id, region, day, caller_kind, caller_name, caller_user_id, caller_basis, unattributed_reason, credential, is_standing_credential, calls, denied_calls, last_call_at, last_denied_at)
         VALUES (?, 'export-person-test', ?, ?, 'bedrock:InvokeModel', 'anthropic.claude-3-haiku-20240307-v1:0', 'eu-west-1', ?, 'person', ?, ?, 'on-behalf-of', '', 'session', 0, 3, 0, ?, NULL)`,
      )
      .run(scan.id, roleArn.split(':')[4], roleArn, day, yusuf!.userName, yusuf!.userId, `${day}T09:00:00Z`);
    const after = await exportJson();
    const person = after.people.find((entry) => entry.userId === yusuf!.userId) as { usage?: unknown } | undefined;
    expect(person?.usage).toEqual({
      windowDays: 90,
      lastUsed: `${day}T09:00:00Z`,
      calls: 3,
      deniedCalls: 0,
      actions: { 'bedrock:InvokeModel': { calls: 3, lastUsed: `${day}T09:00:00Z` } },
      models: { 'anthropic.claude-3-haiku-20240307-v1:0': { calls: 3, lastUsed: `${day}T09:00:00Z` } },
      callers: [{ kind: 'person', name: yusuf!.userName, calls: 3, lastUsed: `${day}T09:00:00Z` }],
    });
    database.$client.prepare("DELETE FROM usage_daily WHERE bucket_key = 'export-person-test'").run();
  });
});
