import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLatestPublishedScan, iterateExportedPrincipals, type ExportedPrincipal } from '../../db/queries/export-snapshot';
import { createTestDatabase } from '../../db/test-database';
import { runScan } from './run-scan';

/**
 * The JSON export keeps what the engine decided: each grant's own conditional flag and
 * conditions (not its statement's), the principal-fact conditions decided on it, and each
 * principal's denials with their cause. One account under a break-glass SCP, imported offline.
 */

const ACCOUNT_ID = '111122223333';
const BEDROCK_FULL_ACCESS = JSON.parse(readFileSync(path.join(process.cwd(), 'demo', 'aws-managed-policies', 'AmazonBedrockFullAccess.json'), 'utf8')) as { PolicyVersion: { Document: unknown; VersionId: string } };
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

function role(name: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { Path: '/', RoleName: name, RoleId: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '')}`, Arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`, CreateDate: '2025-01-01T00:00:00+00:00', AssumeRolePolicyDocument: TRUST, RolePolicyList: [], AttachedManagedPolicies: [], Tags: [], ...extra };
}

const authorizationDetails = {
  UserDetailList: [],
  GroupDetailList: [],
  RoleDetailList: [
    role('ml-pipeline', { AttachedManagedPolicies: [{ PolicyName: 'AmazonBedrockFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }] }),
    role('emergency-admin', { AttachedManagedPolicies: [{ PolicyName: 'AmazonBedrockFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }] }),
    role('ml-runner', {
      Tags: [{ Key: 'team', Value: 'ml' }],
      RolePolicyList: [
        {
          PolicyName: 'invoke-for-team',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Sid: 'TeamInvoke', Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:GetFoundationModel'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ml' } } },
              { Sid: 'OnlyFromVpn', Effect: 'Deny', Action: 'bedrock:InvokeModel', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
            ],
          },
        },
      ],
    }),
  ],
  Policies: [
    {
      PolicyName: 'AmazonBedrockFullAccess',
      PolicyId: 'ANPAFULLACCESS',
      Arn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess',
      Path: '/',
      DefaultVersionId: BEDROCK_FULL_ACCESS.PolicyVersion.VersionId,
      AttachmentCount: 2,
      PermissionsBoundaryUsageCount: null,
      IsAttachable: true,
      CreateDate: '2023-09-28T21:07:10+00:00',
      UpdateDate: '2025-08-01T17:13:37+00:00',
      PolicyVersionList: [{ Document: BEDROCK_FULL_ACCESS.PolicyVersion.Document, VersionId: BEDROCK_FULL_ACCESS.PolicyVersion.VersionId, IsDefaultVersion: true, CreateDate: '2025-08-01T17:13:37+00:00' }],
    },
  ],
};

const breakGlass = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyModelAdminExceptBreakGlass',
      Effect: 'Deny',
      Action: ['bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration'],
      Resource: '*',
      Condition: { ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/emergency-*'] } },
    },
  ],
};

const organization = {
  organization: { id: 'o-exampleorg1', managementAccountId: '999999999999' },
  roots: [{ id: 'r-ex01', name: 'Root' }],
  organizationalUnits: [{ id: 'ou-ex01-ml000001', name: 'ML', parentId: 'r-ex01' }],
  accounts: [{ id: ACCOUNT_ID, name: 'ml-prod', email: 'aws+ml-prod@example.com', status: 'ACTIVE', parentId: 'ou-ex01-ml000001', tags: { environment: 'prod' } }],
  policies: [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), targetIds: ['r-ex01', 'ou-ex01-ml000001', ACCOUNT_ID] },
    { id: 'p-breakglass', name: 'DenyModelAdminExceptBreakGlass', type: 'SERVICE_CONTROL_POLICY', content: JSON.stringify(breakGlass), targetIds: ['r-ex01'] },
  ],
};

let directory: string;
let exported: Map<string, ExportedPrincipal>;

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'export-decisions-'));
  writeFileSync(path.join(directory, `${ACCOUNT_ID}.json`), JSON.stringify(authorizationDetails));
  writeFileSync(path.join(directory, 'organization.json'), JSON.stringify(organization));
  const database = createTestDatabase();
  const outcome = await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test' });
  expect(outcome.status).toBe('complete');
  const scan = findLatestPublishedScan(database);
  if (!scan) throw new Error('no published scan');
  exported = new Map([...iterateExportedPrincipals(database, scan.id)].map((principal) => [principal.name, principal]));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('export --format json keeps what the engine decided', () => {
  it('exports the break-glass SCP denial of an ordinary role with its cause', () => {
    const principal = exported.get('ml-pipeline') as ExportedPrincipal;
    expect(principal.actions).not.toContain('bedrock:PutModelInvocationLoggingConfiguration');
    expect(principal.denied.filter((denied) => denied.action.includes('ModelInvocationLogging'))).toEqual([
      {
        action: 'bedrock:DeleteModelInvocationLoggingConfiguration',
        source: 'scp',
        policy: 'DenyModelAdminExceptBreakGlass',
        reason: 'denied by SCP DenyModelAdminExceptBreakGlass statement DenyModelAdminExceptBreakGlass: aws:PrincipalARN does not match arn:aws:iam::*:role/emergency-*',
      },
      {
        action: 'bedrock:PutModelInvocationLoggingConfiguration',
        source: 'scp',
        policy: 'DenyModelAdminExceptBreakGlass',
        reason: 'denied by SCP DenyModelAdminExceptBreakGlass statement DenyModelAdminExceptBreakGlass: aws:PrincipalARN does not match arn:aws:iam::*:role/emergency-*',
      },
    ]);
  });

  it('keeps the emergency role\'s logging grants, unconditional, with the exemption decided on them', () => {
    const principal = exported.get('emergency-admin') as ExportedPrincipal;
    expect(principal.denied).toEqual([]);
    const grant = principal.grants.find((candidate) => candidate.action === 'bedrock:PutModelInvocationLoggingConfiguration');
    expect(grant?.isConditional).toBe(false);
    expect(grant?.decided.map((decided) => decided.sentence)).toEqual(['aws:PrincipalARN matches arn:aws:iam::*:role/emergency-*']);
    // Actions the SCP does not name carry no decision.
    expect(principal.grants.find((candidate) => candidate.action === 'bedrock:InvokeModel')?.decided).toEqual([]);
  });

  it('gives each grant of one statement its own conditional flag and conditions', () => {
    const principal = exported.get('ml-runner') as ExportedPrincipal;
    const invoke = principal.grants.find((grant) => grant.action === 'bedrock:InvokeModel');
    const read = principal.grants.find((grant) => grant.action === 'bedrock:GetFoundationModel');
    expect(invoke?.path.statementId).toBe('TeamInvoke');
    expect(read?.path.statementId).toBe('TeamInvoke');
    expect([invoke?.isConditional, invoke?.conditions.length]).toEqual([true, 1]);
    expect([read?.isConditional, read?.conditions]).toEqual([false, []]);
    expect(read?.decided.map((decided) => decided.sentence)).toEqual(['aws:PrincipalTag/team is ml']);
  });
});
