import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client';
import { revocations } from '../../../db/schema';
import { parseAppConfig } from '../../../lib/config/schema';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import { DEMO_ORGANIZATION, importDemoOrganization } from '../../pipeline/test-support/import-demo';
import { startLocalAws, type LocalAwsHandle } from '../../local-aws/start-local-aws';
import { createIdentityCenterRemediationClients } from '../identity-center-clients';
import { processPendingRevocations } from '../process-pending';

const MANAGEMENT = '318274650192';
const REMEDIATION_ROLE = 'security/BedrockAccessReviewReadOnly';
const config = parseAppConfig({ revocations: { remediationRoleName: REMEDIATION_ROLE } });
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

/** The clock every step of a remediation lifecycle test runs at. */
export const NOW = new Date('2030-02-01T10:00:00Z');

export interface DemoRemediation {
  /** The local AWS endpoint serving the demo organisation; stop it after the tests. */
  aws: LocalAwsHandle;
  database: AppDatabase;
  /** The offline scan of the demo organisation. */
  scanId: number;
}

/**
 * The demo organisation served by a local AWS endpoint and scanned offline into a new test
 * database: where a revocation can be requested, approved, executed by the worker against the
 * endpoint, verified and rolled back.
 */
export async function startDemoRemediation(): Promise<DemoRemediation> {
  const aws = await startLocalAws({ dataDir: DEMO_ORGANIZATION, port: 0, baseIdentityArn: `arn:aws:iam::${MANAGEMENT}:role/access-review-scanner` });
  return { aws, ...(await importDemoOrganization()) };
}

/** One pass of the revocation worker, reaching Identity Center through the remediation role on the local endpoint. */
export function runRemediationWorker(database: AppDatabase, aws: LocalAwsHandle) {
  const clients = () => createIdentityCenterRemediationClients({ accountId: MANAGEMENT, region: 'us-east-1', remediationRoleName: REMEDIATION_ROLE, endpoint: aws.url, credentials });
  return processPendingRevocations(database, config, { createIdentityCenterClients: clients, identityCenterPollIntervalMs: 5, evaluate: testEvaluate, now: () => NOW });
}

export function readRevocationRow(database: AppDatabase, id: number) {
  return database.select().from(revocations).where(eq(revocations.id, id)).get();
}
