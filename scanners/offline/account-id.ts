import type { AuthorizationDetails } from '../raw-types';

// Any partition (aws, aws-cn, aws-us-gov); `aws` in the account slot marks AWS managed policies.
const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):/;

/**
 * The account ids named by the ARNs of users, groups, roles and customer managed policies,
 * sorted. An export of one account yields exactly one; the caller decides what zero or
 * several mean.
 */
export function collectAccountIds(details: AuthorizationDetails): string[] {
  const accountIds = new Set<string>();
  const add = (arn: string) => {
    const match = IAM_ARN.exec(arn);
    if (match) accountIds.add(match[1]);
  };
  for (const user of details.UserDetailList) add(user.Arn);
  for (const group of details.GroupDetailList) add(group.Arn);
  for (const role of details.RoleDetailList) add(role.Arn);
  for (const policy of details.Policies) add(policy.Arn);
  return [...accountIds].sort();
}
