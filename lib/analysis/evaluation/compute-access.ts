import { ObjectKeyedMemo } from './object-keyed-memo';
import type { ActionCatalogue, CatalogueEntry } from '../catalogue/load-catalogue';
import { canResourcePatternsIntersect, isResourcePatternCoveredBy, matchesResourcePattern } from '../catalogue/wildcard';
import { type Bitset, createBitset, forEachBit, forEachCommonBit, hasBit, orInto } from '../policy/bitset';
import type { CompiledPolicy, CompiledStatement } from '../policy/compile-policy';
import type { ConditionEntry, DecidedCondition, DeniedAction, DenialSource, Grant, GrantPath, PrincipalAccess } from '../types';
import type { ActionGate } from './access-gate';
import { type RegionSet, intersectRegions, regionsLeftByDeny, regionsOfAllow, requiresGuardrail } from './condition-effects';
import { concatShared, sharedCombination } from './shared-lists';
import { AccountRebaser, mentionsAccount } from './rebase-access';
import { withoutOwnAccount, type IdentityPolicyRef, type ResolvedPrincipal } from './resolve-policies';

/** A Deny statement together with where it sits, for reporting. */
export interface DenyStatementRef {
  statement: CompiledStatement;
  source: 'identity' | 'boundary' | 'scp';
  policyName: string;
  policyArn: string | null;
}

/**
 * Every Deny statement that can apply to the principal: identity policies, boundary, SCPs.
 * With `isExempt`, instead the Deny statements that a principal-fact condition keeps from
 * applying to it (the break-glass role an SCP excepts).
 */
export function collectDenyStatements(resolved: ResolvedPrincipal, isExempt = false): DenyStatementRef[] {
  const denies: DenyStatementRef[] = [];
  const statementsOf = (policy: CompiledPolicy): CompiledStatement[] => (isExempt ? (policy.exemptStatements ?? []).filter((statement) => statement.effect === 'Deny') : policy.denyStatements);
  for (const ref of resolved.identity) {
    for (const statement of statementsOf(ref.policy)) denies.push({ statement, source: 'identity', policyName: ref.path.policyName, policyArn: ref.path.policyArn });
  }
  if (resolved.boundary) {
    for (const statement of statementsOf(resolved.boundary.policy)) denies.push({ statement, source: 'boundary', policyName: resolved.boundary.name, policyArn: resolved.boundary.arn });
  }
  for (const level of resolved.account.scpLevels ?? []) {
    for (const owner of level.policies) {
      for (const statement of statementsOf(owner.policy)) denies.push({ statement, source: 'scp', policyName: owner.name, policyArn: owner.arn });
    }
  }
  return denies;
}

const decidedLists = new ObjectKeyedMemo<CompiledStatement, string, DecidedCondition[]>();

/** The statement's decided principal-fact conditions as reported (shared per statement and policy name). */
export function decidedConditionsOf(statement: CompiledStatement, source: DecidedCondition['source'], policyName: string): DecidedCondition[] {
  if (!statement.decided || statement.decided.length === 0) return NO_DECIDED;
  return decidedLists.get(statement, `${source}\u0000${policyName}`, () =>
    (statement.decided ?? []).map((fact) => ({ source, effect: statement.effect, operator: fact.operator, key: fact.key, values: fact.values, holds: fact.holds, policyName })),
  );
}

const NO_DECIDED: DecidedCondition[] = [];

/** A statement's condition as reported, with why it could not be decided for the principal when that is known. */
export function conditionEntry(statement: CompiledStatement, position: number, source: ConditionEntry['source'], policyName: string): ConditionEntry {
  const condition = statement.conditions[position];
  const entry: ConditionEntry = { source, operator: condition.operator, key: condition.key, values: condition.values, policyName };
  const reason = statement.undecidedReasons?.get(position);
  if (reason !== undefined) entry.undecidedReason = reason;
  return entry;
}

function denialOf(deny: DenyStatementRef): DenialSource {
  const source: DenialSource = { source: deny.source, kind: 'explicit', policyName: deny.policyName, policyArn: deny.policyArn, statementId: deny.statement.sid, statementIndex: deny.statement.index };
  const decided = decidedConditionsOf(deny.statement, deny.source, deny.policyName);
  if (decided.length > 0) source.decided = decided;
  return source;
}

/**
 * Does the Deny cover every resource the pattern can name for this action? (Sound: may answer
 * false for exotic coverings.) A NotResource Deny covers what lies outside its patterns,
 * reasoned per resource type as the Allow path does (compile-policy.ts): a wildcard-only action
 * is requested on the literal `*`, which a specific ARN pattern never matches, and an action's
 * resources of a type the excluded patterns cannot name (agent ARNs against
 * `foundation-model/anthropic.*`) are all denied.
 */
function isCoveredByDeny(pattern: string, deny: CompiledStatement, action: CatalogueEntry): boolean {
  if (deny.resources) return deny.resourcesFor(action).some((denied) => isResourcePatternCoveredBy(pattern, denied));
  if (deny.notResources) {
    const excluded = deny.notResources;
    if (action.isWildcardOnly) return !excluded.some((exclusion) => matchesResourcePattern(exclusion, '*'));
    // Every resource the pattern names is of one of the action's types: for each type, the part
    // of the pattern inside it must miss every excluded pattern (pairwise disjointness suffices).
    return action.resourceGlobs.every(
      (glob) => !canResourcePatternsIntersect(pattern, glob) || excluded.every((exclusion) => !canResourcePatternsIntersect(glob, exclusion) || !canResourcePatternsIntersect(pattern, exclusion)),
    );
  }
  return true;
}

function canDenyTouch(pattern: string, deny: CompiledStatement, action: CatalogueEntry): boolean {
  if (deny.resources) return deny.resourcesFor(action).some((denied) => canResourcePatternsIntersect(pattern, denied));
  if (deny.notResources) return !deny.notResources.some((excluded) => isResourcePatternCoveredBy(pattern, excluded));
  return true;
}

type GrantOutcome = { grant: Grant } | { blockedBy: DenialSource };

/** What a statement's conditions mean, computed once per statement (statements are shared). */
interface ConditionEffects {
  regions: RegionSet;
  isGuardrailRequired: boolean;
  /** ConditionEntry lists by policy name: one compiled policy can reach principals under several names. */
  entriesByPolicy: Map<string, ConditionEntry[]>;
}

const allowEffects = new WeakMap<CompiledStatement, ConditionEffects>();
const denyEffects = new WeakMap<CompiledStatement, ConditionEffects>();

function effectsOf(statement: CompiledStatement): ConditionEffects {
  const cache = statement.effect === 'Allow' ? allowEffects : denyEffects;
  let effects = cache.get(statement);
  if (!effects) {
    effects = {
      regions: statement.effect === 'Allow' ? regionsOfAllow(statement.conditions) : regionsLeftByDeny(statement.conditions),
      isGuardrailRequired: requiresGuardrail(statement.conditions, statement.effect),
      entriesByPolicy: new Map(),
    };
    cache.set(statement, effects);
  }
  return effects;
}

function conditionEntries(statement: CompiledStatement, policyName: string): ConditionEntry[] {
  const effects = effectsOf(statement);
  let entries = effects.entriesByPolicy.get(policyName);
  if (!entries) {
    const source = statement.effect === 'Allow' ? 'allow' : 'deny';
    entries = statement.conditions.map((_condition, position) => conditionEntry(statement, position, source, policyName));
    effects.entriesByPolicy.set(policyName, entries);
  }
  return entries;
}

// Grants built from the same statement, Denies and gate share one region list (shared-lists.ts).
const intersectRegionsShared = sharedCombination(intersectRegions);

/** Builds one grant from one allowing statement, or says what blocks it. */
function evaluateCandidate(action: CatalogueEntry, statement: CompiledStatement, ref: IdentityPolicyRef, path: GrantPath, denies: DenyStatementRef[], exemptDenies: DenyStatementRef[], gate: ActionGate): GrantOutcome {
  let resources = statement.resourcesFor(action);
  const allow = effectsOf(statement);
  let conditions = conditionEntries(statement, ref.path.policyName);
  let regions: RegionSet = allow.regions;
  let regionSource: DenialSource | null = null;
  let isGuardrailRequired = allow.isGuardrailRequired || gate.requiresGuardrail;

  // Unconditional Denies first: they remove the resource patterns they fully cover.
  for (const deny of denies) {
    if (deny.statement.isConditional || !hasBit(deny.statement.actionBits, action.index)) continue;
    if (deny.statement.resourcesFor(action).length === 0) continue;
    resources = resources.filter((pattern) => !isCoveredByDeny(pattern, deny.statement, action));
    if (resources.length === 0) return { blockedBy: denialOf(deny) };
  }
  if (gate.blockedBy) return { blockedBy: gate.blockedBy };

  // A conditional Deny may or may not fire: the grant stays, labelled with the Deny's conditions.
  for (const deny of denies) {
    if (!deny.statement.isConditional || !hasBit(deny.statement.actionBits, action.index)) continue;
    if (deny.statement.resourcesFor(action).length === 0 || !resources.some((pattern) => canDenyTouch(pattern, deny.statement, action))) continue;
    conditions = concatShared(conditions, conditionEntries(deny.statement, deny.policyName));
    const effects = effectsOf(deny.statement);
    if (effects.regions !== null) {
      regions = intersectRegionsShared(regions, effects.regions);
      regionSource = denialOf(deny);
    }
    isGuardrailRequired ||= effects.isGuardrailRequired;
  }

  conditions = concatShared(conditions, gate.conditions);
  if (gate.regions !== null) {
    regions = intersectRegionsShared(regions, gate.regions);
    regionSource = gate.regionSource ?? regionSource;
  }
  if (regions !== null && regions.length === 0) {
    // The region conditions leave no region at all: the action cannot be used anywhere.
    return { blockedBy: regionSource ?? { source: 'identity', kind: 'implicit', policyName: ref.path.policyName, policyArn: ref.path.policyArn, statementId: statement.sid, statementIndex: statement.index } };
  }

  const grant: Grant = {
    action: action.name,
    tier: action.tier,
    resources: statement.notResources ? ALL_RESOURCES : resources,
    notResources: statement.notResources ?? NO_RESOURCES,
    regions: regions ?? ALL_REGIONS,
    conditions,
    isConditional: conditions.length > 0,
    requiresGuardrail: action.tier === 'invoke' && isGuardrailRequired,
    path,
  };
  // Principal-fact conditions decided on the way: the Allow's own, and each Deny that would
  // have touched the grant but does not apply to this principal.
  let decided = decidedConditionsOf(statement, 'identity', ref.path.policyName);
  for (const deny of exemptDenies) {
    if (!hasBit(deny.statement.actionBits, action.index) || deny.statement.resourcesFor(action).length === 0) continue;
    if (!resources.some((pattern) => canDenyTouch(pattern, deny.statement, action))) continue;
    decided = concatShared(decided, decidedConditionsOf(deny.statement, deny.source, deny.policyName));
  }
  if (decided.length > 0) grant.decided = decided;
  return { grant };
}

// Shared, never mutated: most grants have these exact values.
const ALL_RESOURCES = ['*'];
const NO_RESOURCES: string[] = [];
const ALL_REGIONS = ['*'];

/** The grants one identity policy yields for a principal, and the actions it allows but cannot use. */
export interface PolicyOutcome {
  grants: Grant[];
  supportingGrants: Grant[];
  /** The catalogue index of each grant's action (parallel to `grants`, and to `supportingGrants`). */
  grantIndexes: number[];
  supportingGrantIndexes: number[];
  granted: Set<number>;
  blocked: Map<number, DenialSource>;
}

function emptyOutcome(): PolicyOutcome {
  return { grants: [], supportingGrants: [], grantIndexes: [], supportingGrantIndexes: [], granted: new Set(), blocked: new Map() };
}

function addGrant(outcome: PolicyOutcome, action: CatalogueEntry, grant: Grant): void {
  if (action.isBedrock) {
    outcome.grants.push(grant);
    outcome.grantIndexes.push(action.index);
  } else {
    outcome.supportingGrants.push(grant);
    outcome.supportingGrantIndexes.push(action.index);
  }
  outcome.granted.add(action.index);
}

function addDenial(outcome: PolicyOutcome, index: number, blockedBy: DenialSource): void {
  const known = outcome.blocked.get(index);
  // An explicit Deny explains a denial better than a missing Allow.
  if (!known || (known.kind === 'implicit' && blockedBy.kind === 'explicit')) outcome.blocked.set(index, blockedBy);
}

/** Evaluates one statement's action for the principal into the outcome (skipped when the statement names none of its resources). */
function evaluateInto(outcome: PolicyOutcome, statement: CompiledStatement, action: CatalogueEntry, path: () => GrantPath, context: OutcomeInputs): void {
  if (statement.resourcesFor(action).length === 0) return;
  const result = evaluateCandidate(action, statement, context.ref, path(), context.denies, context.exemptDenies, context.gateFor(action));
  if ('grant' in result) addGrant(outcome, action, result.grant);
  else addDenial(outcome, action.index, result.blockedBy);
}

/** What evaluating a placement reads besides its statements. */
interface OutcomeInputs {
  ref: IdentityPolicyRef;
  catalogue: ActionCatalogue;
  denies: DenyStatementRef[];
  exemptDenies: DenyStatementRef[];
  gateFor: (action: CatalogueEntry) => ActionGate;
}

/** One path object per statement: its grants share it (less memory, cheap identity checks). */
function statementPath(ref: IdentityPolicyRef, statement: CompiledStatement): () => GrantPath {
  let path: GrantPath | null = null;
  return () => (path ??= { ...ref.path, statementId: statement.sid, statementIndex: statement.index });
}

/** The outcome of a placement, every statement and action evaluated. */
function computePolicyOutcome(context: OutcomeInputs): PolicyOutcome {
  const outcome = emptyOutcome();
  for (const statement of context.ref.policy.allowStatements) {
    const path = statementPath(context.ref, statement);
    forEachBit(statement.actionBits, (index) => evaluateInto(outcome, statement, context.catalogue.actions[index], path, context));
  }
  return outcome;
}

/**
 * The outcome of a placement without the principal's identity-policy Denies, and the actions those
 * Denies (applying or exempting) name. Every other action's result does not depend on them
 * (evaluateCandidate skips a Deny whose actions miss), so it is taken from the base, grant
 * objects included: principals whose own Denies differ still share the grants those Denies do
 * not touch, which is most of them.
 */
interface OutcomeBase {
  outcome: PolicyOutcome;
  touched: Bitset;
}

/**
 * The outcome of a placement from its base: only the actions the principal's own Denies name are
 * evaluated; the base's other grants are copied in the order a whole evaluation gives (statement
 * by statement, actions by catalogue index), and its other denials as they are.
 */
function computeOutcomeFromBase(context: OutcomeInputs, base: OutcomeBase): PolicyOutcome {
  const outcome = emptyOutcome();
  const bedrock = new BaseGrantCursor(base.outcome.grants, base.outcome.grantIndexes, { grants: outcome.grants, indexes: outcome.grantIndexes, granted: outcome.granted });
  const supporting = new BaseGrantCursor(base.outcome.supportingGrants, base.outcome.supportingGrantIndexes, { grants: outcome.supportingGrants, indexes: outcome.supportingGrantIndexes, granted: outcome.granted });
  for (const statement of context.ref.policy.allowStatements) {
    const path = statementPath(context.ref, statement);
    forEachCommonBit(statement.actionBits, base.touched, (index) => {
      const action = context.catalogue.actions[index];
      const cursor = action.isBedrock ? bedrock : supporting;
      cursor.copyBefore(statement.index, index);
      // The base's grant of this very action is replaced by the evaluation with the Denies.
      cursor.skipIfAt(statement.index, index);
      evaluateInto(outcome, statement, action, path, context);
    });
    bedrock.copyBefore(statement.index, Number.POSITIVE_INFINITY);
    supporting.copyBefore(statement.index, Number.POSITIVE_INFINITY);
  }
  for (const [index, source] of base.outcome.blocked) if (!hasBit(base.touched, index)) outcome.blocked.set(index, source);
  return outcome;
}

/** Walks one list of a base outcome's grants (in statement, then action index order) while an outcome is built from it. */
class BaseGrantCursor {
  private position = 0;

  constructor(
    private readonly grants: readonly Grant[],
    private readonly indexes: readonly number[],
    private readonly into: { grants: Grant[]; indexes: number[]; granted: Set<number> },
  ) {}

  /** Copies the base's grants of statement `statementIndex` whose action index is below `index`. */
  copyBefore(statementIndex: number, index: number): void {
    while (this.isAt(statementIndex) && this.indexes[this.position] < index) {
      this.into.grants.push(this.grants[this.position]);
      this.into.indexes.push(this.indexes[this.position]);
      this.into.granted.add(this.indexes[this.position]);
      this.position += 1;
    }
  }

  /** Steps over the base's grant of statement `statementIndex` and action `index`, if it has one. */
  skipIfAt(statementIndex: number, index: number): void {
    if (this.isAt(statementIndex) && this.indexes[this.position] === index) this.position += 1;
  }

  private isAt(statementIndex: number): boolean {
    return this.position < this.grants.length && this.grants[this.position].path.statementIndex === statementIndex;
  }
}

/** The key of a policy placement: the policy, reaching the principal the same way, in a context. */
function outcomeKey(ref: IdentityPolicyRef, contextKey: string, policyKey: string, policyArn: string | null): string {
  const path = ref.path;
  return `${contextKey}\u0002${policyKey}\u0000${path.policyKind}\u0000${policyArn}\u0000${path.policyName}\u0000${path.attachedVia}\u0000${path.groupName}`;
}

/** The cache contexts of a placement's outcome: within the account, and across accounts with the same SCPs. */
interface OutcomeContexts {
  local: string;
  shared: string;
}

/** The actions any of `denies` names. */
function actionsNamedBy(denies: DenyStatementRef[], catalogue: ActionCatalogue): Bitset {
  const named = createBitset(catalogue.actions.length);
  for (const deny of denies) orInto(named, deny.statement.actionBits);
  return named;
}

/** Policy outcomes, per account and across accounts (see computeAccess). */
export interface OutcomeCaches {
  local: Map<string, PolicyOutcome>;
  shared: Map<string, { outcome: PolicyOutcome; accountId: string; isAccountSpecific: boolean }>;
  /** Whether outcomes with a principal's own Denies start from the outcome without them (OutcomeBase). */
  isBaseReused: boolean;
}

export interface EvaluatorOptions {
  /**
   * Take the actions a principal's own Denies do not name from the outcome without them (the
   * default). Off, every outcome is computed whole: the reference the equivalence test compares with.
   */
  reuseOutcomesAcrossDenies?: boolean;
}

export function createOutcomeCaches(options: EvaluatorOptions = {}): OutcomeCaches {
  return { local: new Map(), shared: new Map(), isBaseReused: options.reuseOutcomesAcrossDenies ?? true };
}

function outcomeMentionsAccount(outcome: PolicyOutcome, accountId: string): boolean {
  return mentionsAccount(outcome, outcome.blocked.values(), accountId);
}

/** The outcome computed in another account, renamed to this one (see AccountRebaser). */
function rebaseOutcome(outcome: PolicyOutcome, fromAccountId: string, toAccountId: string): PolicyOutcome {
  const rebaser = new AccountRebaser(fromAccountId, toAccountId);
  const blocked = new Map<number, DenialSource>();
  for (const [index, source] of outcome.blocked) blocked.set(index, rebaser.denial(source));
  return { ...outcome, grants: outcome.grants.map((grant) => rebaser.grant(grant)), supportingGrants: outcome.supportingGrants.map((grant) => rebaser.grant(grant)), blocked };
}

/**
 * The effective access of a resolved principal. The outcome of each identity policy is cached
 * under (policy, path, account gates, boundary, set of Deny-bearing policies), so principals
 * that share a policy share its grant objects: work and memory grow with distinct policy
 * placements, not with principals x actions. Accounts with the same SCPs share outcomes too
 * (the same policy deployed to every account is evaluated once), rebased to each account's own
 * policy ARNs; an outcome that names the account's own SCP level stays with that account.
 * A principal's own Deny-bearing policies make its outcomes its own, but only for the actions
 * those Denies name: the rest, grant objects included, come from the outcome without them.
 */
export function computeAccess(
  resolved: ResolvedPrincipal,
  catalogue: ActionCatalogue,
  gateFor: (action: CatalogueEntry) => ActionGate,
  caches: OutcomeCaches,
  gateKey: string,
): PrincipalAccess {
  const accountId = resolved.account.accountId;
  const accountLevelLabel = resolved.account.accountLevelLabel;
  const portable = (arn: string | null) => (arn === null ? null : withoutOwnAccount(arn, accountId));
  const denies = collectDenyStatements(resolved);
  const exemptDenies = collectDenyStatements(resolved, true);
  // A policy whose Deny is decided not to apply still changes the outcome (its note on grants).
  const denyingRefs = resolved.identity.filter((ref) => ref.policy.denyStatements.length > 0 || (ref.policy.exemptStatements?.length ?? 0) > 0);
  const boundary = resolved.boundary;
  const contextsWith = (refs: IdentityPolicyRef[]): OutcomeContexts => ({
    local: `${gateKey}\u0004${refs.map((ref) => `${ref.policy.key}\u0000${ref.path.policyName}\u0000${ref.path.policyArn}`).join('\u0003')}`,
    shared: [
      resolved.account.signature,
      boundary ? `${resolved.boundarySharedKey}\u0000${boundary.name}\u0000${portable(boundary.arn)}` : '-',
      refs.map((ref) => `${ref.sharedKey}\u0000${ref.path.policyName}\u0000${portable(ref.path.policyArn)}`).join('\u0003'),
    ].join('\u0004'),
  });
  const outcomeOf = (ref: IdentityPolicyRef, contexts: OutcomeContexts, compute: () => PolicyOutcome): PolicyOutcome => {
    const localKey = outcomeKey(ref, contexts.local, ref.policy.key, ref.path.policyArn);
    let outcome = caches.local.get(localKey);
    if (outcome) return outcome;
    const sharedKey = outcomeKey(ref, contexts.shared, ref.sharedKey, portable(ref.path.policyArn));
    const shared = caches.shared.get(sharedKey);
    if (shared) {
      outcome = !shared.isAccountSpecific || shared.accountId === accountId ? shared.outcome : rebaseOutcome(shared.outcome, shared.accountId, accountId);
    } else {
      outcome = compute();
      const namesThisAccount = accountLevelLabel !== null && [...outcome.blocked.values()].some((source) => source.policyName === accountLevelLabel);
      if (!namesThisAccount) caches.shared.set(sharedKey, { outcome, accountId, isAccountSpecific: outcomeMentionsAccount(outcome, accountId) });
    }
    caches.local.set(localKey, outcome);
    return outcome;
  };
  // Without identity-policy Denies, a placement's outcome is the one every principal without
  // them gets (the same cache keys); with them, it is that outcome with the actions they name
  // evaluated again (OutcomeBase).
  const baseContexts = contextsWith([]);
  const baseDenies = denies.filter((deny) => deny.source !== 'identity');
  const baseExemptDenies = exemptDenies.filter((deny) => deny.source !== 'identity');
  const baseOf = (ref: IdentityPolicyRef) => outcomeOf(ref, baseContexts, () => computePolicyOutcome({ ref, catalogue, denies: baseDenies, exemptDenies: baseExemptDenies, gateFor }));
  const contexts = denyingRefs.length === 0 ? baseContexts : contextsWith(denyingRefs);
  const touched = denyingRefs.length === 0 ? null : actionsNamedBy([...denies, ...exemptDenies].filter((deny) => deny.source === 'identity'), catalogue);
  const outcomes = resolved.identity.map((ref) =>
    touched === null
      ? baseOf(ref)
      : outcomeOf(ref, contexts, () => {
          const inputs = { ref, catalogue, denies, exemptDenies, gateFor };
          // A principal's own inline policy reaches no one else: a base would be computed for it alone.
          const isShareable = ref.path.policyKind === 'managed' || ref.path.attachedVia === 'group';
          return caches.isBaseReused && isShareable ? computeOutcomeFromBase(inputs, { outcome: baseOf(ref), touched }) : computePolicyOutcome(inputs);
        }),
  );

  const denied: DeniedAction[] = [];
  const blocked = new Map<number, DenialSource>();
  for (const outcome of outcomes) {
    for (const [index, source] of outcome.blocked) {
      const known = blocked.get(index);
      if (!known || (known.kind === 'implicit' && source.kind === 'explicit')) blocked.set(index, source);
    }
  }
  for (const index of [...blocked.keys()].sort((left, right) => left - right)) {
    const action = catalogue.actions[index];
    if (!action.isBedrock || outcomes.some((outcome) => outcome.granted.has(index))) continue;
    denied.push({ action: action.name, tier: action.tier, deniedBy: blocked.get(index) as DenialSource });
  }
  // One policy: its arrays are returned as they are (shared, read-only).
  const grants = outcomes.length === 1 ? outcomes[0].grants : outcomes.flatMap((outcome) => outcome.grants);
  const supportingGrants = outcomes.length === 1 ? outcomes[0].supportingGrants : outcomes.flatMap((outcome) => outcome.supportingGrants);
  return { grants, supportingGrants, denied, errors: resolved.errors };
}
