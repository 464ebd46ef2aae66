/**
 * Playwright's web servers. Refuses anything but a local file database.
 *
 * Default (`--port 3100`): a fresh database with the demo organisation imported offline, then the
 * production build on the port. No worker runs: page specs rely on queued scans staying queued.
 *
 * `--live` (the journeys, `--port 3101`): an isolated environment where revocations really run.
 * The local AWS endpoint (IAM, STS, Organizations wire protocols, with IAM mutations) starts in
 * this process from demo/org; the database is prepared by a live scan through it, so its accounts
 * are `source = 'live'`; then `next start` and the worker run with the same environment, so
 * execution goes worker -> STS AssumeRole -> IAM calls on the endpoint, and the worker's follow-up
 * scans read the changed IAM back. SIGTERM stops all of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RawRoleDetail } from '../scanners/raw-types';
import { loadOrganizationData, type LocalOrganizationData } from '../scanners/local-aws/organization-data';
import { applyToProcessEnvironment, localAwsSdkEnvironment } from '../scanners/local-aws/sdk-environment';
import { startLocalAws, type LocalAwsHandle } from '../scanners/local-aws/start-local-aws';
import { parseAppConfig, type LiveScanConfig } from '../lib/config/schema';
import type { ScanSource } from '../scanners/pipeline/run-scan';
import { DEMO_ORGANIZATION_DIRECTORY, prepareDemoDatabase } from './prepare-database';

const portIndex = process.argv.indexOf('--port');
const port = portIndex >= 0 ? process.argv[portIndex + 1] : '3100';
const isLive = process.argv.includes('--live');
// One database per port, so two suites (e.g. on 3100 and 3200) can run side by side.
const databasePath = path.join(process.cwd(), 'data', port === '3100' ? 'e2e.db' : `e2e-${port}.db`);
const binary = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

/** The scanner identity demo/org's read-only roles trust (see scanners/local-aws/README.md). */
const SCANNER_ARN = 'arn:aws:iam::318274650192:role/access-review-scanner';
/** Created in every account of the endpoint: revocations must not borrow the scanner's read-only role. */
const REMEDIATION_ROLE_PATH = '/security/';
const REMEDIATION_ROLE_NAME = 'BedrockAccessReviewRemediation';

/**
 * demo/org has no remediation role (an offline import never needs one). Each account gets
 * `security/BedrockAccessReviewRemediation`, trusted by the scanner identity the base credentials
 * stand for, with the IAM write actions a revocation and its rollback use. The endpoint does not
 * enforce permissions, but the role must exist and trust the caller for AssumeRole to succeed, as
 * in AWS. It grants no Bedrock action, so it changes no dashboard figure.
 */
function withRemediationRoles(data: LocalOrganizationData): LocalOrganizationData {
  for (const [accountId, account] of Object.entries(data.accounts)) {
    const role: RawRoleDetail = {
      Path: REMEDIATION_ROLE_PATH,
      RoleName: REMEDIATION_ROLE_NAME,
      RoleId: `AROAREMEDIATION${accountId}`.slice(0, 21),
      Arn: `arn:aws:iam::${accountId}:role${REMEDIATION_ROLE_PATH}${REMEDIATION_ROLE_NAME}`,
      CreateDate: '2026-09-01T06:13:55+00:00',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: SCANNER_ARN }, Action: 'sts:AssumeRole' }] },
      InstanceProfileList: [],
      RolePolicyList: [
        {
          PolicyName: 'revoke-and-roll-back',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['iam:Get*', 'iam:List*', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy', 'iam:DetachUserPolicy', 'iam:DetachRolePolicy', 'iam:PutUserPolicy', 'iam:PutRolePolicy', 'iam:DeleteUserPolicy', 'iam:DeleteRolePolicy', 'iam:AddUserToGroup', 'iam:RemoveUserFromGroup'],
                Resource: '*',
              },
            ],
          },
        },
      ],
      AttachedManagedPolicies: [],
      Tags: [{ Key: 'purpose', Value: 'bedrock-access-review' }],
    };
    account.details.RoleDetailList.push(role);
  }
  return data;
}

/** The configuration of the live environment, written beside its database (data/ is gitignored). */
function writeLiveConfig(): { configPath: string; live: LiveScanConfig } {
  const configPath = path.join(process.cwd(), 'data', `e2e-${port}.config.json`);
  const config = {
    // No schedule: the journey decides when scans run (the worker's follow-up scans after revocations).
    scan: {
      schedule: null,
      live: {
        managementAccountId: '210987654321',
        readOnlyRoleName: 'security/BedrockAccessReviewReadOnly',
        regions: ['us-east-1'],
        skipAccountIds: [],
        concurrency: 4,
        maxAttempts: 8,
        // Identity Center (#14) in the organisation's management account, as the endpoint serves it: the assignment journey revokes there.
        identityCenter: { region: 'us-east-1', accountId: '318274650192' },
        usage: { enabled: true },
      },
      offlineDirectory: null,
    },
    campaigns: { fallbackReviewers: ['admin@example.com'], reminderDaysBeforeDue: 3, microCertificationDueInDays: 7 },
    // Four-eyes stays on, as in production: the owner requests (a revoke decision), an admin approves.
    revocations: { requireFourEyes: true, remediationRoleName: `security/${REMEDIATION_ROLE_NAME}` },
  };
  fs.mkdirSync(path.dirname(configPath), { recursive: true });
  fs.writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const live = parseAppConfig(config, configPath).scan.live;
  if (!live) throw new Error('The live configuration has no scan.live.');
  return { configPath, live };
}

async function main(): Promise<void> {
  let aws: LocalAwsHandle | null = null;
  let source: ScanSource | undefined;
  let environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DEMO_MODE: 'true',
    DATABASE_URL: databasePath,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-000000000000',
    BAR_CONFIG: path.join(process.cwd(), 'e2e', 'support', 'e2e.config.json'),
  };
  if (isLive) {
    aws = await startLocalAws({ data: withRemediationRoles(loadOrganizationData(DEMO_ORGANIZATION_DIRECTORY)), port: 0, baseIdentityArn: SCANNER_ARN });
    const { configPath, live } = writeLiveConfig();
    source = { kind: 'live', config: live };
    // The scan below, the worker and the web server all reach only this endpoint.
    environment = { ...environment, BAR_CONFIG: configPath, ...localAwsSdkEnvironment(aws.url) };
    // This process runs the preparation scan: it reads BAR_CONFIG and the AWS variables itself.
    applyToProcessEnvironment(environment);
    console.log(`Local AWS endpoint on ${aws.url}.`);
  }

  const database = await prepareDemoDatabase(databasePath, { isFresh: true, source });
  database.$client.close();

  // NEXT_DIST_DIR (if set) passes through with the environment: next.config.ts reads it, so
  // `next start` serves the build made into that folder. The suite runs the production server as
  // `npm start` does: two web workers behind one port, so requests really spread over processes.
  const children: ChildProcess[] = [spawn(binary('tsx'), ['scripts/serve.ts', '-p', port, '--workers', '2'], { stdio: 'inherit', env: environment })];
  if (isLive) children.push(spawn(binary('tsx'), ['scanners/cli.ts', 'worker'], { stdio: 'inherit', env: environment }));

  let isStopping = false;
  const stop = (exitCode: number) => {
    if (isStopping) return;
    isStopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const stopped = Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)))));
    // The endpoint stops last: the worker may be in the middle of an IAM call when asked to stop.
    void stopped.then(async () => {
      await aws?.stop();
      process.exit(exitCode);
    });
    // A child that ignores SIGTERM must not keep the suite waiting.
    setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
      process.exit(exitCode);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  // Either child ending on its own is a failure of the environment: stop the other one too.
  for (const child of children) child.on('exit', (code) => stop(isStopping ? 0 : code || 1));
}

main().catch((error: unknown) => {
  console.error(`e2e server failed to start: ${(error as Error).message}`);
  process.exit(1);
});
