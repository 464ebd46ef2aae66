/** Tests only: a local AWS endpoint the AWS SDK of the test process talks to. */
import { afterAll, beforeAll } from 'vitest';
import { applyToProcessEnvironment, localAwsSdkEnvironment } from '../sdk-environment';
import { startLocalAws, type LocalAwsHandle, type LocalAwsOptions } from '../start-local-aws';

/** The scanner's own identity in the demo organisation: a role of the security account. */
export const SCANNER_IDENTITY_ARN = 'arn:aws:iam::318274650192:role/access-review-scanner';

/** The demo organisation scanned live: the read-only role the scanner assumes in every account. */
export const DEMO_LIVE_CONFIG = { managementAccountId: '210987654321', readOnlyRoleName: 'security/BedrockAccessReviewReadOnly', regions: ['us-east-1'], skipAccountIds: [] as string[], concurrency: 4, maxAttempts: 8 };

/**
 * For the tests of the calling file or describe block: before them, serves `options()` on a local
 * AWS endpoint as the scanner's identity and points the SDK's endpoint variables at it; after them,
 * stops it and restores the environment. `options` is read when the endpoint starts, so a
 * `beforeAll` registered earlier can prepare its files. Returns the running endpoint.
 */
export function serveLocalAwsToSdk(options: () => LocalAwsOptions): () => LocalAwsHandle {
  let aws: LocalAwsHandle | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    aws = await startLocalAws({ port: 0, baseIdentityArn: SCANNER_IDENTITY_ARN, ...options() });
    applyToProcessEnvironment(localAwsSdkEnvironment(aws.url));
  });
  afterAll(async () => {
    await aws?.stop();
    process.env = saved;
  });
  return () => {
    if (!aws) throw new Error('The local AWS endpoint is not running: call it from a test.');
    return aws;
  };
}
