import { describe, expect, it } from 'vitest';
import { canReportScriptFailure, describeScriptFailure } from './script-failure';

describe('describeScriptFailure', () => {
  it('reads the AWS CLI error line (an SCP explicit deny, as IAM words it)', () => {
    const output =
      'An error occurred (AccessDenied) when calling the DeleteRolePolicy operation: User: arn:aws:sts::427381920374:assumed-role/PlatformAdmin/dana is not authorized to perform: iam:DeleteRolePolicy on resource: role ml-batch-scoring with an explicit deny in a service control policy';
    expect(describeScriptFailure(`+ aws iam delete-role-policy ...\n${output}\n`)).toEqual({
      code: 'AccessDenied',
      operation: 'DeleteRolePolicy',
      summary: 'The AWS CLI script failed at DeleteRolePolicy: AccessDenied — User: arn:aws:sts::427381920374:assumed-role/PlatformAdmin/dana is not authorized to perform: iam:DeleteRolePolicy on resource: role ml-batch-scoring with an explicit deny in a service control policy',
    });
  });

  it('reads NoSuchEntity and retried errors', () => {
    expect(describeScriptFailure('An error occurred (NoSuchEntity) when calling the DetachUserPolicy operation: Policy arn:aws:iam::aws:policy/AmazonBedrockFullAccess was not found.')).toMatchObject({ code: 'NoSuchEntity', operation: 'DetachUserPolicy' });
    expect(describeScriptFailure('An error occurred (Throttling) when calling the PutRolePolicy operation (reached max retries: 2): Rate exceeded')).toMatchObject({ code: 'Throttling', operation: 'PutRolePolicy' });
  });

  it('keeps any other output as pasted', () => {
    expect(describeScriptFailure('  Unable to locate credentials. You can configure credentials by running "aws configure".  ')).toEqual({ code: null, operation: null, summary: 'The AWS CLI script failed: Unable to locate credentials. You can configure credentials by running "aws configure".' });
  });
});

describe('canReportScriptFailure', () => {
  it('only for an offline script awaiting confirmation', () => {
    expect(canReportScriptFailure({ status: 'awaiting-confirmation', mode: 'offline' })).toBe(true);
    expect(canReportScriptFailure({ status: 'awaiting-confirmation', mode: 'live' })).toBe(false);
    expect(canReportScriptFailure({ status: 'verified', mode: 'offline' })).toBe(false);
    expect(canReportScriptFailure({ status: 'approved', mode: 'offline' })).toBe(false);
  });
});
