import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLive } from './collect-live';
import { collectOffline } from './collect-offline';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../local-aws/test-support/serve-to-sdk';

const DEMO = path.join(process.cwd(), 'demo', 'org');
const CAPTURED = new Date('2026-12-01T00:00:00Z');
const live = { ...DEMO_LIVE_CONFIG, regions: ['us-east-1', 'us-west-2', 'eu-west-1'], maxAttempts: 3, roleSessionName: 'bedrock-access-review' };

describe('Bedrock controls: live through the local endpoint vs the offline import', () => {
  const aws = serveLocalAwsToSdk(() => ({ dataDir: DEMO }));

  it('reads exactly the controls the offline files hold, cell by cell', async () => {
    const offline = await collectOffline(DEMO, CAPTURED);
    const scanned = await collectLive(live, CAPTURED, () => undefined);
    expect(offline.snapshot.controls?.length).toBe(11 * 3);
    expect(scanned.snapshot.controls).toEqual(offline.snapshot.controls);
    const bedrockCalls = new Set(aws().callLog.filter((entry) => entry.service === 'bedrock').map((entry) => entry.action.replace(/\/guardrails\/[^ ]+$/, '/guardrails/{id}').replace(/\/resource-policy\/.+$/, '/resource-policy/{arn}')));
    expect([...bedrockCalls].sort()).toEqual(['GET /enforcedGuardrailsConfiguration', 'GET /guardrails', 'GET /guardrails/{id}', 'GET /logging/modelinvocations', 'GET /resource-policy/{arn}']);
    expect(aws().callLog.some((entry) => entry.action === 'DescribeEffectivePolicy')).toBe(true);
  });

  it('records a refused read as unknown, never as off or none', async () => {
    const scanned = await collectLive(live, CAPTURED, () => undefined);
    const denied = scanned.snapshot.controls?.find((cell) => cell.accountId === '307142958673' && cell.region === 'eu-west-1');
    expect(denied?.logging.state).toBe('unknown');
    expect(denied?.logging.note).toMatch(/AccessDeniedException/);

    aws().setFaults({ failCallNumber: { action: 'DescribeEffectivePolicy', nth: 1, error: 'AccessDenied' } });
    const faulted = await collectLive(live, CAPTURED, () => undefined);
    aws().setFaults({});
    const unknownOrganization = faulted.snapshot.controls?.filter((cell) => cell.guardrail.enforced === 'unknown') ?? [];
    // The first account asked (sorted ids: 185920374618, the hackathon sandbox) had its answer refused.
    expect(unknownOrganization.map((cell) => cell.accountId)).toEqual(['185920374618', '185920374618', '185920374618']);
    expect(unknownOrganization[0].guardrail.note).toMatch(/DescribeEffectivePolicy: AccessDeniedException/);
  });
});
