/**
 * The `BEDROCK_POLICY` Organizations policy type (Organizations user guide, "Amazon Bedrock policy
 * syntax and examples"): `bedrock.guardrail_inference.<region>.<config>.identifier` names a guardrail
 * ARN followed by `:version`. Policy documents carry inheritance operators (`@@assign`); effective
 * policies may carry the value alone. Both are read.
 */

export interface BedrockPolicyGuardrail {
  region: string;
  configName: string;
  guardrailArn: string;
  version: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assigned(value: unknown): unknown {
  return isRecord(value) && '@@assign' in value ? value['@@assign'] : value;
}

/** `arn:aws:bedrock:us-east-1:123456789012:guardrail/hu1dlsv9wy1d:1` -> the ARN and `1`. */
export function splitGuardrailIdentifier(identifier: string): { guardrailArn: string; version: string | null } {
  const match = /^(arn:[^:]+:bedrock:[^:]*:\d{12}:guardrail\/[^:]+)(?::([^:]+))?$/.exec(identifier.trim());
  if (!match) return { guardrailArn: identifier.trim(), version: null };
  return { guardrailArn: match[1], version: match[2] ?? null };
}

/**
 * The guardrails a `BEDROCK_POLICY` document (a JSON string or object) enforces, per region.
 * A document that does not parse yields an error message instead of a silent "none".
 */
export function parseBedrockPolicy(content: string | Record<string, unknown>): { guardrails: BedrockPolicyGuardrail[]; error: string | null } {
  let document: unknown = content;
  if (typeof content === 'string') {
    try {
      document = JSON.parse(content) as unknown;
    } catch (error) {
      return { guardrails: [], error: `the Bedrock policy is not JSON (${(error as Error).message})` };
    }
  }
  if (!isRecord(document)) return { guardrails: [], error: 'the Bedrock policy is not a JSON object' };
  const bedrock = document.bedrock;
  if (bedrock === undefined) return { guardrails: [], error: null };
  if (!isRecord(bedrock)) return { guardrails: [], error: '`bedrock` is not an object' };
  const inference = bedrock.guardrail_inference;
  if (inference === undefined) return { guardrails: [], error: null };
  if (!isRecord(inference)) return { guardrails: [], error: '`bedrock.guardrail_inference` is not an object' };
  const guardrails: BedrockPolicyGuardrail[] = [];
  for (const [region, configs] of Object.entries(inference)) {
    if (region.startsWith('@@') || !isRecord(configs)) continue;
    for (const [configName, config] of Object.entries(configs)) {
      if (configName.startsWith('@@') || !isRecord(config)) continue;
      const identifier = assigned(config.identifier);
      if (typeof identifier !== 'string' || identifier === '') continue;
      guardrails.push({ region, configName, ...splitGuardrailIdentifier(identifier) });
    }
  }
  guardrails.sort((left, right) => left.region.localeCompare(right.region) || left.configName.localeCompare(right.configName));
  return { guardrails, error: null };
}
