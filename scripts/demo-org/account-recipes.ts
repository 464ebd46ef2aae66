import {
  agentBuilderPolicy,
  approvedModelsInvokePolicy,
  bearerTokenInline,
  customizationJobInline,
  customizationPolicy,
  developerBoundaryPolicy,
  euOnlyInvokePolicy,
  governancePolicy,
  guardrailInvokePolicy,
  iamSelfServiceInline,
  invokeWithRegionDenyInline,
  knowledgeBaseInline,
  provisioningPolicy,
  singleModelInline,
  workloadBoundaryPolicy,
} from './customer-policies';
import { addPermissionSetRole, type PermissionSetName } from './permission-sets';
import { lastUsedDays, ownerTags, someAccountsOfKind, type RecipeContext } from './recipe-context';
import { githubActionsTrust, organizationWideTrust, principalTrust, publicTrust, serviceTrust, vendorTrust } from './trust-policies';

const PERMISSION_SETS_BY_KIND: Record<RecipeContext['account']['kind'], PermissionSetName[]> = {
  management: ['AdministratorAccess', 'ReadOnlyAccess', 'BillingReadOnly'],
  security: ['AdministratorAccess', 'SecurityAudit', 'SecurityAdmin'],
  'log-archive': ['AdministratorAccess', 'SecurityAudit', 'ViewOnlyAccess'],
  prod: ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'BedrockDeveloper', 'SecurityAudit', 'BedrockReadOnly'],
  nonprod: ['AdministratorAccess', 'PowerUserAccess', 'BedrockDeveloper', 'DataScientist', 'AgentBuilder'],
  sandbox: ['AdministratorAccess', 'DataScientist', 'BedrockMantleUser'],
  'shared-ml': ['AdministratorAccess', 'MLPlatformAdmin', 'BedrockReadOnly', 'DataScientist'],
};

function addPermissionSetRoles(context: RecipeContext): void {
  for (const permissionSet of PERMISSION_SETS_BY_KIND[context.account.kind]) {
    addPermissionSetRole(context.builder, {
      permissionSet,
      identityCenterHex: context.plan.identityCenterHex,
      // A few accounts were enrolled when Identity Center ran in eu-west-1: the path carries the region.
      region: context.account.index % 4 === 3 ? 'eu-west-1' : null,
      createdDaysAgo: 700 - context.account.index % 200,
      lastUsedDaysAgo: lastUsedDays(context, permissionSet === 'AdministratorAccess' ? 'mixed' : 'busy'),
    });
  }
}

/** Roles every member account has: the one Organizations creates, and the access-review scanner's role. */
function addBaselineRoles(context: RecipeContext): void {
  const { builder, plan, account } = context;
  if (account.id !== plan.managementAccountId) {
    builder.addRole({
      name: 'OrganizationAccountAccessRole',
      createdDaysAgo: 900,
      trust: principalTrust([`arn:aws:iam::${plan.managementAccountId}:root`]),
      managed: ['AdministratorAccess'],
      lastUsedDaysAgo: lastUsedDays(context, 'rare'),
    });
  }
  const securityAccount = plan.accounts.find((candidate) => candidate.kind === 'security');
  if (securityAccount) {
    builder.addRole({
      name: 'BedrockAccessReviewReadOnly',
      path: '/security/',
      createdDaysAgo: 60,
      trust: principalTrust([`arn:aws:iam::${securityAccount.id}:role/access-review-scanner`]),
      managed: ['IAMReadOnlyAccess'],
      inline: [{ name: 'organization-read', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['organizations:Describe*', 'organizations:List*', 'iam:GenerateServiceLastAccessedDetails', 'iam:GetServiceLastAccessedDetails'], Resource: '*' }] } }],
      tags: { owner: 'priya@example.com', purpose: 'bedrock-access-review' },
      lastUsedDaysAgo: 0.25,
    });
  }
}

function addManagementPrincipals(context: RecipeContext): void {
  const { builder, plan, account } = context;
  builder.addGroup({ name: 'org-admins', createdDaysAgo: 1500, managed: ['AdministratorAccess'] });
  builder.addGroup({ name: 'finops', createdDaysAgo: 1200, managed: [provisioningPolicy()] });
  context.humanGroups.push('finops');
  builder.addUser({ name: 'break-glass-admin', createdDaysAgo: 1500, groups: ['org-admins'], tags: { owner: 'noah@example.com' }, credentials: { console: { lastUsedDaysAgo: 400, hasMfa: true } } });
  builder.addUser({
    name: 'terraform-org-bootstrap',
    path: '/automation/',
    createdDaysAgo: 1400,
    groups: ['org-admins'],
    credentials: { accessKeys: [{ ageDays: 1390, lastUsedDaysAgo: 2, lastUsedService: 'organizations' }] },
  });
  builder.addRole({
    name: 'github-org-infrastructure',
    path: '/ci/',
    createdDaysAgo: 600,
    trust: githubActionsTrust(account.id, 'repo:northwind/org-infrastructure:ref:refs/heads/main'),
    managed: ['AdministratorAccess'],
    tags: { owner: 'noah@example.com' },
    lastUsedDaysAgo: 1,
  });
  builder.addRole({
    name: 'finops-automation',
    createdDaysAgo: 500,
    trust: serviceTrust('lambda.amazonaws.com'),
    inline: [{ name: 'assume-capacity-planner', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/capacity-planner' }] } }],
    tags: { owner: 'noah@example.com' },
    lastUsedDaysAgo: 3,
  });
  builder.addRole({
    name: 'org-bedrock-catalog-reader',
    createdDaysAgo: 250,
    trust: organizationWideTrust(plan.organizationId),
    managed: ['AmazonBedrockReadOnly'],
    tags: { owner: 'sofia@example.com' },
    lastUsedDaysAgo: 5,
  });
  builder.addRole({
    name: 'AWSServiceRoleForSupport',
    path: '/aws-service-role/support.amazonaws.com/',
    createdDaysAgo: 1500,
    trust: serviceTrust('support.amazonaws.com'),
    managed: ['AWSSupportServiceRolePolicy'],
    description: 'Enables resource access for AWS to provide billing, administrative and support services',
    lastUsedDaysAgo: 12,
  });
}

function addSecurityPrincipals(context: RecipeContext): void {
  const { builder, account } = context;
  builder.addGroup({ name: 'security-engineers', createdDaysAgo: 1100, managed: ['SecurityAudit'] });
  context.humanGroups.push('security-engineers');
  builder.addRole({
    name: 'access-review-scanner',
    createdDaysAgo: 60,
    trust: serviceTrust('ecs-tasks.amazonaws.com', account.id),
    inline: [{ name: 'assume-read-only-roles', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/security/BedrockAccessReviewReadOnly' }] } }],
    tags: { owner: 'priya@example.com' },
    lastUsedDaysAgo: 0.25,
  });
  builder.addRole({
    name: 'guardrail-compliance-checker',
    createdDaysAgo: 210,
    trust: serviceTrust('lambda.amazonaws.com'),
    // Governs guardrails and logging AND invokes models to test them: the SOD-GOVERN-INVOKE case.
    managed: [governancePolicy(), approvedModelsInvokePolicy(account.id)],
    tags: { owner: 'priya@example.com', team: 'security' },
    lastUsedDaysAgo: 1,
  });
  builder.addUser({
    name: 'siem-ingest',
    path: '/service-accounts/',
    createdDaysAgo: 1000,
    inline: [{ name: 'read-log-buckets', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::northwind-logs-*' }] } }],
    tags: { owner: 'priya@example.com' },
    credentials: { accessKeys: [{ ageDays: 380, lastUsedDaysAgo: 0, lastUsedService: 's3' }] },
  });
  builder.addRole({
    name: 'AWSServiceRoleForConfig',
    path: '/aws-service-role/config.amazonaws.com/',
    createdDaysAgo: 1300,
    trust: serviceTrust('config.amazonaws.com'),
    managed: ['AWSConfigServiceRolePolicy'],
    lastUsedDaysAgo: 0,
  });
}

function addLogArchivePrincipals(context: RecipeContext): void {
  const { builder, account } = context;
  builder.addRole({
    name: 'bedrock-invocation-log-delivery',
    path: '/service-role/',
    createdDaysAgo: 300,
    trust: serviceTrust('bedrock.amazonaws.com', account.id),
    inline: [{ name: 'write-invocation-logs', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: ['arn:aws:s3:::northwind-bedrock-invocation-logs/*', `arn:aws:logs:*:${account.id}:log-group:/bedrock/*`] }] } }],
    tags: { owner: 'priya@example.com' },
    lastUsedDaysAgo: 0,
  });
}

function addWorkloadPrincipals(context: RecipeContext, isProduction: boolean): void {
  const { builder, plan, account, random } = context;
  builder.addRole({
    name: 'genai-app-backend',
    path: '/apps/',
    createdDaysAgo: 420,
    trust: serviceTrust('ecs-tasks.amazonaws.com', account.id),
    managed: [approvedModelsInvokePolicy(account.id)],
    boundary: workloadBoundaryPolicy(),
    tags: { owner: 'maya@example.com', team: 'genai-apps' },
    lastUsedDaysAgo: 0.1,
  });
  builder.addRole({
    name: 'genai-chat-handler',
    path: '/apps/',
    createdDaysAgo: 260,
    trust: serviceTrust('lambda.amazonaws.com'),
    managed: [guardrailInvokePolicy(account.id)],
    tags: { owner: 'maya@example.com', team: 'genai-apps' },
    lastUsedDaysAgo: 0.05,
  });
  builder.addRole({
    name: 'github-deploy-genai-app',
    path: '/ci/',
    createdDaysAgo: 380,
    trust: githubActionsTrust(account.id, isProduction ? 'repo:northwind/app:ref:refs/heads/main' : 'repo:northwind/app:environment:staging'),
    managed: ['PowerUserAccess'],
    tags: { owner: 'liam@example.com' },
    lastUsedDaysAgo: 1,
  });
  builder.addRole({
    name: 'github-ml-pipeline-deployer',
    path: '/ci/',
    createdDaysAgo: 330,
    // Any repository of the organisation can assume it: the unpinned-subject case.
    trust: githubActionsTrust(account.id, 'repo:northwind/*'),
    managed: [approvedModelsInvokePolicy(account.id)],
    inline: [{ name: 'manage-ml-roles', document: iamSelfServiceInline(account.id) }],
    tags: { owner: 'sofia@example.com' },
    lastUsedDaysAgo: 2,
  });
  builder.addRole({
    name: 'capacity-planner',
    createdDaysAgo: 180,
    trust: principalTrust([`arn:aws:iam::${plan.managementAccountId}:role/finops-automation`]),
    managed: [provisioningPolicy(), guardrailInvokePolicy(account.id)],
    tags: { owner: 'noah@example.com' },
    lastUsedDaysAgo: isProduction ? 20 : 130,
  });
  builder.addRole({
    name: 'vendor-model-evaluation',
    path: '/vendors/',
    createdDaysAgo: 150,
    trust: vendorTrust(plan.vendorAccountId, isProduction ? 'contoso-eval-7731' : null),
    inline: [{ name: 'evaluate-claude-sonnet', document: singleModelInline('anthropic.claude-3-5-sonnet-20240620-v1:0', 'us-east-1') }],
    tags: { owner: 'liam@example.com', vendor: 'Contoso Evaluations' },
    lastUsedDaysAgo: isProduction ? 9 : null,
  });
  builder.addRole({
    name: 'AmazonBedrockExecutionRoleForKnowledgeBase_nw01',
    path: '/service-role/',
    createdDaysAgo: 200,
    trust: serviceTrust('bedrock.amazonaws.com', account.id),
    inline: [{ name: 'AmazonBedrockKnowledgeBaseAccess', document: knowledgeBaseInline(account.id) }],
    lastUsedDaysAgo: 0.5,
  });
  builder.addRole({
    name: 'agentcore-runtime-execution',
    path: '/service-role/',
    createdDaysAgo: 90,
    trust: serviceTrust('bedrock-agentcore.amazonaws.com', account.id),
    managed: ['AmazonBedrockAgentCoreMemoryBedrockModelInferenceExecutionRolePolicy'],
    tags: ownerTags(context, 0.9, 'genai-apps'),
    lastUsedDaysAgo: 0.3,
  });
  builder.addRole({
    name: 'AWSServiceRoleForBedrockAgentCoreNetwork',
    path: '/aws-service-role/network.bedrock-agentcore.amazonaws.com/',
    createdDaysAgo: 90,
    trust: serviceTrust('network.bedrock-agentcore.amazonaws.com'),
    managed: ['BedrockAgentCoreNetworkServiceRolePolicy'],
    lastUsedDaysAgo: 0.3,
  });
  builder.addRole({
    name: 'genai-batch-worker',
    path: '/apps/',
    createdDaysAgo: 240,
    trust: serviceTrust('ec2.amazonaws.com'),
    inline: [{ name: 'invoke-us-east-1-only', document: invokeWithRegionDenyInline() }],
    tags: ownerTags(context, 0.85, 'data-platform'),
    lastUsedDaysAgo: random.chance(0.5) ? 2 : 150,
    instanceProfile: true,
  });
  builder.addUser({
    name: 'legacy-reporting-bot',
    path: '/service-accounts/',
    createdDaysAgo: 1200,
    managed: ['AmazonBedrockReadOnly'],
    inline: [{ name: 'summaries', document: singleModelInline('anthropic.claude-3-haiku-20240307-v1:0', 'us-west-2') }],
    credentials: { accessKeys: [{ ageDays: 1150, lastUsedDaysAgo: isProduction ? 3 : 200, lastUsedService: 'bedrock' }] },
  });
  if (isProduction) {
    builder.addUser({
      name: 'BedrockAPIKey-prodsupport',
      createdDaysAgo: 45,
      managed: ['AmazonBedrockLimitedAccess'],
      tags: { owner: 'liam@example.com' },
      credentials: { bedrockApiKeys: [{ ageDays: 45, expiresInDays: null }] },
    });
    return;
  }
  builder.addGroup({ name: 'developers', createdDaysAgo: 900, managed: [guardrailInvokePolicy(account.id), 'CloudWatchReadOnlyAccess'] });
  builder.addGroup({ name: 'ml-engineers', createdDaysAgo: 800, managed: ['AmazonBedrockFullAccess'] });
  builder.addGroup({ name: 'data-scientists', createdDaysAgo: 700, managed: [euOnlyInvokePolicy(), agentBuilderPolicy(account.id)] });
  context.humanGroups.push('developers', 'ml-engineers', 'data-scientists');
  builder.addRole({
    name: 'ml-model-trainer',
    createdDaysAgo: 320,
    // Customises and invokes: the SOD-CUSTOMIZE-INVOKE case (customisation v1 also invoked; only v2, the default, counts).
    trust: githubActionsTrust(account.id, 'repo:northwind/ml-pipelines:environment:staging'),
    managed: [customizationPolicy(account.id), approvedModelsInvokePolicy(account.id)],
    tags: { owner: 'sofia@example.com' },
    lastUsedDaysAgo: 4,
  });
  builder.addRole({
    name: 'bedrock-customization-job-role',
    path: '/service-role/',
    createdDaysAgo: 320,
    trust: serviceTrust('bedrock.amazonaws.com', account.id),
    inline: [{ name: 'training-data', document: customizationJobInline(account.id) }],
    lastUsedDaysAgo: 4,
  });
  builder.addUser({
    name: 'sofia.ml',
    path: '/people/',
    createdDaysAgo: 800,
    groups: ['ml-engineers'],
    boundary: developerBoundaryPolicy(),
    tags: { owner: 'sofia@example.com' },
    credentials: { console: { lastUsedDaysAgo: 1, hasMfa: true }, accessKeys: [{ ageDays: 90, lastUsedDaysAgo: 1 }] },
  });
  builder.addUser({
    name: 'intern.sandbox',
    path: '/people/',
    createdDaysAgo: 100,
    groups: ['developers'],
    credentials: { console: { lastUsedDaysAgo: 98, hasMfa: false } },
  });
}

function addSandboxPrincipals(context: RecipeContext): void {
  const { builder, account } = context;
  builder.addGroup({ name: 'hackers', createdDaysAgo: 200, managed: ['AmazonBedrockFullAccess'] });
  context.humanGroups.push('hackers');
  builder.addUser({
    name: 'hackathon-shared',
    createdDaysAgo: 150,
    groups: ['hackers'],
    credentials: { console: { lastUsedDaysAgo: 140, hasMfa: false }, accessKeys: [{ ageDays: 150, lastUsedDaysAgo: 140 }] },
  });
  builder.addUser({
    name: 'BedrockAPIKey-notebooks',
    createdDaysAgo: 120,
    managed: ['AmazonBedrockLimitedAccess'],
    inline: [{ name: 'bearer-token', document: bearerTokenInline() }],
    tags: { owner: 'ethan@example.com' },
    credentials: { bedrockApiKeys: [{ ageDays: 120, expiresInDays: null }, { ageDays: 300, expiresInDays: -200, isActive: false }] },
  });
  builder.addRole({
    name: 'sagemaker-notebook-execution',
    path: '/service-role/',
    createdDaysAgo: 260,
    trust: serviceTrust('sagemaker.amazonaws.com'),
    managed: ['AmazonBedrockFullAccess', 'AmazonSageMakerCanvasAIServicesAccess'],
    tags: ownerTags(context, 0.7),
    lastUsedDaysAgo: 30,
  });
  if (account.index % 2 === 0) {
    builder.addRole({
      name: 'public-demo-invoker',
      createdDaysAgo: 40,
      // Trusted by `*` with no condition: anyone with AWS credentials can invoke models here.
      trust: publicTrust(),
      inline: [{ name: 'invoke-any-model', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel*', Resource: '*' }] } }],
      lastUsedDaysAgo: null,
    });
  }
  builder.addRole({
    name: 'sandbox-fine-tuning',
    createdDaysAgo: 100,
    trust: principalTrust([`arn:aws:iam::${account.id}:root`]),
    // The Sandbox OU's SCP denies customisation: the identity policy alone overstates access.
    managed: [customizationPolicy(account.id), guardrailInvokePolicy(account.id)],
    tags: { owner: 'ethan@example.com' },
    lastUsedDaysAgo: 60,
  });
}

function addSharedMlPrincipals(context: RecipeContext): void {
  const { builder, account } = context;
  const productionCallers = someAccountsOfKind(context, 'prod', 3).map((caller) => `arn:aws:iam::${caller.id}:root`);
  const stagingCallers = someAccountsOfKind(context, 'nonprod', 2).map((caller) => `arn:aws:iam::${caller.id}:role/ml-model-trainer`);
  builder.addRole({
    name: 'shared-bedrock-inference',
    path: '/shared/',
    createdDaysAgo: 350,
    trust: principalTrust([...productionCallers, ...stagingCallers]),
    managed: [approvedModelsInvokePolicy(account.id)],
    tags: { owner: 'sofia@example.com', team: 'ml-platform' },
    lastUsedDaysAgo: 0.2,
  });
  builder.addRole({
    name: 'model-registry-publisher',
    path: '/shared/',
    createdDaysAgo: 300,
    trust: principalTrust(stagingCallers.length > 0 ? stagingCallers : [`arn:aws:iam::${account.id}:root`]),
    managed: [customizationPolicy(account.id), guardrailInvokePolicy(account.id)],
    tags: { owner: 'sofia@example.com', team: 'ml-platform' },
    lastUsedDaysAgo: 15,
  });
  builder.addRole({
    name: 'genai-platform-operator',
    createdDaysAgo: 280,
    trust: principalTrust([`arn:aws:iam::${account.id}:root`], { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
    managed: [governancePolicy(), 'AmazonBedrockFullAccess'],
    tags: { owner: 'priya@example.com' },
    lastUsedDaysAgo: 7,
  });
  builder.addRole({
    name: 'bedrock-customization-job-role',
    path: '/service-role/',
    createdDaysAgo: 300,
    trust: serviceTrust('bedrock.amazonaws.com', account.id),
    inline: [{ name: 'training-data', document: customizationJobInline(account.id) }],
    lastUsedDaysAgo: 15,
  });
  builder.addRole({
    name: 'sagemaker-training-execution',
    path: '/service-role/',
    createdDaysAgo: 400,
    trust: serviceTrust('sagemaker.amazonaws.com'),
    managed: ['AmazonBedrockFullAccess'],
    boundary: 'AmazonBedrockStudioPermissionsBoundary',
    tags: ownerTags(context, 0.8, 'ml-platform'),
    lastUsedDaysAgo: 100,
  });
  builder.addRole({
    name: 'agentcore-platform-admin',
    createdDaysAgo: 80,
    trust: principalTrust([`arn:aws:iam::${account.id}:root`]),
    managed: ['BedrockAgentCoreFullAccess'],
    tags: { owner: 'maya@example.com' },
    lastUsedDaysAgo: 10,
  });
  builder.addUser({
    name: 'mlops-bot',
    path: '/service-accounts/',
    createdDaysAgo: 700,
    managed: [customizationPolicy(account.id), approvedModelsInvokePolicy(account.id)],
    tags: { owner: 'sofia@example.com' },
    credentials: { accessKeys: [{ ageDays: 690, lastUsedDaysAgo: 1 }, { ageDays: 30, lastUsedDaysAgo: null }] },
  });
  builder.addGroup({ name: 'ml-platform', createdDaysAgo: 600, managed: ['AmazonBedrockReadOnly', approvedModelsInvokePolicy(account.id)] });
  context.humanGroups.push('ml-platform');
  // Exists but is attached nowhere: the CLI still lists local policies.
  builder.declarePolicy(agentBuilderPolicy(account.id));
}

/** Adds the account's characteristic principals, then fills up to `targetPrincipals`. */
export function populateAccount(context: RecipeContext, fill: (context: RecipeContext) => void): void {
  addPermissionSetRoles(context);
  addBaselineRoles(context);
  switch (context.account.kind) {
    case 'management':
      addManagementPrincipals(context);
      break;
    case 'security':
      addSecurityPrincipals(context);
      break;
    case 'log-archive':
      addLogArchivePrincipals(context);
      break;
    case 'prod':
      addWorkloadPrincipals(context, true);
      break;
    case 'nonprod':
      addWorkloadPrincipals(context, false);
      break;
    case 'sandbox':
      addSandboxPrincipals(context);
      break;
    case 'shared-ml':
      addSharedMlPrincipals(context);
      break;
  }
  fill(context);
}
