import type { AccountBuilder, ManagedPolicyReference } from './account-builder';
import { guardrailInvokePolicy, governancePolicy, costReaderInline } from './customer-policies';
import { hashHex } from './random';
import { identityCenterTrust } from './trust-policies';

/** IAM Identity Center permission sets; each account gets some as `AWSReservedSSO_<name>_<hex>` roles. */
export type PermissionSetName =
  | 'AdministratorAccess'
  | 'PowerUserAccess'
  | 'ReadOnlyAccess'
  | 'ViewOnlyAccess'
  | 'SecurityAudit'
  | 'SecurityAdmin'
  | 'BillingReadOnly'
  | 'BedrockDeveloper'
  | 'BedrockReadOnly'
  | 'DataScientist'
  | 'MLPlatformAdmin'
  | 'BedrockMantleUser'
  | 'AgentBuilder';

interface PermissionSetDefinition {
  managed: (accountId: string) => ManagedPolicyReference[];
  /** Identity Center names a permission set's inline policy `AwsSSOInlinePolicy`. */
  inline?: (accountId: string) => Record<string, unknown>;
}

const PERMISSION_SETS: Record<PermissionSetName, PermissionSetDefinition> = {
  AdministratorAccess: { managed: () => ['AdministratorAccess'] },
  PowerUserAccess: { managed: () => ['PowerUserAccess'] },
  ReadOnlyAccess: { managed: () => ['ReadOnlyAccess'] },
  ViewOnlyAccess: { managed: () => ['ViewOnlyAccess'] },
  SecurityAudit: { managed: () => ['SecurityAudit', 'ViewOnlyAccess'] },
  SecurityAdmin: { managed: () => [governancePolicy(), 'IAMReadOnlyAccess'] },
  BillingReadOnly: { managed: () => [], inline: () => costReaderInline() },
  BedrockDeveloper: { managed: (accountId) => ['AmazonBedrockLimitedAccess', guardrailInvokePolicy(accountId)] },
  BedrockReadOnly: { managed: () => ['AmazonBedrockReadOnly'] },
  DataScientist: { managed: () => ['AmazonBedrockFullAccess', 'AmazonSageMakerCanvasAIServicesAccess'] },
  MLPlatformAdmin: { managed: () => ['AmazonBedrockFullAccess', 'IAMFullAccess'] },
  BedrockMantleUser: { managed: () => ['AmazonBedrockMantleInferenceAccess', 'AmazonBedrockMantleReadOnly'] },
  AgentBuilder: { managed: () => ['BedrockAgentCoreFullAccess', 'AmazonBedrockReadOnly'] },
};

/**
 * Adds the role Identity Center creates for a permission set. Identity Center roles carry no
 * tags and live under `/aws-reserved/sso.amazonaws.com/` (with a region segment when the
 * instance is outside us-east-1).
 */
export function addPermissionSetRole(
  builder: AccountBuilder,
  options: { permissionSet: PermissionSetName; identityCenterHex: string; region: string | null; createdDaysAgo: number; lastUsedDaysAgo: number | null },
): void {
  const definition = PERMISSION_SETS[options.permissionSet];
  const inline = definition.inline?.(builder.accountId);
  builder.addRole({
    name: `AWSReservedSSO_${options.permissionSet}_${hashHex(`${builder.accountId}/${options.permissionSet}`, 16)}`,
    path: options.region ? `/aws-reserved/sso.amazonaws.com/${options.region}/` : '/aws-reserved/sso.amazonaws.com/',
    createdDaysAgo: options.createdDaysAgo,
    trust: identityCenterTrust(builder.accountId, options.identityCenterHex),
    managed: definition.managed(builder.accountId),
    inline: inline ? [{ name: 'AwsSSOInlinePolicy', document: inline }] : [],
    lastUsedDaysAgo: options.lastUsedDaysAgo,
    lastUsedRegion: options.region ?? 'us-east-1',
  });
}
