import { describe, expect, it } from 'vitest';
import { parseAppConfig } from './schema';

describe('configuration schema', () => {
  it('gives defaults for an empty file', () => {
    const config = parseAppConfig({});
    expect(config.scan.schedule).toBe('0 */6 * * *');
    expect(config.revocations.remediationRoleName).toBe('BedrockAccessReviewRemediation');
  });

  it('names the offending field', () => {
    expect(() => parseAppConfig({ scan: { live: { managementAccountId: '123', readOnlyRoleName: 'R' } } })).toThrow(/scan\.live\.managementAccountId/);
    expect(() => parseAppConfig({ campaigns: { reminderDaysBeforeDue: -1 } })).toThrow(/campaigns\.reminderDaysBeforeDue/);
    expect(() => parseAppConfig({ unknownSection: true })).toThrow(/unknownSection|Unrecognized/);
  });
});
