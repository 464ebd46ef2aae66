/**
 * The customer managed and inline policies of the fictional company. Each is a function of the
 * account so ARNs inside name the right account. They exercise what the engine must get right:
 * pinned models, guardrail and region conditions, NotAction, boundaries, and older policy
 * versions that grant more than the default one (only the default counts).
 */

export interface PolicyVersionDefinition {
  document: Record<string, unknown>;
  /** Age of the version, in days before the demo's "now". */
  createdDaysAgo: number;
}

export interface CustomerPolicyDefinition {
  name: string;
  path: string;
  description: string;
  /** Oldest first; the last one is the default version. */
  versions: PolicyVersionDefinition[];
}

type Statement = Record<string, unknown>;

function document(...statements: Statement[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

/** Foundation models the company approved; foundation-model ARNs carry no account id. */
export const APPROVED_MODEL_IDS = [
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'amazon.titan-embed-text-v2:0',
] as const;

function foundationModelArns(regions: string[], modelIds: readonly string[]): string[] {
  return regions.flatMap((region) => modelIds.map((modelId) => `arn:aws:bedrock:${region}::foundation-model/${modelId}`));
}

/** Invoke on three pinned models in two regions; v1 (non-default, older) allowed `bedrock:*` on `*`. */
export function approvedModelsInvokePolicy(accountId: string): CustomerPolicyDefinition {
  return {
    name: 'BedrockInvokeApprovedModels',
    path: '/genai/',
    description: 'Invoke the foundation models approved by the AI review board',
    versions: [
      { createdDaysAgo: 540, document: document({ Sid: 'EarlyPilotEverything', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }) },
      {
        createdDaysAgo: 300,
        document: document({ Sid: 'InvokeApprovedModels', Effect: 'Allow', Action: ['bedrock:InvokeModel*', 'bedrock:CreateModelInvocationJob'], Resource: foundationModelArns(['us-east-1', 'us-west-2', 'eu-west-1'], APPROVED_MODEL_IDS) }),
      },
      {
        createdDaysAgo: 120,
        document: document(
          { Sid: 'InvokeApprovedModels', Effect: 'Allow', Action: INVOKE_ACTIONS, Resource: [...foundationModelArns(['us-east-1', 'us-west-2'], APPROVED_MODEL_IDS), `arn:aws:bedrock:us-east-1:${accountId}:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0`] },
          { Sid: 'ListModels', Effect: 'Allow', Action: ['bedrock:ListFoundationModels', 'bedrock:GetFoundationModel'], Resource: '*' },
        ),
      },
    ],
  };
}

/** Invoke any model, but only through the company guardrail. */
export function guardrailInvokePolicy(accountId: string): CustomerPolicyDefinition {
  return {
    name: 'BedrockInvokeWithGuardrail',
    path: '/genai/',
    description: 'Invoke any model only with the company guardrail applied',
    versions: [
      {
        createdDaysAgo: 200,
        document: document({
          Sid: 'InvokeWithCompanyGuardrail',
          Effect: 'Allow',
          Action: INVOKE_ACTIONS,
          Resource: '*',
          Condition: { StringEquals: { 'bedrock:GuardrailIdentifier': `arn:aws:bedrock:us-east-1:${accountId}:guardrail/nw7k2p9x4q1m:3` } },
        }),
      },
    ],
  };
}

/** Invoke and Converse in the EU only (data residency), through a region condition. */
export function euOnlyInvokePolicy(): CustomerPolicyDefinition {
  return {
    name: 'BedrockInvokeEuOnly',
    path: '/genai/',
    description: 'Invoke Bedrock models from eu-west-1 only (data residency)',
    versions: [
      {
        createdDaysAgo: 150,
        document: document({
          Sid: 'InvokeInEurope',
          Effect: 'Allow',
          Action: ['bedrock:InvokeModel*', 'bedrock:Converse*'],
          Resource: 'arn:aws:bedrock:*::foundation-model/*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        }),
      },
    ],
  };
}

/** Model customisation with the service role it needs; v1 also allowed invoking, v2 (default) does not. */
export function customizationPolicy(accountId: string): CustomerPolicyDefinition {
  const customize = {
    Sid: 'CustomizeModels',
    Effect: 'Allow',
    Action: [
      'bedrock:CreateModelCustomizationJob',
      'bedrock:StopModelCustomizationJob',
      'bedrock:GetModelCustomizationJob',
      'bedrock:ListModelCustomizationJobs',
      'bedrock:CreateModelImportJob',
      'bedrock:CreateModelCopyJob',
      'bedrock:CreateCustomModel',
      'bedrock:GetCustomModel',
      'bedrock:ListCustomModels',
    ],
    Resource: '*',
  };
  const passRole = { Sid: 'PassCustomizationRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${accountId}:role/service-role/bedrock-customization-job-role`, Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } } };
  return {
    name: 'BedrockModelCustomization',
    path: '/genai/',
    description: 'Fine-tune, import and copy models',
    versions: [
      { createdDaysAgo: 400, document: document(customize, passRole, { Sid: 'InvokeEverything', Effect: 'Allow', Action: 'bedrock:Invoke*', Resource: '*' }) },
      { createdDaysAgo: 90, document: document(customize, passRole) },
    ],
  };
}

/** The controls that watch everyone else: invocation logging and guardrails. */
export function governancePolicy(): CustomerPolicyDefinition {
  return {
    name: 'BedrockGovernanceAdmin',
    path: '/genai/',
    description: 'Manage invocation logging and guardrails',
    versions: [
      {
        createdDaysAgo: 260,
        document: document(
          {
            Sid: 'ManageLogging',
            Effect: 'Allow',
            Action: ['bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration', 'bedrock:GetModelInvocationLoggingConfiguration'],
            Resource: '*',
          },
          { Sid: 'ManageGuardrails', Effect: 'Allow', Action: ['bedrock:CreateGuardrail', 'bedrock:UpdateGuardrail', 'bedrock:DeleteGuardrail', 'bedrock:CreateGuardrailVersion', 'bedrock:GetGuardrail', 'bedrock:ListGuardrails'], Resource: '*' },
        ),
      },
    ],
  };
}

/** Provisioned throughput and model-access agreements: money. */
export function provisioningPolicy(): CustomerPolicyDefinition {
  return {
    name: 'BedrockCapacityManagement',
    path: '/genai/',
    description: 'Buy and resize provisioned throughput, accept model agreements',
    versions: [
      {
        createdDaysAgo: 180,
        document: document({
          Sid: 'ProvisionedThroughput',
          Effect: 'Allow',
          Action: [
            'bedrock:CreateProvisionedModelThroughput',
            'bedrock:UpdateProvisionedModelThroughput',
            'bedrock:DeleteProvisionedModelThroughput',
            'bedrock:GetProvisionedModelThroughput',
            'bedrock:ListProvisionedModelThroughputs',
            'bedrock:PutFoundationModelEntitlement',
            'bedrock:CreateFoundationModelAgreement',
          ],
          Resource: '*',
        }),
      },
    ],
  };
}

/** Agents, knowledge bases and flows: build and run them. */
export function agentBuilderPolicy(accountId: string): CustomerPolicyDefinition {
  return {
    name: 'BedrockAgentBuilder',
    path: '/genai/',
    description: 'Build and run agents and knowledge bases',
    versions: [
      {
        createdDaysAgo: 140,
        document: document(
          {
            Sid: 'BuildAgents',
            Effect: 'Allow',
            Action: ['bedrock:CreateAgent', 'bedrock:UpdateAgent', 'bedrock:PrepareAgent', 'bedrock:CreateAgentAlias', 'bedrock:CreateKnowledgeBase', 'bedrock:UpdateKnowledgeBase', 'bedrock:CreateDataSource', 'bedrock:StartIngestionJob', 'bedrock:Get*', 'bedrock:List*'],
            Resource: '*',
          },
          { Sid: 'RunAgents', Effect: 'Allow', Action: ['bedrock:InvokeAgent', 'bedrock:Retrieve', 'bedrock:RetrieveAndGenerate', 'bedrock:InvokeFlow'], Resource: `arn:aws:bedrock:*:${accountId}:*` },
          { Sid: 'PassAgentRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${accountId}:role/service-role/AmazonBedrockExecutionRoleFor*` },
        ),
      },
    ],
  };
}

/** A boundary for developer users and roles: Bedrock runtime and everyday services, never IAM or customisation. */
export function developerBoundaryPolicy(): CustomerPolicyDefinition {
  return {
    name: 'DeveloperPermissionsBoundary',
    path: '/boundaries/',
    description: 'Permissions boundary for developer principals',
    versions: [
      {
        createdDaysAgo: 500,
        document: document(
          { Sid: 'AllowEverydayServices', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
          { Sid: 'DenyBedrockModelShaping', Effect: 'Deny', Action: ['bedrock:CreateModelCustomizationJob', 'bedrock:CreateModelImportJob', 'bedrock:CreateCustomModel', 'bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration'], Resource: '*' },
        ),
      },
    ],
  };
}

/** A boundary for workload roles: Bedrock invoke in approved regions, S3 and logs. */
export function workloadBoundaryPolicy(): CustomerPolicyDefinition {
  return {
    name: 'WorkloadPermissionsBoundary',
    path: '/boundaries/',
    description: 'Permissions boundary for application roles',
    versions: [
      {
        createdDaysAgo: 420,
        document: document(
          { Sid: 'AllowRuntime', Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:Retrieve', 'bedrock:InvokeAgent', 's3:GetObject', 's3:PutObject', 's3:ListBucket', 'logs:*', 'dynamodb:*', 'kms:Decrypt', 'sqs:*'], Resource: '*' },
          { Sid: 'ApprovedRegionsOnly', Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } } },
        ),
      },
    ],
  };
}

/** Plain application data access, no Bedrock: principals that hold nothing to review. */
export function appDataPolicy(accountId: string, appName: string): CustomerPolicyDefinition {
  return {
    name: `${appName}-data-access`,
    path: '/apps/',
    description: `Data access of ${appName}`,
    versions: [
      {
        createdDaysAgo: 330,
        document: document(
          { Sid: 'Objects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::northwind-${appName}-${accountId}`, `arn:aws:s3:::northwind-${appName}-${accountId}/*`] },
          { Sid: 'Tables', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: `arn:aws:dynamodb:us-east-1:${accountId}:table/${appName}-*` },
        ),
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// Inline policies (documents only: they are embedded in the principal)
// ---------------------------------------------------------------------------

/** Inline: lets a pipeline rewrite role policies (SoD with invoke). */
export function iamSelfServiceInline(accountId: string): Record<string, unknown> {
  return document({ Sid: 'ManageMlRoles', Effect: 'Allow', Action: ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRole', 'iam:PassRole'], Resource: `arn:aws:iam::${accountId}:role/ml-*` });
}

/** Inline: invoke a single model in one region, the tightest grant in the demo. */
export function singleModelInline(modelId: string, region: string): Record<string, unknown> {
  return document({ Effect: 'Allow', Action: INVOKE_ACTIONS, Resource: `arn:aws:bedrock:${region}::foundation-model/${modelId}` });
}

/** Inline: the embedding model a knowledge base uses, plus its data bucket. */
export function knowledgeBaseInline(accountId: string): Record<string, unknown> {
  return document(
    { Sid: 'Embeddings', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0' },
    { Sid: 'Corpus', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::northwind-kb-corpus-${accountId}`, `arn:aws:s3:::northwind-kb-corpus-${accountId}/*`] },
  );
}

/** Inline: a customisation job's data access (the service role itself holds no Bedrock action). */
export function customizationJobInline(accountId: string): Record<string, unknown> {
  return document({ Sid: 'TrainingData', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::northwind-training-${accountId}`, `arn:aws:s3:::northwind-training-${accountId}/*`] });
}

/** Inline: invoke everything but deny Bedrock outside us-east-1 (a Deny with a condition). */
export function invokeWithRegionDenyInline(): Record<string, unknown> {
  return document(
    { Sid: 'InvokeAnything', Effect: 'Allow', Action: 'bedrock:Invoke*', Resource: '*' },
    { Sid: 'OnlyUsEast1', Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
  );
}

/** Inline: read access to cost data, nothing Bedrock. */
export function costReaderInline(): Record<string, unknown> {
  return document({ Effect: 'Allow', Action: ['ce:Get*', 'ce:Describe*', 'budgets:View*', 'cur:Describe*'], Resource: '*' });
}

/** Inline: Bedrock Mantle / OpenAI-compatible inference via API key, a sandbox experiment. */
export function bearerTokenInline(): Record<string, unknown> {
  return document({ Sid: 'ApiKeyInference', Effect: 'Allow', Action: ['bedrock:CallWithBearerToken', 'bedrock:InvokeModel*'], Resource: '*' });
}
