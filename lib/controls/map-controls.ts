import { parseBedrockPolicy, type BedrockPolicyGuardrail } from './parse-bedrock-policy';
import { isCallError, type RawCallError, type RawControlsFile, type RawEffectivePolicy, type RawGuardrailDefinition, type RawGuardrailRecord, type RawRegionControls } from './raw-controls';
import type { GuardrailControl, LoggingControl, RegionControls } from './types';

export interface MapAccountControlsInput {
  accountId: string;
  /** The regions in scope: the configured ones (live) or every region any controls file names (offline). */
  regions: string[];
  /** The account's `controls/<id>.json`; null when it was not read. */
  controls: RawControlsFile | null;
  /**
   * `describe-effective-policy --policy-type BEDROCK_POLICY` of this account; undefined when the
   * organisation data holds no effective Bedrock policies at all (not exported, no organisation file).
   */
  effectivePolicy: RawEffectivePolicy | undefined;
  /** The management account's controls: the organisation's guardrails live there. */
  managementControls: RawControlsFile | null;
}

function describeError(value: RawCallError): string {
  return `${value.error.code}: ${value.error.message}`;
}

/** Which filters a guardrail version holds, from its `get-guardrail` answer. */
export function filtersOf(definition: RawGuardrailDefinition): string[] {
  const filters: string[] = [];
  if ((definition.contentPolicy?.filters ?? []).length > 0) filters.push('content');
  if ((definition.topicPolicy?.topics ?? []).length > 0) filters.push('topic');
  if ((definition.wordPolicy?.words ?? []).length + (definition.wordPolicy?.managedWordLists ?? []).length > 0) filters.push('word');
  if ((definition.sensitiveInformationPolicy?.piiEntities ?? []).length + (definition.sensitiveInformationPolicy?.regexes ?? []).length > 0) filters.push('sensitive-information');
  if ((definition.contextualGroundingPolicy?.filters ?? []).length > 0) filters.push('contextual-grounding');
  if ((definition.automatedReasoningPolicy?.policies ?? []).length > 0) filters.push('automated-reasoning');
  return filters;
}

function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}

function findRecord(file: RawControlsFile | null, guardrailArn: string): RawGuardrailRecord | undefined {
  const region = file?.regions[regionOfArn(guardrailArn)];
  // Account-level configurations may name the guardrail by id: compare on the id part too.
  const id = guardrailArn.split('/').pop();
  return region?.guardrailRecords.find((record) => record.guardrailArn === guardrailArn || record.guardrailArn.split('/').pop() === id);
}

function describeVersion(record: RawGuardrailRecord | undefined, version: string | null): { name: string | null; filters: string[]; note: string | null } {
  if (!record) return { name: null, filters: [], note: 'the guardrail itself was not read' };
  const definition = record.definitions.find((candidate) => candidate.version === (version ?? 'DRAFT'));
  if (!definition) return { name: null, filters: [], note: `version ${version ?? 'DRAFT'} was not read` };
  if (isCallError(definition)) return { name: null, filters: [], note: `get-guardrail ${definition.version}: ${describeError(definition)}` };
  return { name: definition.name, filters: filtersOf(definition), note: null };
}

function statementList(value: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Whether a guardrail's resource-based policy lets `accountId` apply it: an Allow statement for
 * `bedrock:ApplyGuardrail` (or a wildcard covering it) whose principal is `*` (typically narrowed
 * by `aws:PrincipalOrgID`), the account, or a principal of it. Null when the policy was not read.
 */
export function allowsApplyGuardrail(resourcePolicy: RawGuardrailRecord['resourcePolicy'] | undefined, accountId: string): boolean | null {
  if (resourcePolicy === undefined || isCallError(resourcePolicy)) return null;
  if (!resourcePolicy.resourcePolicy) return false;
  let document: unknown;
  try {
    document = JSON.parse(resourcePolicy.resourcePolicy) as unknown;
  } catch {
    return false;
  }
  const statements = statementList((document as { Statement?: unknown })?.Statement);
  return statements.some((statement) => {
    if (statement.Effect !== 'Allow') return false;
    const actions = asStrings(statement.Action).map((action) => action.toLowerCase());
    if (!actions.some((action) => action === '*' || action === 'bedrock:*' || action === 'bedrock:applyguardrail' || action === 'bedrock:apply*')) return false;
    const principal = statement.Principal;
    const values = principal === '*' ? ['*'] : asStrings((principal as { AWS?: unknown } | undefined)?.AWS);
    return values.some((value) => value === '*' || value === accountId || value.includes(`:${accountId}:`));
  });
}

function mapLogging(raw: RawRegionControls | undefined): LoggingControl {
  if (!raw) return { state: 'unknown', destinations: [], dataTypes: [], note: 'this region was not read' };
  const answer = raw.modelInvocationLogging;
  if (isCallError(answer)) return { state: 'unknown', destinations: [], dataTypes: [], note: describeError(answer) };
  const config = answer.loggingConfig;
  if (!config) return { state: 'off', destinations: [], dataTypes: [], note: null };
  const destinations: string[] = [];
  if (config.s3Config?.bucketName) destinations.push(`s3://${config.s3Config.bucketName}${config.s3Config.keyPrefix ? `/${config.s3Config.keyPrefix}` : ''}`);
  if (config.cloudWatchConfig?.logGroupName) destinations.push(`cloudwatch:${config.cloudWatchConfig.logGroupName}`);
  const dataTypes = (
    [
      ['text', config.textDataDeliveryEnabled],
      ['image', config.imageDataDeliveryEnabled],
      ['embedding', config.embeddingDataDeliveryEnabled],
      ['video', config.videoDataDeliveryEnabled],
      ['audio', config.audioDataDeliveryEnabled],
    ] as const
  )
    .filter(([, enabled]) => enabled === true)
    .map(([name]) => name);
  if (destinations.length === 0) return { state: 'off', destinations, dataTypes, note: 'a logging configuration without a destination' };
  if (dataTypes.length === 0) return { state: 'off', destinations, dataTypes, note: 'configured, but no data type is delivered' };
  return { state: 'on', destinations, dataTypes, note: null };
}

type OrganizationGuardrails = { status: 'known'; guardrails: BedrockPolicyGuardrail[] } | { status: 'unknown'; reason: string };

function organizationGuardrails(effective: RawEffectivePolicy | undefined): OrganizationGuardrails {
  if (effective === undefined) return { status: 'unknown', reason: 'no effective Bedrock policy was read for this account' };
  if (effective.error) return { status: 'unknown', reason: `DescribeEffectivePolicy: ${effective.error.code}: ${effective.error.message}` };
  if (effective.content === null) return { status: 'known', guardrails: [] };
  const parsed = parseBedrockPolicy(effective.content);
  if (parsed.error) return { status: 'unknown', reason: parsed.error };
  return { status: 'known', guardrails: parsed.guardrails };
}

const NO_GUARDRAIL = { guardrailArn: null, version: null, name: null, filters: [], source: null, isShareable: null };

function mapGuardrail(input: MapAccountControlsInput, region: string, raw: RawRegionControls | undefined, fromOrganization: OrganizationGuardrails): GuardrailControl {
  const organizationConfig = fromOrganization.status === 'known' ? fromOrganization.guardrails.find((entry) => entry.region === region) : undefined;
  const accountAnswer = raw?.enforcedGuardrails;
  const accountConfigs = accountAnswer && !isCallError(accountAnswer) ? accountAnswer.guardrailsConfig.filter((config) => (config.guardrailArn ?? config.guardrailId) !== undefined) : [];
  if (organizationConfig) {
    const record = findRecord(input.managementControls, organizationConfig.guardrailArn);
    const described = describeVersion(record, organizationConfig.version);
    const notes = [described.note, accountConfigs.length > 0 ? `the account also enforces ${accountConfigs.length} guardrail configuration(s) of its own` : null].filter((note): note is string => note !== null);
    return {
      enforced: 'organization',
      guardrailArn: organizationConfig.guardrailArn,
      version: organizationConfig.version,
      name: described.name,
      filters: described.filters,
      source: `BEDROCK_POLICY ${organizationConfig.configName}`,
      isShareable: allowsApplyGuardrail(record?.resourcePolicy, input.accountId),
      note: notes.length > 0 ? notes.join('; ') : null,
    };
  }
  if (accountConfigs.length > 0) {
    const config = accountConfigs[0];
    const guardrailArn = config.guardrailArn ?? config.guardrailId ?? null;
    const record = guardrailArn ? findRecord(input.controls, guardrailArn) : undefined;
    const described = describeVersion(record, config.guardrailVersion ?? null);
    return { enforced: 'account', guardrailArn, version: config.guardrailVersion ?? null, name: described.name, filters: described.filters, source: config.configId ?? null, isShareable: null, note: described.note };
  }
  const reasons: string[] = [];
  if (!raw) reasons.push('this region was not read');
  else if (accountAnswer && isCallError(accountAnswer)) reasons.push(`ListEnforcedGuardrailsConfiguration: ${describeError(accountAnswer)}`);
  if (fromOrganization.status === 'unknown') reasons.push(fromOrganization.reason);
  if (reasons.length > 0) return { enforced: 'unknown', ...NO_GUARDRAIL, note: reasons.join('; ') };
  return { enforced: 'none', ...NO_GUARDRAIL, note: null };
}

/**
 * Maps one account's raw Bedrock and Organizations reads to its controls per region in scope.
 * Pure. A refused or failed read makes the control `unknown` (with the reason), never `none`/`off`:
 * an organisation guardrail is only `none` when DescribeEffectivePolicy answered, and an
 * account-level one only when ListEnforcedGuardrailsConfiguration answered.
 */
export function mapAccountControls(input: MapAccountControlsInput): RegionControls[] {
  const fromOrganization = organizationGuardrails(input.effectivePolicy);
  return [...input.regions].sort().map((region) => {
    const raw = input.controls?.regions[region];
    return { accountId: input.accountId, region, guardrail: mapGuardrail(input, region, raw, fromOrganization), logging: mapLogging(raw) };
  });
}
