import type { ActionCatalogue, CatalogueEntry } from '../catalogue/load-catalogue';
import { canResourcePatternsIntersect, globToRegExp, isResourcePatternCoveredBy, matchesResourcePattern } from '../catalogue/wildcard';
import type { PolicyDocumentSource } from '../types';
import { type Bitset, createBitset, hasBit, orInto, setBit } from './bitset';
import { isPrincipalFactKey } from './principal-fact-keys';
import { documentText, parsePolicy, type ParsedCondition, type ParsedPolicy, type ParsedStatement, type PolicyKind } from './parse-policy';

/** One statement, compiled against the catalogue. */
export interface CompiledStatement {
  index: number;
  sid: string | null;
  effect: 'Allow' | 'Deny';
  /** Catalogue actions this statement covers (after NotAction is applied). */
  actionBits: Bitset;
  conditions: ParsedCondition[];
  isConditional: boolean;
  /** Resource patterns as written; null when the statement uses NotResource. */
  resources: string[] | null;
  notResources: string[] | null;
  /** True for any action name, also outside the catalogue (`s3:GetObject`). */
  matchesAction(action: string): boolean;
  /** True when the statement's Resource/NotResource covers the concrete ARN (`*` for wildcard-only actions). */
  matchesResource(arn: string): boolean;
  /**
   * The Resource patterns that can match some resource of the catalogue action: `[]` when the
   * statement cannot apply to it (e.g. an S3 ARN for `bedrock:InvokeModel`), `['*']` for a
   * NotResource statement that leaves something. Memoised per action.
   */
  resourcesFor(action: CatalogueEntry): string[];
  /**
   * Set on a statement specialised to one principal (see specialize-policy.ts): the
   * principal-fact conditions decided for it. They are no longer in `conditions`.
   */
  decided?: DecidedConditionFact[];
  /** Specialised statements: why a remaining principal-fact condition could not be decided, by its position in `conditions`. */
  undecidedReasons?: Map<number, string>;
}

/** A condition on a fact of the principal and whether it held (policy and effect are added when reported). */
export interface DecidedConditionFact {
  operator: string;
  key: string;
  values: string[];
  holds: boolean;
}

export interface CompiledPolicy {
  /** Unique per distinct document text within one compiler (`#12`). */
  key: string;
  statements: CompiledStatement[];
  allowStatements: CompiledStatement[];
  denyStatements: CompiledStatement[];
  /** Union of the action bits of the Allow (resp. Deny) statements: a quick "may this policy matter" test. */
  allowBits: Bitset;
  denyBits: Bitset;
  /**
   * How many conditions name a fact of the principal (`aws:PrincipalArn`, `aws:PrincipalTag/...`);
   * counted from the parsed document, so a policy without any is never compiled for it.
   */
  principalFactConditionCount: number;
  /** Specialised policies only: statements that do not apply to the principal (a principal-fact condition failed). */
  exemptStatements?: CompiledStatement[];
}

const WILDCARD_ONLY_RESOURCE = '*';
const EVERYTHING = ['*'];
const NOTHING: string[] = [];

function compileActionMatcher(patterns: string[]): (action: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const regexes = patterns.map((pattern) => globToRegExp(pattern, true));
  return (action) => regexes.some((regex) => regex.test(action));
}

/**
 * Catalogue actions with the same resource types (`bedrock:InvokeModel` and
 * `bedrock:InvokeModelWithResponseStream`; every wildcard-only action) get the same applicable
 * resources from a statement: numbered once per catalogue entry, shared by the statements.
 */
const resourceClassByAction = new WeakMap<CatalogueEntry, number>();
const resourceClassByGlobs = new Map<string, number>();
function resourceClassOf(action: CatalogueEntry): number {
  let resourceClass = resourceClassByAction.get(action);
  if (resourceClass === undefined) {
    const key = action.isWildcardOnly ? '*' : `|${action.resourceGlobs.join('\n')}`;
    resourceClass = resourceClassByGlobs.get(key);
    if (resourceClass === undefined) {
      resourceClass = resourceClassByGlobs.size;
      resourceClassByGlobs.set(key, resourceClass);
    }
    resourceClassByAction.set(action, resourceClass);
  }
  return resourceClass;
}

/** Depends on the action's `isWildcardOnly` and `resourceGlobs` only (see resourceClassOf). */
function applicableResources(statement: ParsedStatement, action: CatalogueEntry): string[] {
  if (statement.resources) {
    // Wildcard-only actions are requested on the literal resource `*`: only a pattern matching
    // that string applies (AWS: such actions need `"Resource": "*"`), not `arn:aws:bedrock:*`.
    if (action.isWildcardOnly) return statement.resources.filter((pattern) => matchesResourcePattern(pattern, WILDCARD_ONLY_RESOURCE));
    return statement.resources.filter((pattern) => action.resourceGlobs.some((glob) => canResourcePatternsIntersect(pattern, glob)));
  }
  if (statement.notResources) {
    const excluded = statement.notResources;
    if (action.isWildcardOnly) return excluded.some((pattern) => matchesResourcePattern(pattern, WILDCARD_ONLY_RESOURCE)) ? NOTHING : EVERYTHING;
    const isAllExcluded = action.resourceGlobs.every((glob) => excluded.some((pattern) => isResourcePatternCoveredBy(glob, pattern)));
    return isAllExcluded ? NOTHING : EVERYTHING;
  }
  // Trust policies may omit Resource: the statement is about the role itself.
  return EVERYTHING;
}

/**
 * Action bitsets by single pattern, per catalogue. The same patterns (`bedrock:InvokeModel*`,
 * `bedrock:*`, `*`) recur in thousands of policies in different combinations; matching each one
 * against every catalogue action once is what makes compiling 100,000 accounts' worth of customer
 * policies cheap. A statement's bitset is the union of its patterns' (complemented for NotAction).
 */
const patternBitsCache = new WeakMap<ActionCatalogue, Map<string, Bitset>>();

const servicesCache = new WeakMap<ActionCatalogue, Set<string>>();

function catalogueServices(catalogue: ActionCatalogue): Set<string> {
  let services = servicesCache.get(catalogue);
  if (!services) {
    services = new Set(catalogue.actions.map((action) => action.service));
    servicesCache.set(catalogue, services);
  }
  return services;
}

function patternBits(catalogue: ActionCatalogue, pattern: string): Bitset {
  let cache = patternBitsCache.get(catalogue);
  if (!cache) {
    cache = new Map();
    patternBitsCache.set(catalogue, cache);
  }
  const key = pattern.toLowerCase();
  let bits = cache.get(key);
  if (!bits) {
    bits = createBitset(catalogue.actions.length);
    // `s3:Get*` cannot name a catalogue action: skip the scan (ReadOnlyAccess alone has ~1,000 such patterns).
    const colon = key.indexOf(':');
    const service = colon >= 0 ? key.slice(0, colon) : key;
    if (!/[*?]/.test(service) && !catalogueServices(catalogue).has(service)) {
      cache.set(key, bits);
      return bits;
    }
    const matches = compileActionMatcher([pattern]);
    for (const action of catalogue.actions) if (matches(action.name)) setBit(bits, action.index);
    cache.set(key, bits);
  }
  return bits;
}

function actionBitsFor(catalogue: ActionCatalogue, patterns: string[], isNotAction: boolean): Bitset {
  const bits = createBitset(catalogue.actions.length);
  for (const pattern of patterns) orInto(bits, patternBits(catalogue, pattern));
  if (!isNotAction) return bits;
  const complement = createBitset(catalogue.actions.length);
  for (const action of catalogue.actions) if (!hasBit(bits, action.index)) setBit(complement, action.index);
  return complement;
}

/**
 * The resources of each statement per resource class, shared between statements with the same
 * Resource and NotResource lists: an organisation whose policies are written per team and
 * account repeats a few lists of model and profile ARNs in thousands of statements, and working
 * out which patterns apply to which action was a tenth of its analysis. One per compiler.
 */
export class ResourceApplicabilityMemo {
  private readonly byLists = new Map<string, Map<number, string[]>>();

  forLists(resources: string[] | null, notResources: string[] | null): Map<number, string[]> {
    const key = JSON.stringify([resources, notResources]);
    let memo = this.byLists.get(key);
    if (!memo) {
      memo = new Map();
      this.byLists.set(key, memo);
    }
    return memo;
  }
}

function compileStatement(statement: ParsedStatement, catalogue: ActionCatalogue, resourceMemo: ResourceApplicabilityMemo): CompiledStatement {
  const patterns = statement.actions ?? statement.notActions ?? [];
  const matchesPattern = compileActionMatcher(patterns);
  const isNotAction = statement.notActions !== null;
  const matchesAction = (action: string): boolean => matchesPattern(action) !== isNotAction;
  const actionBits = actionBitsFor(catalogue, patterns, isNotAction);

  const { resources, notResources } = statement;
  const matchesResource = (arn: string): boolean => {
    if (resources) return resources.some((pattern) => matchesResourcePattern(pattern, arn));
    if (notResources) return !notResources.some((pattern) => matchesResourcePattern(pattern, arn));
    return true;
  };

  const isEverything = resources !== null && resources.includes('*');
  const memo = isEverything ? null : resourceMemo.forLists(resources, notResources);
  const resourcesFor = (action: CatalogueEntry): string[] => {
    // `Resource: "*"` applies to every action: only that pattern is kept, as it subsumes the rest.
    if (isEverything) return EVERYTHING;
    // The answer depends on the action's resource types only: one per resource-type class.
    const resourceClass = resourceClassOf(action);
    let found = memo?.get(resourceClass);
    if (!found) {
      found = applicableResources(statement, action);
      memo?.set(resourceClass, found);
    }
    return found;
  };

  return {
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    actionBits,
    conditions: statement.conditions,
    isConditional: statement.conditions.length > 0,
    resources,
    notResources,
    matchesAction,
    matchesResource,
    resourcesFor,
  };
}

interface CompiledParts {
  statements: CompiledStatement[];
  allowStatements: CompiledStatement[];
  denyStatements: CompiledStatement[];
  allowBits: Bitset;
  denyBits: Bitset;
}

function compileParts(parsed: ParsedPolicy, catalogue: ActionCatalogue, resourceMemo: ResourceApplicabilityMemo): CompiledParts {
  const statements = parsed.statements.map((statement) => compileStatement(statement, catalogue, resourceMemo));
  const allowBits = createBitset(catalogue.actions.length);
  const denyBits = createBitset(catalogue.actions.length);
  for (const statement of statements) orInto(statement.effect === 'Allow' ? allowBits : denyBits, statement.actionBits);
  return {
    statements,
    allowStatements: statements.filter((statement) => statement.effect === 'Allow'),
    denyStatements: statements.filter((statement) => statement.effect === 'Deny'),
    allowBits,
    denyBits,
  };
}

/**
 * A parsed policy whose statements are compiled on first use. Most documents of a large
 * organisation are copies of another account's up to the account id: their principals' access
 * is renamed from the first copy's, and their own statements are never read.
 */
class LazyCompiledPolicy implements CompiledPolicy {
  private parts: CompiledParts | null = null;
  readonly principalFactConditionCount: number;

  constructor(
    readonly key: string,
    private parsed: ParsedPolicy | null,
    private readonly catalogue: ActionCatalogue,
    private readonly resourceMemo: ResourceApplicabilityMemo,
  ) {
    let count = 0;
    for (const statement of parsed?.statements ?? []) for (const condition of statement.conditions) if (isPrincipalFactKey(condition.key)) count += 1;
    this.principalFactConditionCount = count;
  }

  private compiled(): CompiledParts {
    if (!this.parts) {
      this.parts = compileParts(this.parsed as ParsedPolicy, this.catalogue, this.resourceMemo);
      this.parsed = null;
    }
    return this.parts;
  }

  get statements() {
    return this.compiled().statements;
  }
  get allowStatements() {
    return this.compiled().allowStatements;
  }
  get denyStatements() {
    return this.compiled().denyStatements;
  }
  get allowBits() {
    return this.compiled().allowBits;
  }
  get denyBits() {
    return this.compiled().denyBits;
  }
}

/** Compiles a parsed policy against the catalogue (statements on first use). Prefer `PolicyCompiler`, which caches. */
export function compilePolicy(key: string, parsed: ParsedPolicy, catalogue: ActionCatalogue, resourceMemo = new ResourceApplicabilityMemo()): CompiledPolicy {
  return new LazyCompiledPolicy(key, parsed, catalogue, resourceMemo);
}

/** Cache key of a managed policy: its ARN and default version identify its document. */
export function managedPolicyCacheKey(arn: string, versionId: string): string {
  return `managed:${arn}#${versionId}`;
}

type CacheEntry = { policy: CompiledPolicy } | { error: Error };

function policyOf(entry: CacheEntry): CompiledPolicy {
  if ('error' in entry) throw entry.error;
  return entry.policy;
}

/**
 * Parses and compiles each distinct policy once. Policies are shared by many principals and
 * accounts (AWS managed policies above all), so one compiler serves a whole snapshot. Parse
 * failures are cached too, so a broken document is reported without re-parsing it each time.
 */
export class PolicyCompiler {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly resourceMemo = new ResourceApplicabilityMemo();
  private readonly bySource: Record<PolicyKind, Map<PolicyDocumentSource, CacheEntry>> = { identity: new Map(), trust: new Map() };
  private readonly byText: Record<PolicyKind, Map<string, CacheEntry>> = { identity: new Map(), trust: new Map() };
  /** The text each policy was compiled from (the same strings as byText's keys, not copies). */
  private readonly texts = new Map<CompiledPolicy, string>();
  private distinctCount = 0;

  constructor(private readonly catalogue: ActionCatalogue) {}

  /**
   * The compiled policy for `key`, parsing `source` on first use. Throws `PolicyParseError`.
   * A miss on `key` looks the document text up before compiling: a customer managed policy
   * deployed to 1,000 accounts has 1,000 ARNs but one text, so it is compiled once and every
   * principal holding it shares the same compiled object (and the evaluator's memoised result).
   */
  compile(key: string, source: PolicyDocumentSource, kind: PolicyKind = 'identity'): CompiledPolicy {
    return policyOf(this.entryForKey(key, source, kind));
  }

  /**
   * The compiled policy of a document, looked up by the source value first: the same string or
   * object is met once per principal holding it, and neither its text nor a key is rebuilt each
   * time. On a miss, `stableKey` (a managed policy's ARN and version, see `compile`) or else the
   * text finds a policy compiled from another copy of the document.
   */
  compileDocument(source: PolicyDocumentSource, options: { kind?: PolicyKind; stableKey?: () => string } = {}): CompiledPolicy {
    const kind = options.kind ?? 'identity';
    const bySource = this.bySource[kind];
    let entry = bySource.get(source);
    if (!entry) {
      entry = options.stableKey ? this.entryForKey(options.stableKey(), source, kind) : this.entryForText(source, kind);
      bySource.set(source, entry);
    }
    return policyOf(entry);
  }

  private entryForKey(key: string, source: PolicyDocumentSource, kind: PolicyKind): CacheEntry {
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.entryForText(source, kind);
      this.cache.set(key, entry);
    }
    return entry;
  }

  private entryForText(source: PolicyDocumentSource, kind: PolicyKind): CacheEntry {
    // Keyed by the text itself, per kind: no prefixed copy of a long document is built and hashed.
    const byText = this.byText[kind];
    const text = documentText(source);
    let entry = byText.get(text);
    if (!entry) {
      this.distinctCount += 1;
      try {
        // A short key: the evaluator builds composite cache keys from it for every principal,
        // and hashing whole document texts there cost more than the evaluation itself.
        entry = { policy: compilePolicy(`#${this.distinctCount}`, parsePolicy(source, kind), this.catalogue, this.resourceMemo) };
        this.texts.set(entry.policy, text);
      } catch (error) {
        entry = { error: error instanceof Error ? error : new Error(String(error)) };
      }
      byText.set(text, entry);
    }
    return entry;
  }

  /** The document text a policy of this compiler was compiled from (JSON, or the string as given). */
  textOf(policy: CompiledPolicy): string | undefined {
    return this.texts.get(policy);
  }

  /** How many distinct policies were compiled (for benchmarks). */
  get size(): number {
    return this.distinctCount;
  }
}
