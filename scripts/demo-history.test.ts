import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../db/client';
import { verifyAuditChain } from '../db/queries/audit';
import { buildEvidence } from '../db/queries/campaigns/evidence';
import { loadEvidenceBundleRows } from '../db/queries/campaigns/evidence-bundle';
import { prepareDemoDatabase } from './prepare-database';
import { historicalOrganization, NEW_PRINCIPAL_NAME, RETIRED_ROLE_NAME } from './demo-history';

const NOW = new Date('2026-12-07T09:00:00.000Z');

type Row = Record<string, unknown>;

describe('historicalOrganization', () => {
  const files = new Map([
    [
      '111111111111',
      {
        UserDetailList: [{ UserName: 'svc', AttachedManagedPolicies: [{ PolicyName: 'AmazonBedrockFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }] }],
        GroupDetailList: [],
        RoleDetailList: [
          { RoleName: 'notebook', Arn: 'arn:aws:iam::111111111111:role/service-role/notebook', AttachedManagedPolicies: [{ PolicyName: 'AmazonBedrockFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }] },
          { RoleName: NEW_PRINCIPAL_NAME, Arn: `arn:aws:iam::111111111111:role/${NEW_PRINCIPAL_NAME}` },
        ],
        Policies: [],
      },
    ],
  ]);

  it('adds the retired role, drops the new principal, and narrows the widened user only in the first stage', () => {
    const firstStage = historicalOrganization(files, { isFirst: true }).get('111111111111')!;
    expect(firstStage.RoleDetailList.map((role) => role.RoleName)).toEqual(['notebook', RETIRED_ROLE_NAME]);
    expect(firstStage.RoleDetailList[1]).toMatchObject({ Arn: `arn:aws:iam::111111111111:role/${RETIRED_ROLE_NAME}`, Path: '/' });
    expect(firstStage.UserDetailList[0].AttachedManagedPolicies?.[0].PolicyName).toBe('AmazonBedrockLimitedAccess');
    const secondStage = historicalOrganization(files, { isFirst: false }).get('111111111111')!;
    expect(secondStage.UserDetailList[0].AttachedManagedPolicies?.[0].PolicyName).toBe('AmazonBedrockFullAccess');
    expect(files.get('111111111111')!.RoleDetailList).toHaveLength(2);
  });
});

describe('the demo database with history', () => {
  let directory: string;
  let database: AppDatabase;
  const previousKey = process.env.DEMO_MODE;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-history-'));
    database = await prepareDemoDatabase(path.join(directory, 'demo.db'), { isFresh: true, withHistory: true, now: NOW });
  }, 180_000);

  afterAll(() => {
    database?.$client.close();
    fs.rmSync(directory, { recursive: true, force: true });
    process.env.DEMO_MODE = previousKey;
  });

  const all = (sql: string, ...parameters: unknown[]) => database.$client.prepare(sql).all(...parameters) as Row[];

  it('has three published snapshots over the last 90 days, the latest being the demo organisation', () => {
    const published = all("SELECT id, started_at FROM scans WHERE is_published = 1 ORDER BY id");
    expect(published).toHaveLength(3);
    const ages = published.map((scan) => (NOW.getTime() - Date.parse(String(scan.started_at))) / 86_400_000);
    expect(ages[0]).toBeLessThanOrEqual(90);
    expect(ages[0]).toBeGreaterThan(ages[1]);
    expect(ages[1]).toBeGreaterThan(ages[2]);
    const [first, second, third] = published.map((scan) => Number(scan.id));
    const holders = (scanId: number, name: string) => all('SELECT 1 FROM principals WHERE scan_id = ? AND name = ?', scanId, name).length;
    expect([holders(first, RETIRED_ROLE_NAME), holders(second, RETIRED_ROLE_NAME), holders(third, RETIRED_ROLE_NAME)]).toEqual([1, 1, 0]);
    expect([holders(first, NEW_PRINCIPAL_NAME), holders(third, NEW_PRINCIPAL_NAME)]).toEqual([0, 1]);
    const fullAccessUsers = (scanId: number) => all("SELECT p.name FROM entitlements e JOIN principals p ON p.id = e.principal_id WHERE e.scan_id = ? AND p.type = 'user' AND e.policy_name = 'AmazonBedrockFullAccess'", scanId).length;
    expect(fullAccessUsers(second)).toBe(fullAccessUsers(first) + 1);
  });

  it('has a closed campaign with overdue items in its evidence and an active one about half decided, with a delegation, not yet due', () => {
    // The assignment campaign (#14) is a standard campaign too; it has its own test below.
    const standard = all("SELECT id, status, due_at FROM campaigns WHERE kind = 'standard' AND scope NOT LIKE '%\"subject\":\"assignments\"%' ORDER BY id");
    expect(standard.map((campaign) => campaign.status)).toEqual(['closed', 'active']);
    const evidence = buildEvidence(database, Number(standard[0].id), NOW);
    expect(evidence.items.length).toBeGreaterThan(0);
    expect(evidence.summary.totals.overdue).toBeGreaterThan(0);
    const active = Number(standard[1].id);
    // The worker closes every campaign at its due date: none may be active past due at demo start.
    expect(all("SELECT id FROM campaigns WHERE status = 'active' AND due_at <= ?", NOW.toISOString())).toEqual([]);
    expect(all("SELECT id FROM campaigns WHERE kind = 'micro' AND status = 'closed'").length).toBeGreaterThan(0);
    const counts = all('SELECT status, COUNT(*) AS n FROM campaign_items WHERE campaign_id = ? GROUP BY status', active);
    const total = counts.reduce((sum, row) => sum + Number(row.n), 0);
    const pending = Number(counts.find((row) => row.status === 'pending')?.n ?? 0);
    expect(pending / total).toBeGreaterThan(0.35);
    expect(pending / total).toBeLessThan(0.65);
    const kinds = all('SELECT DISTINCT kind FROM decisions WHERE campaign_id = ?', active).map((row) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['attest', 'revoke', 'delegate']));
  });

  it('has revocations in every state an offline organisation reaches, verified by the next import', () => {
    const statuses = new Set(all('SELECT status FROM revocations').map((row) => row.status));
    for (const status of ['requested', 'approved', 'awaiting-confirmation', 'verified', 'rolled-back', 'rejected', 'failed']) expect(statuses).toContain(status);
    const failed = all("SELECT error FROM revocations WHERE status = 'failed'");
    expect(failed).toHaveLength(1);
    expect(String(failed[0].error)).toMatch(/^The AWS CLI script failed at \w+: AccessDenied — User: arn:aws:sts::\d{12}:assumed-role\/.+ is not authorized to perform: iam:\w+ on resource: (role|user) .+ with an explicit deny in a service control policy$/);
    expect(all("SELECT 1 FROM audit_log WHERE action = 'revocation.verified' AND actor = 'scan'")).toHaveLength(1);
  });

  it('gives the closed campaign an evidence bundle with names, policies, every decision and remediation states', () => {
    const closed = Number(all("SELECT id FROM campaigns WHERE kind = 'standard' AND status = 'closed'")[0].id);
    const rows = loadEvidenceBundleRows(database, closed, NOW);
    expect(rows.items).toHaveLength(Number(all('SELECT COUNT(*) AS n FROM campaign_items WHERE campaign_id = ?', closed)[0].n));
    expect(rows.items.every((item) => item.accountName && item.policyName)).toBe(true);
    expect(new Set(rows.items.map((item) => item.remediationState))).toEqual(new Set([null, 'rolled-back', 'rejected', 'requested']));
    expect(rows.decisions.map((decision) => decision.decisionId)).toEqual([...rows.decisions.map((decision) => decision.decisionId)].sort((a, b) => a - b));
    expect(rows.decisions.map((decision) => decision.kind)).toEqual(expect.arrayContaining(['attest', 'revoke', 'delegate']));
  });

  it('has an Identity Center assignment campaign, partly decided, with one group assignment revoked', () => {
    const [campaign] = all(`SELECT id FROM campaigns WHERE scope LIKE '%"subject":"assignments"%'`);
    expect(campaign).toBeDefined();
    const items = all('SELECT item_kind AS kind, status, via_group_name AS groupName FROM campaign_items WHERE campaign_id = ?', campaign.id);
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((item) => item.kind === 'assignment')).toBe(true);
    expect(items.filter((item) => item.status === 'revoked').map((item) => item.groupName === null)).toEqual([false]);
    expect(items.some((item) => item.status === 'attested')).toBe(true);
    expect(items.some((item) => item.status === 'pending')).toBe(true);
  });

  it('keeps the audit chain intact', () => {
    expect(verifyAuditChain(database).isIntact).toBe(true);
  });
});
