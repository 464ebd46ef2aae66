import { globToRegExp } from '../analysis/catalogue/wildcard';
import { BEDROCK_SERVICES, type PolicyDocumentSource } from '../analysis/types';

/** One statement as written, with Action/NotAction/Resource normalised to lists. */
export interface PolicyStatement {
  sid: string | null;
  effect: 'Allow' | 'Deny';
  actions: string[] | null;
  notActions: string[] | null;
}

function asStrings(value: unknown): string[] {
  return [value].flat().filter((item): item is string => typeof item === 'string');
}

/**
 * Parses a policy document as IAM returns it (JSON text, URL-encoded JSON text, or an object).
 * @throws Error when the document cannot be read: callers treat an unreadable policy conservatively.
 */
export function parsePolicyDocument(source: PolicyDocumentSource): PolicyStatement[] {
  let document: unknown = source;
  if (typeof source === 'string') {
    const text = source.trimStart().startsWith('{') ? source : decodeURIComponent(source);
    document = JSON.parse(text) as unknown;
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new Error('policy document is not a JSON object');
  const statements = [(document as Record<string, unknown>).Statement].flat().filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object');
  return statements.map((statement) => ({
    sid: typeof statement.Sid === 'string' ? statement.Sid : null,
    effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: 'Action' in statement ? asStrings(statement.Action) : null,
    notActions: 'NotAction' in statement ? asStrings(statement.NotAction) : null,
  }));
}

/** The JSON text of a document, decoded (IAM returns documents URL-encoded). */
export function policyDocumentText(source: PolicyDocumentSource): string {
  if (typeof source !== 'string') return JSON.stringify(source);
  return source.trimStart().startsWith('{') ? source : decodeURIComponent(source);
}

/** `bedrock`, `bedrock-agentcore`, ... : the services whose actions a revocation removes. */
export function isBedrockService(service: string): boolean {
  return (BEDROCK_SERVICES as readonly string[]).includes(service.toLowerCase());
}

/** `s3:Get*` -> `s3`; `*` -> `*`. */
export function serviceOf(actionPattern: string): string {
  const colon = actionPattern.indexOf(':');
  return colon < 0 ? actionPattern.toLowerCase() : actionPattern.slice(0, colon).toLowerCase();
}

/** IAM wildcard match, case-insensitive, `*` and `?` (the engine's linear-time glob matcher). */
export function matchesActionPattern(pattern: string, action: string): boolean {
  return globToRegExp(pattern, true).test(action);
}
