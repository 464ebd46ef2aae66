import type { IdentityCenterDirectory } from '../types';

// Identity Center ids shaped as ListUsers / ListGroups / ListPermissionSets return them (UUIDs,
// instance and permission-set ARNs): shared by the people, assignment-item, micro-diff and
// Identity Center revocation tests.
export const INSTANCE = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';
export const DEVELOPER = 'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1a2b3c4d5e6f7a8b';
export const JANE = '94482488-3041-7026-18f0-fe1ea6c2a3b0';
export const RAJ = '14c8e4a8-b0d1-70ba-2c47-3d1a2b9e7f10';
export const DEVS = '34e8d4c8-f0f1-7013-9a3b-6f2c1d0e9a8b';
export const ML = 'c4a8b4d8-7051-70d4-5e6f-1a2b3c4d5e6f';
export const PROD = '111122223333';
export const DEV = '444455556666';

/** A permission set with nothing attached (what grants access is the provisioned role's policies). */
export const permissionSet = (arn: string, name: string): IdentityCenterDirectory['permissionSets'][number] => ({ arn, name, description: null, sessionDuration: 'PT8H', inlinePolicy: null, managedPolicies: [], customerManagedPolicies: [], permissionsBoundary: null });

/** Jane Doe and Raj Kumar as the identity store lists them. */
export const PEOPLE: IdentityCenterDirectory['users'] = [
  { userId: JANE, userName: 'jane.doe@example.com', displayName: 'Jane Doe', email: 'jane.doe@example.com', externalId: null },
  { userId: RAJ, userName: 'raj.kumar@example.com', displayName: 'Raj Kumar', email: 'raj.kumar@example.com', externalId: null },
];

/** The Developers and ML-Engineers groups. */
export const TEAMS: IdentityCenterDirectory['groups'] = [
  { groupId: DEVS, displayName: 'Developers', description: null },
  { groupId: ML, displayName: 'ML-Engineers', description: null },
];
