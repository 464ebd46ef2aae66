import { describe, expect, it } from 'vitest';
import { arnLabel } from './arn-label';

describe('arnLabel', () => {
  it('names a role by its last path segment, with its account', () => {
    expect(arnLabel('arn:aws:iam::210987654321:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PowerUserAccess_0a40196eaff7f5cb')).toEqual({
      name: 'AWSReservedSSO_PowerUserAccess_0a40196eaff7f5cb',
      accountId: '210987654321',
    });
    expect(arnLabel('arn:aws:iam::210987654321:user/automation/terraform-org-bootstrap')).toEqual({ name: 'terraform-org-bootstrap', accountId: '210987654321' });
  });

  it('reads an assumed-role session and the account root', () => {
    expect(arnLabel('arn:aws:sts::210987654321:assumed-role/deploy/session-1')).toEqual({ name: 'session-1', accountId: '210987654321' });
    expect(arnLabel('arn:aws:iam::210987654321:root')).toEqual({ name: 'account root', accountId: '210987654321' });
    expect(arnLabel('arn:aws-us-gov:iam::210987654321:role/x')).toEqual({ name: 'x', accountId: '210987654321' });
  });

  it('leaves anything else as it is', () => {
    expect(arnLabel('*')).toEqual({ name: '*', accountId: null });
    expect(arnLabel('lambda.amazonaws.com')).toEqual({ name: 'lambda.amazonaws.com', accountId: null });
  });
});
