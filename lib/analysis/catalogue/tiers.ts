import type { Tier } from '../types';

/**
 * The tier of every Bedrock action, as data (PRODUCT.md, "Action tiers").
 *
 * Classification order for an action `service:Name`:
 * 1. `EXPLICIT_TIERS[service][Name]`: an action whose tier is a judgement (inference, training,
 *    capacity, controls) is listed here by name.
 * 2. `NAME_RULES[service]`, first match wins: documented name shapes (e.g. `Get*`/`List*` read).
 *    Rules for `build` name the nouns they cover, so an unknown new resource lands in
 *    `unclassified` rather than in a tier nobody chose.
 * 3. Otherwise `unclassified`: reported by the catalogue, never dropped and never read.
 */

type TierTable = Readonly<Record<string, Tier>>;

function tierTable(entries: Partial<Record<Tier, readonly string[]>>): TierTable {
  const table: Record<string, Tier> = {};
  for (const [tier, names] of Object.entries(entries) as Array<[Tier, readonly string[]]>) {
    for (const name of names) table[name] = tier;
  }
  return table;
}

const BEDROCK_EXPLICIT = tierTable({
  // Prompts and data go in, output and cost come out.
  invoke: [
    'InvokeModel',
    'InvokeModelWithResponseStream',
    'CreateModelInvocationJob',
    'StopModelInvocationJob',
    'CallWithBearerToken',
    'Rerank',
    'CountTokens',
    'ApplyGuardrail',
    'InvokeGuardrailChecks',
    'InvokeAutomatedReasoningPolicy',
    'InvokeTool',
    'OptimizePrompt',
    'DetectGeneratedContent',
    'CreateEvaluationJob',
    'CreateModelEvaluationJob',
    'StopEvaluationJob',
    'BatchDeleteEvaluationJob',
    'CreateAdvancedPromptOptimizationJob',
    'StopAdvancedPromptOptimizationJob',
    'BatchDeleteAdvancedPromptOptimizationJob',
    'InvokeDataAutomation',
    'InvokeDataAutomationAsync',
    'InvokeBlueprintOptimizationAsync',
    'InvokeBlueprintRecommendationAsync',
    'CancelInvoke',
    'DeleteInvoke',
  ],
  // Runtime of agents, flows, knowledge bases and their sessions.
  agent: [
    'InvokeAgent',
    'InvokeInlineAgent',
    'InvokeFlow',
    'StartFlowExecution',
    'StopFlowExecution',
    'Retrieve',
    'RetrieveAndGenerate',
    'AgenticRetrieveStream',
    'GenerateQuery',
    'RenderPrompt',
    'InvokeBuilder',
    'CreateSession',
    'UpdateSession',
    'EndSession',
    'DeleteSession',
    'CreateInvocation',
    'PutInvocationStep',
    'DeleteAgentMemory',
    'AssociateThirdPartyKnowledgeBase',
  ],
  // Shapes a model's behaviour or its training data.
  customize: [
    'CreateModelCustomizationJob',
    'StopModelCustomizationJob',
    'CreateModelImportJob',
    'CreateModelCopyJob',
    'CreateCustomModel',
    'DeleteCustomModel',
    'DeleteImportedModel',
  ],
  // Capacity, cost and model-access agreements.
  provision: [
    'CreateProvisionedModelThroughput',
    'UpdateProvisionedModelThroughput',
    'DeleteProvisionedModelThroughput',
    'PutFoundationModelEntitlement',
    'CreateFoundationModelAgreement',
    'DeleteFoundationModelAgreement',
    'DeleteMarketplaceModelAgreement',
    'PutUseCaseForModelAccess',
    'CreateMarketplaceModelEndpoint',
    'UpdateMarketplaceModelEndpoint',
    'DeleteMarketplaceModelEndpoint',
    'RegisterMarketplaceModelEndpoint',
    'DeregisterMarketplaceModelEndpoint',
    'CreateCustomModelDeployment',
    'UpdateCustomModelDeployment',
    'DeleteCustomModelDeployment',
    'CreateInferenceProfile',
    'DeleteInferenceProfile',
  ],
  // The controls that watch everyone else: logging, guardrails, resource policies, retention.
  govern: [
    'PutModelInvocationLoggingConfiguration',
    'DeleteModelInvocationLoggingConfiguration',
    'CreateGuardrail',
    'UpdateGuardrail',
    'DeleteGuardrail',
    'CreateGuardrailVersion',
    'PutEnforcedGuardrailConfiguration',
    'DeleteEnforcedGuardrailConfiguration',
    'PutResourcePolicy',
    'DeleteResourcePolicy',
    'PutAccountDataRetention',
    'AllowVendedLogDeliveryForResource',
    'CreateAutomatedReasoningPolicy',
    'UpdateAutomatedReasoningPolicy',
    'DeleteAutomatedReasoningPolicy',
    'CreateAutomatedReasoningPolicyVersion',
    'UpdateAutomatedReasoningPolicyAnnotations',
    'StartAutomatedReasoningPolicyBuildWorkflow',
    'CancelAutomatedReasoningPolicyBuildWorkflow',
    'DeleteAutomatedReasoningPolicyBuildWorkflow',
  ],
  build: [
    'CreatePromptRouter',
    'DeletePromptRouter',
    'IngestKnowledgeBaseDocuments',
    'DeleteKnowledgeBaseDocuments',
    'StartIngestionJob',
    'StopIngestionJob',
    'CreateDataSourceToken',
    'InvokeDataAutomationLibraryIngestionJob',
    'StartAutomatedReasoningPolicyTestWorkflow',
    'CreateAutomatedReasoningPolicyTestCase',
    'UpdateAutomatedReasoningPolicyTestCase',
    'DeleteAutomatedReasoningPolicyTestCase',
    'TagResource',
    'UntagResource',
  ],
  read: ['CheckIngestedDocumentAcl', 'ExportAutomatedReasoningPolicyVersion'],
});

const AGENTCORE_EXPLICIT = tierTable({
  // Running agents and their tools, memory, identity tokens and payments at run time.
  agent: [
    'InvokeAgentRuntime',
    'InvokeAgentRuntimeCommand',
    'InvokeAgentRuntimeCommandShell',
    'InvokeAgentRuntimeForUser',
    'InvokeAgentRuntimeWithWebSocketStream',
    'InvokeAgentRuntimeWithWebSocketStreamForUser',
    'StopRuntimeSession',
    'InvokeGateway',
    'InvokeCodeInterpreter',
    'InvokeHarness',
    'InvokeRegistryMcp',
    'InvokeWebSearch',
    'StartBrowserSession',
    'StopBrowserSession',
    'UpdateBrowserStream',
    'ConnectBrowserAutomationStream',
    'ConnectBrowserLiveViewStream',
    'SaveBrowserSessionProfile',
    'StartCodeInterpreterSession',
    'StopCodeInterpreterSession',
    'CreateEvent',
    'DeleteEvent',
    'BatchCreateMemoryRecords',
    'BatchUpdateMemoryRecords',
    'BatchDeleteMemoryRecords',
    'DeleteMemoryRecord',
    'RetrieveMemoryRecords',
    'StartMemoryExtractionJob',
    // These hand out credentials to the running agent: runtime, and not harmless reads.
    'GetResourceApiKey',
    'GetResourceOauth2Token',
    'GetResourcePaymentToken',
    'GetWorkloadAccessToken',
    'GetWorkloadAccessTokenForJWT',
    'GetWorkloadAccessTokenForUserId',
    'CompleteResourceTokenAuth',
    'AuthorizeAction',
    'PartiallyAuthorizeActions',
    'ProcessPayment',
    'CreatePaymentSession',
    'DeletePaymentSession',
    'Evaluate',
    'StartBatchEvaluation',
    'StopBatchEvaluation',
    'DeleteBatchEvaluation',
    'PutSystemLogEvents',
  ],
  provision: ['CreateCapacityProvider', 'UpdateCapacityProvider', 'DeleteCapacityProvider', 'DeleteCapacityProviderSession', 'PassCapacityProvider'],
  govern: [
    'PutResourcePolicy',
    'DeleteResourcePolicy',
    'AllowVendedLogDeliveryForResource',
    'ManageAdminPolicy',
    'ManageResourceScopedPolicy',
    'CreatePolicy',
    'UpdatePolicy',
    'DeletePolicy',
    'CreatePolicyEngine',
    'UpdatePolicyEngine',
    'DeletePolicyEngine',
    'StartPolicyGeneration',
    'GatewayAssociateWebACL',
    'GatewayDisassociateWebACL',
    'SetTokenVaultCMK',
    'CreateGatewayRule',
    'UpdateGatewayRule',
    'DeleteGatewayRule',
    'CreateGatewayRateLimit',
    'UpdateGatewayRateLimit',
    'DeleteGatewayRateLimit',
    'BatchPutGatewayRateLimits',
    'UpdateRegistryRecordStatus',
  ],
  build: ['AddDatasetExamples', 'SynchronizeGatewayTargets', 'SubmitRegistryRecordForApproval', 'StartRecommendation', 'TagResource', 'UntagResource'],
  read: ['GatewayGetWebACLForResource', 'GatewayListResourcesForWebACL', 'SearchRegistryRecords'],
});

const MANTLE_EXPLICIT = tierTable({
  invoke: ['CallWithBearerToken', 'CreateInference', 'CancelInference', 'DeleteInference', 'CountTokens'],
  customize: [
    'CreateFineTuningJob',
    'CancelFineTuningJob',
    'CreateCustomizedModel',
    'DeleteCustomizedModel',
    'AssociateCustomizedModel',
    'DisassociateCustomizedModel',
    // Files are training data for fine-tuning jobs.
    'CreateFile',
    'DeleteFile',
  ],
  provision: ['CreateReservation', 'UpdateReservation', 'DeleteReservation'],
  govern: ['PutAccountDataRetention'],
  build: ['CreateProject', 'UpdateProject', 'ArchiveProject', 'TagResource', 'UntagResource'],
});

const WEBSEARCH_EXPLICIT = tierTable({
  // Tools an agent calls at run time to reach the web.
  agent: ['ExternalWebAccess', 'InvokeFetch', 'InvokeSearch'],
});

export const EXPLICIT_TIERS: Readonly<Record<string, TierTable>> = {
  bedrock: BEDROCK_EXPLICIT,
  'bedrock-agentcore': AGENTCORE_EXPLICIT,
  'bedrock-mantle': MANTLE_EXPLICIT,
  'bedrock-websearch': WEBSEARCH_EXPLICIT,
};

export interface TierNameRule {
  pattern: RegExp;
  tier: Tier;
  /** Why the rule holds, shown in tests and reviews. */
  rationale: string;
}

const READ_RULE: TierNameRule = {
  pattern: /^(Get|List|Describe)[A-Z]/,
  tier: 'read',
  rationale: 'Get/List/Describe return configuration or status; the exceptions that hand out credentials are listed explicitly.',
};

export const NAME_RULES: Readonly<Record<string, readonly TierNameRule[]>> = {
  bedrock: [
    READ_RULE,
    {
      pattern: /^(Create|Update|Delete|Prepare|Associate|Disassociate|Copy)(Agent|Flow|KnowledgeBase|DataSource|Prompt|Blueprint|DataAutomation)/,
      tier: 'build',
      rationale: 'Configuration of agents, flows, knowledge bases, prompts, data sources and data-automation projects.',
    },
    { pattern: /^ValidateFlowDefinition$/, tier: 'read', rationale: 'Checks a definition without changing anything.' },
  ],
  'bedrock-agentcore': [
    READ_RULE,
    {
      pattern: /^(Create|Update|Delete)[A-Z]/,
      tier: 'build',
      rationale: 'AgentCore resources (runtimes, gateways, memories, browsers, identities) are agent configuration; controls and capacity are listed explicitly.',
    },
  ],
  'bedrock-mantle': [READ_RULE],
  'bedrock-websearch': [],
};

/** The tier of one Bedrock action (`service` lower case, `actionName` as AWS spells it). */
export function classifyAction(service: string, actionName: string): Tier {
  const explicit = EXPLICIT_TIERS[service]?.[actionName];
  if (explicit) return explicit;
  for (const rule of NAME_RULES[service] ?? []) {
    if (rule.pattern.test(actionName)) return rule.tier;
  }
  return 'unclassified';
}
