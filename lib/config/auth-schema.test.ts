import { describe, expect, it } from 'vitest';
import { parseAppConfig } from './schema';

describe('configuration: auth section', () => {
  it('defaults to no proxy, verified emails only and no role mapping', () => {
    expect(parseAppConfig({}).auth).toEqual({ trustedProxyHops: 0, allowMissingEmailVerified: false, roleMapping: null });
  });

  it('defaults just-in-time provisioning to off and names a bad rule by its path', () => {
    const config = parseAppConfig({ auth: { roleMapping: { claim: 'groups', rules: [{ value: 'bar-admins', role: 'admin' }] } } });
    expect(config.auth.roleMapping?.justInTimeProvisioning).toBe(false);
    expect(() => parseAppConfig({ auth: { roleMapping: { claim: 'groups', rules: [{ value: 'x', role: 'root' }] } } })).toThrow(/auth\.roleMapping\.rules\.0\.role/);
    expect(() => parseAppConfig({ auth: { trustedProxyHops: -1 } })).toThrow(/auth\.trustedProxyHops/);
  });
});
