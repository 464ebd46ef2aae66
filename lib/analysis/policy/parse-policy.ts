import type { PolicyDocumentSource } from '../types';

/** A policy document that cannot be read: the message says what is wrong and where. */
export class PolicyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyParseError';
  }
}

/** IAM caps managed policies at 6,144 characters; 1 MB leaves room for anything legitimate and stops abuse. */
export const MAX_POLICY_DOCUMENT_CHARACTERS = 1_000_000;

/**
 * The policy grammar nests about six levels (Statement, statement, Condition, operator, key,
 * values). A document nested far deeper is junk, and past a few thousand levels it breaks
 * `JSON.stringify` (a RangeError, not a PolicyParseError), so it is refused early.
 */
export const MAX_POLICY_NESTING_DEPTH = 64;

/** True when `value` nests objects/arrays deeper than `limit`; iterative, so any depth is safe. */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

export interface ParsedCondition {
  /** As written, e.g. `StringNotEqualsIfExists`, `ForAnyValue:StringLike`. */
  operator: string;
  key: string;
  values: string[];
}

export interface ParsedStatement {
  index: number;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  /** Exactly one of `actions` / `notActions` is set. */
  actions: string[] | null;
  notActions: string[] | null;
  /** Exactly one of `resources` / `notResources` is set, except in trust policies where both may be null. */
  resources: string[] | null;
  notResources: string[] | null;
  conditions: ParsedCondition[];
  /** Trust and resource policies only, as written. */
  principal: unknown;
  notPrincipal: unknown;
}

export interface ParsedPolicy {
  version: string | null;
  statements: ParsedStatement[];
}

/**
 * `identity` (identity policies, boundaries, SCPs): Resource or NotResource required, no Principal.
 * `trust` (role trust policies): Principal or NotPrincipal required, Resource optional.
 */
export type PolicyKind = 'identity' | 'trust';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeDocumentText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return trimmed;
  // The IAM API returns documents URL-encoded (`%7B%22Version%22...`).
  try {
    return decodeURIComponent(trimmed).trim();
  } catch {
    throw new PolicyParseError('policy document is neither JSON nor valid URL-encoded JSON');
  }
}

/** A short rendering of a bad value for a message: a damaged Effect may hold a huge array. */
function quote(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkNesting(document: Record<string, unknown>): Record<string, unknown> {
  if (isNestedDeeperThan(document, MAX_POLICY_NESTING_DEPTH)) throw new PolicyParseError(`policy document is nested deeper than ${MAX_POLICY_NESTING_DEPTH} levels`);
  return document;
}

function readDocument(source: PolicyDocumentSource): Record<string, unknown> {
  if (typeof source !== 'string') {
    if (!isRecord(source)) throw new PolicyParseError('policy document must be a JSON object');
    return checkNesting(source);
  }
  if (source.length > MAX_POLICY_DOCUMENT_CHARACTERS) {
    throw new PolicyParseError(`policy document is ${source.length} characters, over the limit of ${MAX_POLICY_DOCUMENT_CHARACTERS}`);
  }
  const text = decodeDocumentText(source);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PolicyParseError(`policy document is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new PolicyParseError('policy document must be a JSON object');
  return checkNesting(parsed);
}

function readStringList(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new PolicyParseError(`${where} must not be an empty list`);
  return list.map((item, position) => {
    if (typeof item !== 'string' || item.length === 0) throw new PolicyParseError(`${where}[${position}] must be a non-empty string`);
    return item;
  });
}

function readConditionValue(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw new PolicyParseError(`${where} must be a string, number or boolean`);
}

function readConditions(value: unknown, where: string): ParsedCondition[] {
  if (value === undefined) return [];
  if (!isRecord(value)) throw new PolicyParseError(`${where} must be an object of operators`);
  const conditions: ParsedCondition[] = [];
  for (const [operator, keys] of Object.entries(value)) {
    if (!isRecord(keys)) throw new PolicyParseError(`${where}.${operator} must be an object of condition keys`);
    for (const [key, raw] of Object.entries(keys)) {
      const list = Array.isArray(raw) ? raw : [raw];
      conditions.push({ operator, key, values: list.map((item, position) => readConditionValue(item, `${where}.${operator}.${key}[${position}]`)) });
    }
  }
  return conditions;
}

/** Exactly one of the two elements must be present (or, when optional, at most one). */
function readPair(statement: Record<string, unknown>, name: string, notName: string, where: string, isRequired: boolean): [string[] | null, string[] | null] {
  const hasPlain = statement[name] !== undefined;
  const hasNot = statement[notName] !== undefined;
  if (hasPlain && hasNot) throw new PolicyParseError(`${where} has both ${name} and ${notName}`);
  if (!hasPlain && !hasNot) {
    if (isRequired) throw new PolicyParseError(`${where} needs ${name} or ${notName}`);
    return [null, null];
  }
  return hasPlain ? [readStringList(statement[name], `${where}.${name}`), null] : [null, readStringList(statement[notName], `${where}.${notName}`)];
}

function readStatement(raw: unknown, index: number, kind: PolicyKind): ParsedStatement {
  const where = `Statement[${index}]`;
  if (!isRecord(raw)) throw new PolicyParseError(`${where} must be an object`);
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') throw new PolicyParseError(`${where}.Effect must be "Allow" or "Deny", got ${quote(effect)}`);
  if (raw.Sid !== undefined && typeof raw.Sid !== 'string') throw new PolicyParseError(`${where}.Sid must be a string`);
  const [actions, notActions] = readPair(raw, 'Action', 'NotAction', where, true);
  const [resources, notResources] = readPair(raw, 'Resource', 'NotResource', where, kind === 'identity');
  const hasPrincipal = raw.Principal !== undefined || raw.NotPrincipal !== undefined;
  if (kind === 'identity' && hasPrincipal) throw new PolicyParseError(`${where} has a Principal, which an identity policy cannot have`);
  if (kind === 'trust' && !hasPrincipal) throw new PolicyParseError(`${where} needs Principal or NotPrincipal`);
  return {
    index,
    sid: typeof raw.Sid === 'string' && raw.Sid.length > 0 ? raw.Sid : null,
    effect,
    actions,
    notActions,
    resources,
    notResources,
    conditions: readConditions(raw.Condition, `${where}.Condition`),
    principal: raw.Principal ?? null,
    notPrincipal: raw.NotPrincipal ?? null,
  };
}

/**
 * Parses and validates a policy document: a JSON string (URL-encoded as IAM returns it, or
 * plain) or an object. `Statement` may be one object or a list; Action/NotAction and
 * Resource/NotResource may be a string or a list. Throws `PolicyParseError` naming the problem.
 */
export function parsePolicy(source: PolicyDocumentSource, kind: PolicyKind = 'identity'): ParsedPolicy {
  const document = readDocument(source);
  if (document.Version !== undefined && typeof document.Version !== 'string') throw new PolicyParseError('Version must be a string');
  const rawStatements = document.Statement;
  if (rawStatements === undefined) throw new PolicyParseError('policy document has no Statement');
  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  return {
    version: typeof document.Version === 'string' ? document.Version : null,
    statements: list.map((raw, index) => readStatement(raw, index, kind)),
  };
}

const unserialisableKeys = new WeakMap<object, string>();
let unserialisableCount = 0;

/**
 * The text a document is known by, for cache keys: the decoded JSON string, or the object
 * serialised. Never throws: an object too deep for `JSON.stringify` (a RangeError) gets a key
 * of its own identity, and parsing it then fails with a PolicyParseError that the caller
 * records as for any bad document.
 */
export function documentText(source: PolicyDocumentSource): string {
  if (typeof source === 'string') return source;
  try {
    return JSON.stringify(source);
  } catch {
    let key = unserialisableKeys.get(source);
    if (key === undefined) {
      unserialisableCount += 1;
      key = `\u0000unserialisable#${unserialisableCount}`;
      unserialisableKeys.set(source, key);
    }
    return key;
  }
}
