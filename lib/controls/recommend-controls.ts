import type { Environment } from '../analysis/types';
import type { AccountControls } from './types';

export interface ControlRecommendation {
  kind: 'organization-guardrail' | 'account-guardrail' | 'invocation-logging' | 'region-restriction';
  title: string;
  /** Where to apply it, in words: the OU or account to attach to, or the account and region to run in. */
  where: string;
  /** The exact document or request body, pretty-printed JSON. */
  policy: string;
  /** The AWS CLI call that applies it. */
  command: string;
}

export interface RecommendControlsInput {
  account: AccountControls;
  accountName: string;
  environment: Environment;
  /** The account's direct parent (OU or root), where an organisation policy is attached. */
  parent: { id: string; name: string } | null;
  managementAccountId: string | null;
  /** Organisation guardrails in use elsewhere, by region (guardrail ARN and version). */
  organizationGuardrails: Map<string, { guardrailArn: string; version: string }>;
  /** A logging destination in use elsewhere in the organisation, to log to the same place. */
  loggingBucket: string | null;
  /** Regions invoke is left in elsewhere (the organisation's approved regions), if any SCP restricts them. */
  approvedRegions: string[] | null;
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * The missing controls of one account and the exact policy to apply for each (issue #20):
 * a `BEDROCK_POLICY` naming the organisation's existing guardrail for regions without an enforced
 * guardrail, a model invocation logging configuration where logging is off, and an SCP restricting
 * Bedrock to the approved regions where none applies. Unknown cells get no recommendation: what
 * could not be read is not called missing. Pure.
 */
export function recommendControls(input: RecommendControlsInput): ControlRecommendation[] {
  const { account } = input;
  const recommendations: ControlRecommendation[] = [];
  const unguarded = account.regions.filter((cell) => cell.guardrail.enforced === 'none');
  const withOrganizationGuardrail = unguarded.filter((cell) => input.organizationGuardrails.has(cell.region));
  if (withOrganizationGuardrail.length > 0) {
    const regions = Object.fromEntries(
      withOrganizationGuardrail.map((cell) => {
        const guardrail = input.organizationGuardrails.get(cell.region);
        return [cell.region, { enforced_guardrail: { identifier: { '@@assign': `${guardrail?.guardrailArn}:${guardrail?.version}` }, selective_content_guarding: { system: { '@@assign': 'selective' }, messages: { '@@assign': 'comprehensive' } } } }];
      }),
    );
    const document = { bedrock: { guardrail_inference: regions } };
    const target = input.parent && input.environment === 'prod' ? input.parent : { id: account.accountId, name: input.accountName };
    recommendations.push({
      kind: 'organization-guardrail',
      title: `Enforce the organisation guardrail in ${withOrganizationGuardrail.map((cell) => cell.region).join(', ')}`,
      where: `Organizations management account ${input.managementAccountId ?? ''}: create this Bedrock policy and attach it to ${target.name} (${target.id})`.replace('  ', ' '),
      policy: pretty(document),
      command: `aws organizations create-policy --type BEDROCK_POLICY --name enforce-guardrail-${account.accountId} --content file://bedrock-policy.json && aws organizations attach-policy --policy-id <new policy id> --target-id ${target.id}`,
    });
  }
  for (const cell of unguarded.filter((entry) => !input.organizationGuardrails.has(entry.region))) {
    recommendations.push({
      kind: 'account-guardrail',
      title: `Enforce a guardrail on every model call in ${cell.region}`,
      where: `Account ${input.accountName} (${account.accountId}), region ${cell.region}: no organisation guardrail exists there; create a guardrail version first, then enforce it`,
      policy: pretty({ guardrailInferenceConfig: { guardrailIdentifier: `arn:aws:bedrock:${cell.region}:${account.accountId}:guardrail/<guardrail id>`, guardrailVersion: '1' } }),
      command: `aws bedrock put-enforced-guardrail-configuration --region ${cell.region} --cli-input-json file://enforced-guardrail.json`,
    });
  }
  const unlogged = account.regions.filter((cell) => cell.logging.state === 'off');
  for (const cell of unlogged) {
    const bucket = input.loggingBucket ?? `<bucket for Bedrock invocation logs>`;
    recommendations.push({
      kind: 'invocation-logging',
      title: `Log model invocations in ${cell.region}`,
      where: `Account ${input.accountName} (${account.accountId}), region ${cell.region}`,
      policy: pretty({ loggingConfig: { s3Config: { bucketName: bucket, keyPrefix: `bedrock/${account.accountId}` }, textDataDeliveryEnabled: true, imageDataDeliveryEnabled: true, embeddingDataDeliveryEnabled: true, videoDataDeliveryEnabled: true, audioDataDeliveryEnabled: true } }),
      command: `aws bedrock put-model-invocation-logging-configuration --region ${cell.region} --cli-input-json file://logging.json`,
    });
  }
  if (!account.scp.isManagementAccount && account.scp.approvedRegions === null && input.approvedRegions && input.approvedRegions.length > 0) {
    recommendations.push({
      kind: 'region-restriction',
      title: `Restrict Bedrock to the approved regions (${input.approvedRegions.join(', ')})`,
      where: `Organizations: attach this SCP to ${input.accountName} (${account.accountId})`,
      policy: pretty({
        Version: '2012-10-17',
        Statement: [{ Sid: 'BedrockInApprovedRegionsOnly', Effect: 'Deny', Action: ['bedrock:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': input.approvedRegions } } }],
      }),
      command: `aws organizations create-policy --type SERVICE_CONTROL_POLICY --name bedrock-approved-regions --content file://scp.json && aws organizations attach-policy --policy-id <new policy id> --target-id ${account.accountId}`,
    });
  }
  return recommendations;
}

/** An account of the posture as the page reads it (flat cells). */
export interface PostureAccount {
  accountId: string;
  accountName: string;
  environment: Environment;
  ouPath: Array<{ id: string; name: string }>;
  isManagementAccount: boolean;
  approvedRegions: string[] | null;
  cells: Array<{ region: string; guardrailEnforced: AccountControls['regions'][number]['guardrail']['enforced']; guardrailArn: string | null; guardrailVersion: string | null; loggingState: AccountControls['regions'][number]['logging']['state']; loggingDestinations: string[] }>;
}

/**
 * Recommendations for every account of a posture, with what the organisation already has as
 * the material: its enforced organisation guardrail per region, a logging bucket in use, and the
 * approved regions an SCP already enforces elsewhere.
 */
export function recommendForPosture(accounts: PostureAccount[]): Map<string, ControlRecommendation[]> {
  const organizationGuardrails = new Map<string, { guardrailArn: string; version: string }>();
  let loggingBucket: string | null = null;
  let approvedRegions: string[] | null = null;
  const managementAccountId = accounts.find((account) => account.isManagementAccount)?.accountId ?? null;
  for (const account of accounts) {
    if (approvedRegions === null && account.approvedRegions && account.approvedRegions.length > 0) approvedRegions = account.approvedRegions;
    for (const cell of account.cells) {
      if (cell.guardrailEnforced === 'organization' && cell.guardrailArn && cell.guardrailVersion && !organizationGuardrails.has(cell.region)) organizationGuardrails.set(cell.region, { guardrailArn: cell.guardrailArn, version: cell.guardrailVersion });
      const s3 = cell.loggingDestinations.find((destination) => destination.startsWith('s3://'));
      if (loggingBucket === null && s3) loggingBucket = s3.slice('s3://'.length).split('/')[0] ?? null;
    }
  }
  const result = new Map<string, ControlRecommendation[]>();
  for (const account of accounts) {
    const controls: AccountControls = {
      accountId: account.accountId,
      regions: account.cells.map((cell) => ({
        accountId: account.accountId,
        region: cell.region,
        guardrail: { enforced: cell.guardrailEnforced, guardrailArn: cell.guardrailArn, version: cell.guardrailVersion, name: null, filters: [], source: null, isShareable: null, note: null },
        logging: { state: cell.loggingState, destinations: cell.loggingDestinations, dataTypes: [], note: null },
      })),
      scp: { isManagementAccount: account.isManagementAccount, approvedRegions: account.approvedRegions, modelAllowList: null, deniedTiers: [], policyNames: [] },
    };
    const parent = account.ouPath.at(-1) ?? null;
    result.set(account.accountId, recommendControls({ account: controls, accountName: account.accountName, environment: account.environment, parent, managementAccountId, organizationGuardrails, loggingBucket, approvedRegions }));
  }
  return result;
}
