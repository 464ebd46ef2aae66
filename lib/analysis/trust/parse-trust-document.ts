import type { ConditionEntry, PolicyDocumentSource } from '../types';
import { matchesWildcard } from '../sod/wildcard-pattern';

/**
 * A minimal, tolerant reader of role trust policies. It understands only what trust policies
 * use (Principal / NotPrincipal, Action / NotAction, Condition) and leaves full policy
 * evaluation to lib/analysis/policy.
 */

/** Thrown when a trust document is not JSON or not a policy: an error, never "no trust". */
export class TrustPolicyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustPolicyParseError';
  }
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';

export interface TrustPrincipal {
  type: PrincipalType;
  /** As written: `*`, an account id, an ARN, a service or a provider. */
  value: string;
}

export interface TrustStatement {
  effect: 'Allow' | 'Deny';
  statementId: string | null;
  statementIndex: number;
  principals: TrustPrincipal[];
  /** True when the statement used NotPrincipal: it then applies to everyone else. */
  isNotPrincipal: boolean;
  /** True when the statement's Action / NotAction covers one of the assume-role actions. */
  allowsAssumption: boolean;
  conditions: ConditionEntry[];
}

/** The actions that let a principal obtain the role's credentials. */
export const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'] as const;

const POLICY_NAME = 'trust policy';

function decodeDocument(source: PolicyDocumentSource): unknown {
  if (typeof source !== 'string') return source;
  const trimmed = source.trim();
  // The IAM API returns documents URL-encoded; an encoded document starts with `%7B` (`{`).
  let text = trimmed;
  if (/^%7B/i.test(trimmed)) {
    try {
      text = decodeURIComponent(trimmed);
    } catch {
      // A URIError ("URI malformed") would not say that the trust policy is what is broken.
      throw new TrustPolicyParseError('Trust policy is neither JSON nor valid URL-encoded JSON');
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TrustPolicyParseError(`Trust policy is not valid JSON: ${(error as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toStringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item) => ['string', 'number', 'boolean'].includes(typeof item)).map(String);
}

/** Reads a property whatever its case: hand-written policies are not always exact. */
function readProperty(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function readPrincipals(value: unknown): TrustPrincipal[] {
  if (value === '*') return [{ type: '*', value: '*' }];
  if (!isRecord(value)) return [];
  const principals: TrustPrincipal[] = [];
  for (const [rawType, rawValues] of Object.entries(value)) {
    const type = (['AWS', 'Service', 'Federated', 'CanonicalUser'] as const).find(
      (known) => known.toLowerCase() === rawType.toLowerCase(),
    );
    if (!type) continue;
    for (const principalValue of toStringList(rawValues)) principals.push({ type, value: principalValue.trim() });
  }
  return principals;
}

function readConditions(value: unknown): ConditionEntry[] {
  if (!isRecord(value)) return [];
  const entries: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block)) continue;
    for (const [key, values] of Object.entries(block)) {
      entries.push({ source: 'allow', operator, key, values: toStringList(values), policyName: POLICY_NAME });
    }
  }
  return entries;
}

function coversAssumption(statement: Record<string, unknown>): boolean {
  const actions = toStringList(readProperty(statement, 'Action'));
  const notActions = readProperty(statement, 'NotAction');
  if (notActions !== undefined) {
    const excluded = toStringList(notActions);
    return ASSUME_ACTIONS.some((action) => !excluded.some((pattern) => matchesWildcard(pattern, action)));
  }
  return ASSUME_ACTIONS.some((action) => actions.some((pattern) => matchesWildcard(pattern, action)));
}

/**
 * Parses a trust policy (JSON string, URL-encoded JSON or object) into its statements.
 * Statements without a recognisable Principal are kept with an empty principal list so that
 * callers can see them; unknown fields are ignored.
 */
export function parseTrustDocument(source: PolicyDocumentSource): TrustStatement[] {
  const document = decodeDocument(source);
  if (!isRecord(document)) throw new TrustPolicyParseError('Trust policy is not a JSON object');
  const rawStatements = readProperty(document, 'Statement');
  const statements = Array.isArray(rawStatements) ? rawStatements : rawStatements === undefined ? [] : [rawStatements];
  return statements.filter(isRecord).map((statement, statementIndex) => {
    const notPrincipal = readProperty(statement, 'NotPrincipal');
    const effect = String(readProperty(statement, 'Effect') ?? '').toLowerCase() === 'deny' ? 'Deny' : 'Allow';
    const sid = readProperty(statement, 'Sid');
    return {
      effect,
      statementId: typeof sid === 'string' && sid.length > 0 ? sid : null,
      statementIndex,
      principals: readPrincipals(notPrincipal !== undefined ? notPrincipal : readProperty(statement, 'Principal')),
      isNotPrincipal: notPrincipal !== undefined,
      allowsAssumption: coversAssumption(statement),
      conditions: readConditions(readProperty(statement, 'Condition')),
    };
  });
}
