import type { RawControlsFile, RawEffectivePolicy, RawGuardrailDefinition, RawGuardrailRecord, RawRegionControls } from '../../lib/controls/raw-controls';
import type { OrganizationFile } from '../../scanners/raw-types';
import type { OrganizationPlan, PlannedAccount } from './organization-plan';

/**
 * The demo organisation's Bedrock controls, a realistic mix (issue #20):
 * - an organisation `BEDROCK_POLICY` on the Prod and Shared-ML OUs enforces the management
 *   account's guardrail `northwind-prod-safety` (version 3) in the three approved regions, and the
 *   guardrail's resource policy lets the organisation apply it;
 * - staging enforces its own account-level guardrail in us-east-1 only;
 * - invocation logging is on almost everywhere, but not in the production account prod-genai-apps;
 * - the hackathon sandbox has neither a guardrail nor logging;
 * - shared-ml-data's read-only role may not read the logging configuration in eu-west-1 (unknown).
 */

export const DEMO_CONTROL_REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'] as const;

const CREATED = '2026-03-02T09:15:00+00:00';
const UPDATED = '2026-09-14T16:40:00+00:00';
const ORGANIZATION_GUARDRAIL_ID = 'nwprodsafety1';
const ORGANIZATION_GUARDRAIL_VERSION = '3';
const STAGING_GUARDRAIL_ID = 'nwstagingpii7';

function guardrailArn(region: string, accountId: string, id: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:guardrail/${id}`;
}

function definition(arn: string, id: string, name: string, version: string, withTopics: boolean): RawGuardrailDefinition {
  return {
    name,
    guardrailId: id,
    guardrailArn: arn,
    version,
    status: 'READY',
    contentPolicy: {
      filters: [
        { type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
        { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
        { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
      ],
    },
    ...(withTopics ? { topicPolicy: { topics: [{ name: 'Investment advice', definition: 'Recommendations to buy or sell financial products.', examples: [], type: 'DENY' }] } } : {}),
    sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL', action: 'ANONYMIZE' }, { type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'BLOCK' }], regexes: [] },
    createdAt: CREATED,
    updatedAt: UPDATED,
    blockedInputMessaging: 'Sorry, this request is not allowed by Northwind policy.',
    blockedOutputsMessaging: 'Sorry, the answer was blocked by Northwind policy.',
  };
}

function record(region: string, accountId: string, id: string, name: string, versions: string[], resourcePolicy: RawGuardrailRecord['resourcePolicy']): RawGuardrailRecord {
  const arn = guardrailArn(region, accountId, id);
  const summary = (version: string) => ({ id, arn, status: 'READY', name, version, createdAt: CREATED, updatedAt: UPDATED });
  return {
    guardrailArn: arn,
    versions: { guardrails: ['DRAFT', ...versions].map(summary) },
    definitions: versions.map((version) => definition(arn, id, name, version, Number(version) >= 2)),
    resourcePolicy,
  };
}

function organizationResourcePolicy(arn: string, organizationId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'LetTheOrganizationApplyIt',
        Effect: 'Allow',
        Principal: '*',
        Action: ['bedrock:ApplyGuardrail', 'bedrock:GetGuardrail'],
        Resource: arn,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      },
    ],
  });
}

const LOGGING_ON = (account: PlannedAccount, logArchiveBucket: string) => ({
  loggingConfig: {
    cloudWatchConfig: { logGroupName: '/aws/bedrock/model-invocations', roleArn: `arn:aws:iam::${account.id}:role/service-role/BedrockInvocationLogging` },
    s3Config: { bucketName: logArchiveBucket, keyPrefix: `bedrock/${account.id}` },
    textDataDeliveryEnabled: true,
    imageDataDeliveryEnabled: true,
    embeddingDataDeliveryEnabled: false,
    videoDataDeliveryEnabled: false,
    audioDataDeliveryEnabled: false,
  },
});

function hasNoLogging(account: PlannedAccount): boolean {
  return account.name === 'prod-genai-apps' || account.name === 'sandbox-hackathon';
}

function isUnderOrganizationGuardrail(account: PlannedAccount): boolean {
  return account.kind === 'prod' || account.kind === 'shared-ml';
}

/** The organisation's Bedrock policy document (`@@assign` per region, as in the Organizations guide). */
export function demoBedrockPolicyContent(plan: OrganizationPlan): string {
  const regions = Object.fromEntries(
    DEMO_CONTROL_REGIONS.map((region) => [
      region,
      {
        prod_safety: {
          identifier: { '@@assign': `${guardrailArn(region, plan.managementAccountId, ORGANIZATION_GUARDRAIL_ID)}:${ORGANIZATION_GUARDRAIL_VERSION}` },
          selective_content_guarding: { system: { '@@assign': 'selective' }, messages: { '@@assign': 'comprehensive' } },
        },
      },
    ]),
  );
  return JSON.stringify({ bedrock: { guardrail_inference: regions } });
}

/** The `BEDROCK_POLICY` and every account's effective Bedrock policy, for organization.json. */
export function demoBedrockPolicies(plan: OrganizationPlan): { policies: OrganizationFile['policies']; effectivePolicies: RawEffectivePolicy[] } {
  const content = demoBedrockPolicyContent(plan);
  const targets = [...new Set(plan.accounts.filter(isUnderOrganizationGuardrail).map((account) => account.parentId))].sort();
  return {
    policies: [{ id: 'p-nw01bdrkgrd1', name: 'EnforceProductionGuardrail', type: 'BEDROCK_POLICY', content, targetIds: targets }],
    effectivePolicies: plan.accounts.map((account) => ({ targetId: account.id, policyType: 'BEDROCK_POLICY', content: isUnderOrganizationGuardrail(account) ? content : null })),
  };
}

/** `controls/<accountId>.json` of one demo account, as `scripts/export-controls.sh` would write it. */
export function demoControlsFile(plan: OrganizationPlan, account: PlannedAccount): RawControlsFile {
  const logArchive = plan.accounts.find((candidate) => candidate.kind === 'log-archive');
  const bucket = `northwind-bedrock-invocation-logs-${logArchive?.id ?? plan.managementAccountId}`;
  const regions: Record<string, RawRegionControls> = {};
  for (const region of DEMO_CONTROL_REGIONS) {
    const guardrailRecords: RawGuardrailRecord[] = [];
    const enforced: RawRegionControls['enforcedGuardrails'] = { guardrailsConfig: [] };
    if (account.id === plan.managementAccountId) {
      const arn = guardrailArn(region, account.id, ORGANIZATION_GUARDRAIL_ID);
      guardrailRecords.push(record(region, account.id, ORGANIZATION_GUARDRAIL_ID, 'northwind-prod-safety', ['1', '2', '3'], { resourcePolicy: organizationResourcePolicy(arn, plan.organizationId) }));
    }
    if (account.kind === 'nonprod' && account.name.startsWith('staging') && region === 'us-east-1') {
      const arn = guardrailArn(region, account.id, STAGING_GUARDRAIL_ID);
      guardrailRecords.push(record(region, account.id, STAGING_GUARDRAIL_ID, 'staging-pii-filter', ['1'], {}));
      enforced.guardrailsConfig.push({ configId: 'cfg-staging-pii', guardrailArn: arn, guardrailId: STAGING_GUARDRAIL_ID, guardrailVersion: '1', selectiveContentGuarding: { system: 'SELECTIVE', messages: 'COMPREHENSIVE' }, createdAt: CREATED, createdBy: `arn:aws:sts::${account.id}:assumed-role/platform-admin/maya`, updatedAt: UPDATED, updatedBy: `arn:aws:sts::${account.id}:assumed-role/platform-admin/maya`, owner: 'ACCOUNT' });
    }
    const loggingDenied = account.name === 'shared-ml-data' && region === 'eu-west-1';
    regions[region] = {
      modelInvocationLogging: loggingDenied
        ? { error: { code: 'AccessDeniedException', message: `User: arn:aws:sts::${account.id}:assumed-role/BedrockAccessReviewReadOnly/bedrock-access-review is not authorized to perform: bedrock:GetModelInvocationLoggingConfiguration because no identity-based policy allows the bedrock:GetModelInvocationLoggingConfiguration action` } }
        : hasNoLogging(account)
          ? {}
          : LOGGING_ON(account, bucket),
      enforcedGuardrails: enforced,
      guardrails: { guardrails: guardrailRecords.map((entry) => ('error' in entry.versions ? [] : entry.versions.guardrails.filter((summary) => summary.version === 'DRAFT'))).flat() },
      guardrailRecords,
    };
  }
  return { accountId: account.id, regions };
}
