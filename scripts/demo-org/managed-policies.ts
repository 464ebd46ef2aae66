import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The real AWS managed policy documents kept in the repository; the demo never invents their content. */
export const AWS_MANAGED_POLICY_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo/aws-managed-policies');

/**
 * Where AWS keeps each policy the demo uses. Service-linked role policies live under
 * `aws-service-role/`, execution-role policies under `service-role/`, the rest at `/`.
 */
const POLICY_PATHS = {
  AdministratorAccess: '/',
  PowerUserAccess: '/',
  ReadOnlyAccess: '/',
  ViewOnlyAccess: '/job-function/',
  SecurityAudit: '/',
  IAMFullAccess: '/',
  IAMReadOnlyAccess: '/',
  AmazonBedrockFullAccess: '/',
  AmazonBedrockReadOnly: '/',
  AmazonBedrockLimitedAccess: '/',
  AmazonBedrockMantleInferenceAccess: '/',
  AmazonBedrockMantleReadOnly: '/',
  AmazonBedrockMarketplaceAccess: '/',
  AmazonBedrockStudioPermissionsBoundary: '/',
  BedrockAgentCoreFullAccess: '/',
  CloudWatchReadOnlyAccess: '/',
  AmazonSageMakerCanvasAIServicesAccess: '/',
  AmazonBedrockAgentCoreMemoryBedrockModelInferenceExecutionRolePolicy: '/service-role/',
  BedrockAgentCoreNetworkServiceRolePolicy: '/aws-service-role/',
  BedrockAgentCoreRuntimeIdentityServiceRolePolicy: '/aws-service-role/',
  AWSSupportServiceRolePolicy: '/aws-service-role/',
  AWSConfigServiceRolePolicy: '/aws-service-role/',
} as const;

export type AwsManagedPolicyName = keyof typeof POLICY_PATHS;

const policyVersionFileSchema = z.object({
  PolicyVersion: z.object({
    Document: z.record(z.string(), z.unknown()),
    VersionId: z.string(),
    CreateDate: z.string(),
  }),
});

export interface AwsManagedPolicy {
  name: AwsManagedPolicyName;
  arn: string;
  path: string;
  document: Record<string, unknown>;
  versionId: string;
  /** When AWS published the default version. */
  versionCreateDate: string;
}

const cache = new Map<AwsManagedPolicyName, AwsManagedPolicy>();

/** Loads (once) the real document of an AWS managed policy from `demo/aws-managed-policies`. */
export function loadAwsManagedPolicy(name: AwsManagedPolicyName): AwsManagedPolicy {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.join(AWS_MANAGED_POLICY_DIRECTORY, `${name}.json`);
  const parsed = policyVersionFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const policyPath = POLICY_PATHS[name];
  const policy: AwsManagedPolicy = {
    name,
    path: policyPath,
    arn: `arn:aws:iam::aws:policy${policyPath}${name}`,
    document: parsed.PolicyVersion.Document,
    versionId: parsed.PolicyVersion.VersionId,
    versionCreateDate: parsed.PolicyVersion.CreateDate.replace(/Z$/, '+00:00'),
  };
  cache.set(name, policy);
  return policy;
}
