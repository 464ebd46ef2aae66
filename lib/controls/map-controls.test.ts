import { describe, expect, it } from 'vitest';
import { allowsApplyGuardrail, filtersOf, mapAccountControls, type MapAccountControlsInput } from './map-controls';
import { parseBedrockPolicy, splitGuardrailIdentifier } from './parse-bedrock-policy';
import type { RawControlsFile, RawRegionControls } from './raw-controls';

// The Organizations user guide's example Bedrock policy (orgs_manage_policies_bedrock_syntax).
const GUIDE_POLICY = {
  bedrock: {
    guardrail_inference: {
      'us-east-1': {
        config_1: {
          identifier: { '@@assign': 'arn:aws:bedrock:us-east-1:123456789012:guardrail/hu1dlsv9wy1d:1' },
          selective_content_guarding: { system: { '@@assign': 'selective' }, messages: { '@@assign': 'comprehensive' } },
        },
      },
    },
  },
};

// GetModelInvocationLoggingConfiguration as the SDK model shapes it (LoggingConfig).
const LOGGING_ON = {
  loggingConfig: {
    cloudWatchConfig: { logGroupName: '/aws/bedrock/invocations', roleArn: 'arn:aws:iam::123456789012:role/BedrockLogging', largeDataDeliveryS3Config: { bucketName: 'large-data' } },
    s3Config: { bucketName: 'bedrock-logs', keyPrefix: 'acct' },
    textDataDeliveryEnabled: true,
    imageDataDeliveryEnabled: false,
    embeddingDataDeliveryEnabled: true,
  },
};

const GUARDRAIL_ARN = 'arn:aws:bedrock:us-east-1:123456789012:guardrail/hu1dlsv9wy1d';

function region(overrides: Partial<RawRegionControls> = {}): RawRegionControls {
  return { modelInvocationLogging: {}, enforcedGuardrails: { guardrailsConfig: [] }, guardrails: { guardrails: [] }, guardrailRecords: [], ...overrides };
}

const managementControls: RawControlsFile = {
  accountId: '123456789012',
  regions: {
    'us-east-1': region({
      guardrailRecords: [
        {
          guardrailArn: GUARDRAIL_ARN,
          versions: { guardrails: [] },
          definitions: [
            {
              name: 'org-safety',
              guardrailId: 'hu1dlsv9wy1d',
              guardrailArn: GUARDRAIL_ARN,
              version: '1',
              status: 'READY',
              contentPolicy: { filters: [{ type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' }] },
              wordPolicy: { words: [], managedWordLists: [{ type: 'PROFANITY' }] },
              createdAt: '2026-01-01T00:00:00+00:00',
              updatedAt: '2026-01-01T00:00:00+00:00',
              blockedInputMessaging: 'no',
              blockedOutputsMessaging: 'no',
            },
          ],
          resourcePolicy: {
            resourcePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'bedrock:ApplyGuardrail', Resource: GUARDRAIL_ARN, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }] }),
          },
        },
      ],
    }),
  },
};

function input(overrides: Partial<MapAccountControlsInput>): MapAccountControlsInput {
  return { accountId: '111122223333', regions: ['us-east-1'], controls: { accountId: '111122223333', regions: { 'us-east-1': region() } }, effectivePolicy: { targetId: '111122223333', policyType: 'BEDROCK_POLICY', content: null }, managementControls, ...overrides };
}

describe('parseBedrockPolicy', () => {
  it('reads the guide example: guardrail ARN and version per region', () => {
    expect(parseBedrockPolicy(JSON.stringify(GUIDE_POLICY))).toEqual({ guardrails: [{ region: 'us-east-1', configName: 'config_1', guardrailArn: GUARDRAIL_ARN, version: '1' }], error: null });
  });
  it('reads effective policies that carry plain values instead of @@assign', () => {
    expect(parseBedrockPolicy({ bedrock: { guardrail_inference: { 'eu-west-1': { c: { identifier: `${GUARDRAIL_ARN}:DRAFT` } } } } }).guardrails[0]).toMatchObject({ region: 'eu-west-1', version: 'DRAFT' });
  });
  it('reports a document that is not JSON instead of reading it as no guardrail', () => {
    expect(parseBedrockPolicy('{not json').error).toMatch(/not JSON/);
  });
  it('splits identifiers with and without a version', () => {
    expect(splitGuardrailIdentifier(`${GUARDRAIL_ARN}:12`)).toEqual({ guardrailArn: GUARDRAIL_ARN, version: '12' });
    expect(splitGuardrailIdentifier(GUARDRAIL_ARN)).toEqual({ guardrailArn: GUARDRAIL_ARN, version: null });
  });
});

describe('mapAccountControls', () => {
  const cases: Array<{ name: string; given: Partial<MapAccountControlsInput>; then: { guardrail: string; logging: string } }> = [
    { name: 'nothing configured, every read answered', given: {}, then: { guardrail: 'none', logging: 'off' } },
    { name: 'organisation policy for the region', given: { effectivePolicy: { targetId: '111122223333', policyType: 'BEDROCK_POLICY', content: JSON.stringify(GUIDE_POLICY) } }, then: { guardrail: 'organization', logging: 'off' } },
    {
      name: 'organisation policy for another region only',
      given: { effectivePolicy: { targetId: '111122223333', policyType: 'BEDROCK_POLICY', content: JSON.stringify({ bedrock: { guardrail_inference: { 'eu-west-1': GUIDE_POLICY.bedrock.guardrail_inference['us-east-1'] } } }) } },
      then: { guardrail: 'none', logging: 'off' },
    },
    { name: 'DescribeEffectivePolicy refused', given: { effectivePolicy: { targetId: '111122223333', policyType: 'BEDROCK_POLICY', content: null, error: { code: 'AccessDeniedException', message: 'denied' } } }, then: { guardrail: 'unknown', logging: 'off' } },
    { name: 'effective policies never read', given: { effectivePolicy: undefined }, then: { guardrail: 'unknown', logging: 'off' } },
    {
      name: 'account-level enforcement and logging on',
      given: {
        controls: {
          accountId: '111122223333',
          regions: { 'us-east-1': region({ modelInvocationLogging: LOGGING_ON, enforcedGuardrails: { guardrailsConfig: [{ configId: 'cfg-1', guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc', guardrailVersion: '2', owner: 'ACCOUNT' }] } }) },
        },
      },
      then: { guardrail: 'account', logging: 'on' },
    },
    {
      name: 'ListEnforcedGuardrailsConfiguration and logging refused',
      given: { controls: { accountId: '111122223333', regions: { 'us-east-1': region({ modelInvocationLogging: { error: { code: 'AccessDeniedException', message: 'no' } }, enforcedGuardrails: { error: { code: 'AccessDeniedException', message: 'no' } } }) } } },
      then: { guardrail: 'unknown', logging: 'unknown' },
    },
    { name: 'no controls file for the account', given: { controls: null }, then: { guardrail: 'unknown', logging: 'unknown' } },
    { name: 'logging configured without any data type', given: { controls: { accountId: '111122223333', regions: { 'us-east-1': region({ modelInvocationLogging: { loggingConfig: { s3Config: { bucketName: 'b' } } } }) } } }, then: { guardrail: 'none', logging: 'off' } },
  ];
  for (const entry of cases) {
    it(entry.name, () => {
      const [cell] = mapAccountControls(input(entry.given));
      expect({ guardrail: cell.guardrail.enforced, logging: cell.logging.state }).toEqual(entry.then);
    });
  }

  it('names the organisation guardrail, its version, filters and whether members may apply it', () => {
    const [cell] = mapAccountControls(input({ effectivePolicy: { targetId: '111122223333', policyType: 'BEDROCK_POLICY', content: JSON.stringify(GUIDE_POLICY) } }));
    expect(cell.guardrail).toEqual({ enforced: 'organization', guardrailArn: GUARDRAIL_ARN, version: '1', name: 'org-safety', filters: ['content', 'word'], source: 'BEDROCK_POLICY config_1', isShareable: true, note: null });
  });

  it('lists logging destinations and data types', () => {
    const [cell] = mapAccountControls(input({ controls: { accountId: '111122223333', regions: { 'us-east-1': region({ modelInvocationLogging: LOGGING_ON }) } } }));
    expect(cell.logging).toEqual({ state: 'on', destinations: ['s3://bedrock-logs/acct', 'cloudwatch:/aws/bedrock/invocations'], dataTypes: ['text', 'embedding'], note: null });
  });
});

describe('guardrail helpers', () => {
  it('reads the filters a guardrail version holds', () => {
    expect(filtersOf({ name: 'g', guardrailId: 'g', guardrailArn: 'a', version: '1', status: 'READY', topicPolicy: { topics: [{}] }, sensitiveInformationPolicy: { regexes: [{}] }, createdAt: '', updatedAt: '', blockedInputMessaging: '', blockedOutputsMessaging: '' })).toEqual(['topic', 'sensitive-information']);
  });
  it('checks the resource policy lets the account apply the guardrail', () => {
    const policy = (statement: Record<string, unknown>) => ({ resourcePolicy: JSON.stringify({ Statement: [statement] }) });
    expect(allowsApplyGuardrail(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'bedrock:ApplyGuardrail' }), '111122223333')).toBe(true);
    expect(allowsApplyGuardrail(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'bedrock:ApplyGuardrail' }), '111122223333')).toBe(false);
    expect(allowsApplyGuardrail(policy({ Effect: 'Allow', Principal: '*', Action: 'bedrock:GetGuardrail' }), '111122223333')).toBe(false);
    expect(allowsApplyGuardrail({}, '111122223333')).toBe(false);
    expect(allowsApplyGuardrail({ error: { code: 'AccessDeniedException', message: 'no' } }, '111122223333')).toBeNull();
  });
});
