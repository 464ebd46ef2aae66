/**
 * Random IAM policy documents for the `diverse` benchmark organisation: every statement drawn
 * on its own from real action names (bedrock, bedrock-agentcore, bedrock-mantle and a few
 * neighbours), real resource ARN shapes and real condition keys, so no two accounts share text.
 */
import type { SeededRandom } from '../random';
import type { DiverseOrganizationParameters } from './diverse-parameters';

type Statement = Record<string, unknown>;

const EXACT_ACTIONS = [
  'bedrock:InvokeModel',
  'bedrock:InvokeModelWithResponseStream',
  'bedrock:Converse',
  'bedrock:ConverseStream',
  'bedrock:GetFoundationModel',
  'bedrock:ListFoundationModels',
  'bedrock:CreateModelCustomizationJob',
  'bedrock:CreateProvisionedModelThroughput',
  'bedrock:CreateAgent',
  'bedrock:InvokeAgent',
  'bedrock:CreateGuardrail',
  'bedrock:DeleteGuardrail',
  'bedrock:ApplyGuardrail',
  'bedrock:CreateKnowledgeBase',
  'bedrock:Retrieve',
  'bedrock:RetrieveAndGenerate',
  'bedrock:PutModelInvocationLoggingConfiguration',
  'bedrock:DeleteModelInvocationLoggingConfiguration',
  'bedrock:CreateInferenceProfile',
  'bedrock:CallWithBearerToken',
  'bedrock-agentcore:CreateAgentRuntime',
  'bedrock-agentcore:InvokeGateway',
  'bedrock-agentcore:CreateMemory',
  'bedrock-agentcore:CreateGateway',
  'bedrock-mantle:CreateInference',
  'bedrock-mantle:GetModel',
  'bedrock-mantle:ListModels',
  'bedrock-mantle:CreateFineTuningJob',
  'bedrock-mantle:CallWithBearerToken',
  's3:GetObject',
  's3:PutObject',
  'logs:PutLogEvents',
  'kms:Decrypt',
];

const WILDCARD_ACTIONS = ['bedrock:*', 'bedrock:Invoke*', 'bedrock:Get*', 'bedrock:List*', 'bedrock:*Agent*', 'bedrock:Create*', 'bedrock-agentcore:*', 'bedrock-agentcore:Invoke*', 'bedrock-mantle:*', 'bedrock-mantle:Get*', 's3:*'];

const NOT_ACTIONS = [['bedrock:Create*', 'bedrock:Delete*'], ['iam:*', 'organizations:*'], ['bedrock:*Guardrail*', 'bedrock:*Logging*'], ['bedrock-mantle:*']];

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'];
const MODEL_IDS = [
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-sonnet-4-20250514-v1:0',
  'amazon.titan-embed-text-v2:0',
  'amazon.nova-pro-v1:0',
  'meta.llama3-1-70b-instruct-v1:0',
  'cohere.command-r-plus-v1:0',
];
const TEAMS = ['payments', 'search', 'support', 'risk', 'growth', 'data', 'platform', 'mlops', 'fraud', 'assist'];

function resourceFor(random: SeededRandom, accountId: string): string | string[] {
  const region = random.pick(REGIONS);
  switch (random.integer(0, 5)) {
    case 0:
      return '*';
    case 1:
      return random.sample(MODEL_IDS, random.integer(1, 3)).map((model) => `arn:aws:bedrock:${region}::foundation-model/${model}`);
    case 2:
      return `arn:aws:bedrock:*::foundation-model/${random.pick(['anthropic.*', 'amazon.*', 'meta.*', '*'])}`;
    case 3:
      return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${random.pick(['us', 'eu', 'apac'])}.${random.pick(MODEL_IDS)}`;
    case 4:
      return [`arn:aws:bedrock:${region}:${accountId}:application-inference-profile/*`, `arn:aws:bedrock:${region}::foundation-model/*`];
    default:
      return `arn:aws:bedrock:${region}:${accountId}:*`;
  }
}

function conditionFor(random: SeededRandom): Record<string, unknown> {
  switch (random.integer(0, 4)) {
    case 0:
      return { StringEquals: { 'aws:RequestedRegion': random.sample(REGIONS, random.integer(1, 2)) } };
    case 1:
      return { IpAddress: { 'aws:SourceIp': [`10.${random.integer(0, 255)}.0.0/16`, '192.0.2.0/24'] } };
    case 2:
      return { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    case 3:
      return { StringEquals: { 'aws:ResourceTag/team': random.pick(TEAMS) } };
    default:
      return { StringEquals: { 'aws:PrincipalTag/team': random.pick(TEAMS) } };
  }
}

function actionsFor(random: SeededRandom): string[] {
  const actions = new Set<string>();
  const count = random.integer(1, 5);
  for (let index = 0; index < count; index += 1) actions.add(random.chance(0.3) ? random.pick(WILDCARD_ACTIONS) : random.pick(EXACT_ACTIONS));
  return [...actions];
}

/** One statement drawn on its own: allow or deny, Action or NotAction, a resource shape and maybe a condition. */
export function randomStatement(random: SeededRandom, accountId: string, parameters: DiverseOrganizationParameters, sid: string): Statement {
  const isDeny = random.chance(parameters.denyRate);
  const statement: Statement = { Sid: sid, Effect: isDeny ? 'Deny' : 'Allow' };
  if (!isDeny && random.chance(parameters.notActionRate)) {
    statement.NotAction = random.pick(NOT_ACTIONS);
    statement.Resource = '*';
  } else {
    const actions = actionsFor(random);
    statement.Action = actions.length === 1 ? actions[0] : actions;
    statement.Resource = resourceFor(random, accountId);
  }
  if (random.chance(parameters.conditionRate)) statement.Condition = conditionFor(random);
  return statement;
}

/** A policy document of one to four random statements. */
export function randomDocument(random: SeededRandom, accountId: string, parameters: DiverseOrganizationParameters, sidPrefix: string): Record<string, unknown> {
  const count = random.integer(1, 4);
  const statements: Statement[] = [];
  for (let index = 0; index < count; index += 1) statements.push(randomStatement(random, accountId, parameters, `${sidPrefix}${index}`));
  return { Version: '2012-10-17', Statement: statements };
}

export function teamOf(random: SeededRandom): string {
  return random.pick(TEAMS);
}
