import type { EntitlementPath } from '../../lib/analysis/entitlements';
import { entitlements } from '../schema';

/** The columns of `entitlements` that hold its grant path (the engine's EntitlementPath), for selects that return one. */
export const entitlementPathColumns = {
  policyKind: entitlements.policyKind,
  policyArn: entitlements.policyArn,
  policyName: entitlements.policyName,
  isAwsManaged: entitlements.isAwsManaged,
  attachedVia: entitlements.attachedVia,
  groupName: entitlements.groupName,
} satisfies Record<keyof EntitlementPath, unknown>;
