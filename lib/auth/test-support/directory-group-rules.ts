import type { AuthConfig } from '../../config/schema';

type RoleRules = NonNullable<AuthConfig['roleMapping']>['rules'];

/**
 * The test directory's groups and the app role each maps to, shared by the sign-in unit tests and
 * the `oidc` e2e server (scripts/oidc-e2e-server.ts), whose directory accounts carry these groups.
 */
export const DIRECTORY_GROUP_RULES: RoleRules = [
  { value: 'bar-admins', role: 'admin' },
  { value: 'bar-auditors', role: 'auditor' },
  { value: 'bar-owners', role: 'owner' },
];
