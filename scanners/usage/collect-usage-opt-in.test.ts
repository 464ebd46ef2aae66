import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { parseAppConfig } from '../../lib/config/schema';
import { collectUsageEvidence } from './collect-usage-evidence';

/** A live configuration pointing at a closed local port: any AWS call fails at once. */
function liveConfig(usage: unknown) {
  const config = parseAppConfig(
    {
      scan: {
        schedule: null,
        offlineDirectory: null,
        live: { managementAccountId: '210987654321', readOnlyRoleName: 'ReadOnly', regions: ['us-east-1'], maxAttempts: 1, ...(usage === undefined ? {} : { usage }) },
      },
    },
    'test.config.json',
  );
  if (!config.scan.live) throw new Error('no live configuration');
  return config.scan.live;
}

describe('live usage collection is opt-in', () => {
  it('is off by default: no AWS call, no usage import, a progress note', async () => {
    const database = createTestDatabase();
    const messages: string[] = [];
    const problems = await collectUsageEvidence(database, 1, { kind: 'live', config: liveConfig(undefined) }, { accountIds: ['210987654321'], principals: [], now: new Date('2026-12-01T00:00:00Z') }, (message) => messages.push(message));
    expect(problems).toEqual([]);
    expect(messages).toEqual(['Bedrock usage evidence not collected: scan.live.usage.enabled is off']);
    expect(database.$client.prepare('SELECT count(*) AS n FROM usage_imports').get()).toEqual({ n: 0 });
  });

  it('runs when `usage.enabled` is set (here it calls an AWS endpoint that is not there)', async () => {
    const previous = { sts: process.env.AWS_ENDPOINT_URL_STS, key: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9';
    process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    try {
      const database = createTestDatabase();
      // It goes to AWS (STS first), which is not there.
      await expect(collectUsageEvidence(database, 1, { kind: 'live', config: liveConfig({ enabled: true }) }, { accountIds: ['210987654321'], principals: [], now: new Date('2026-12-01T00:00:00Z') }, () => undefined)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      for (const [name, value] of [['AWS_ENDPOINT_URL_STS', previous.sts], ['AWS_ACCESS_KEY_ID', previous.key], ['AWS_SECRET_ACCESS_KEY', previous.secret]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, 60_000);

  it('refuses an unknown key in scan.live.usage', () => {
    expect(() => liveConfig({ enabled: true, bucket: 'x' })).toThrow();
  });
});
