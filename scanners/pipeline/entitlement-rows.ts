import { encodeGrantActions } from '../../db/queries/grant-actions';
import { hashText } from '../../db/content-hash';
import { entitlementKey, groupGrantsIntoEntitlements, type EntitlementGroup } from '../../lib/analysis/entitlements';
import { tiersToMask } from '../../lib/analysis/tier-mask';
import type { Grant, GrantPath } from '../../lib/analysis/types';
import { sharedJson, type SharedJsonMemo } from './shared-json';

/**
 * The values of a principal's `entitlements` and `grants` rows that do not name the principal,
 * built once per distinct set of grants: what makes persisting 100,000 principals cost about as
 * much as the distinct policy placements they hold, not principals x actions.
 */

/** An action list's text as `action_lists` stores it, and its key there. */
export interface ActionListText {
  text: string;
  hash: string;
}

export function actionListText(text: string): ActionListText {
  return { text, hash: hashText(text) };
}

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * Values remembered per run of grant objects, found by the run's first grant and confirmed by
 * comparing every grant object. Principals with the same access hold the same grant objects, but
 * equal ends do not make equal runs: an outcome recomputed for a principal's own Denies keeps
 * the grants those Denies do not touch (lib/analysis computeAccess) and replaces the others.
 */
export class GrantRunMemo<Value> {
  private readonly byFirstGrant = new WeakMap<Grant, Array<{ grants: readonly Grant[]; value: Value }>>();

  get(grants: readonly Grant[], start: number, end: number, build: () => Value): Value {
    const first = grants[start];
    let known = this.byFirstGrant.get(first);
    if (!known) {
      known = [];
      this.byFirstGrant.set(first, known);
    }
    const entry = known.find((candidate) => isSameRun(candidate.grants, grants, start, end));
    if (entry) return entry.value;
    const value = build();
    known.push({ grants: grants.slice(start, end), value });
    return value;
  }
}

function isSameRun(run: readonly Grant[], grants: readonly Grant[], start: number, end: number): boolean {
  if (run.length !== end - start) return false;
  for (let index = 0; index < run.length; index += 1) if (run[index] !== grants[start + index]) return false;
  return true;
}

/**
 * What is remembered while one account's rows are built. Per account, not per scan: the values
 * hold the encoded texts, and keeping them for every account cost hundreds of megabytes at
 * 20,000 principals for few hits (another account's principals mostly hold rebased copies).
 */
export interface EntitlementRowMemo {
  /**
   * The JSON of resource, region and condition lists: principals that share policies share those
   * arrays (see lib/analysis createEvaluator), so their text is built once, not once per principal.
   */
  listJson: SharedJsonMemo;
  /** The per-action detail of one statement's grants, serialised and hashed once per run of grant objects. */
  statementActionLists: GrantRunMemo<ActionListText>;
  runRows: GrantRunMemo<EntitlementRowValues>;
}

export function createEntitlementRowMemo(listJson: SharedJsonMemo): EntitlementRowMemo {
  return { listJson, statementActionLists: new GrantRunMemo(), runRows: new GrantRunMemo() };
}

function statementActionList(statementGrants: Grant[], memo: EntitlementRowMemo): ActionListText {
  return memo.statementActionLists.get(statementGrants, 0, statementGrants.length, () => actionListText(encodeGrantActions(statementGrants)));
}

/** The columns of one `grants` row that do not name the principal: the same for every principal holding the grants. */
export interface GrantRowValues {
  statementId: string | null;
  statementIndex: number;
  actions: ActionListText;
  tiersMask: number;
  resourcesJson: string;
  notResourcesJson: string;
  regionsJson: string;
  conditionsJson: string;
  isConditional: number;
  requiresGuardrail: number;
}

/** An entitlement row and its grant rows, less the principal's key and ids. */
export interface EntitlementRowValues {
  path: EntitlementGroup['path'];
  tiersMask: number;
  actions: ActionListText;
  actionCount: number;
  isConditional: boolean;
  grantRows: GrantRowValues[];
}

function rowValuesOf(groups: EntitlementGroup[], memo: EntitlementRowMemo): EntitlementRowValues[] {
  return groups.map((group) => ({
    path: group.path,
    tiersMask: tiersToMask(group.tiers),
    actions: actionListText(JSON.stringify(group.actions)),
    actionCount: group.actions.length,
    isConditional: group.isConditional,
    grantRows: group.statements.map((statement) => {
      const first = statement.grants[0];
      return {
        statementId: statement.statementId,
        statementIndex: statement.statementIndex,
        actions: statementActionList(statement.grants, memo),
        tiersMask: tiersToMask(statement.grants.map((grant) => grant.tier)),
        resourcesJson: sharedJson(first.resources, memo.listJson),
        notResourcesJson: sharedJson(first.notResources, memo.listJson),
        regionsJson: sharedJson(first.regions, memo.listJson),
        conditionsJson: sharedJson(first.conditions, memo.listJson),
        isConditional: flag(statement.grants.some((grant) => grant.isConditional)),
        requiresGuardrail: flag(statement.grants.every((grant) => grant.tier !== 'invoke' || grant.requiresGuardrail)),
      };
    }),
  }));
}

function isSameEntitlement(left: GrantPath, right: GrantPath): boolean {
  return left === right || (left.policyKind === right.policyKind && left.policyArn === right.policyArn && left.policyName === right.policyName && left.attachedVia === right.attachedVia && left.groupName === right.groupName);
}

/** A run of consecutive grants of one entitlement: `grants[start..end)`. */
interface GrantRun {
  start: number;
  end: number;
}

/**
 * The runs of consecutive grants that share an entitlement path. A principal's grants are the
 * grants of each of its policy placements one after the other (lib/analysis computeAccess), and
 * each placement is one entitlement, so each run is one placement's grants.
 */
function entitlementRuns(grants: readonly Grant[]): GrantRun[] {
  const runs: GrantRun[] = [];
  for (let index = 0; index < grants.length; index += 1) {
    const run = runs.at(-1);
    if (run && isSameEntitlement(grants[run.start].path, grants[index].path)) run.end = index + 1;
    else runs.push({ start: index, end: index + 1 });
  }
  return runs;
}

/** The rows of one run, built once per run of grant objects whichever principal holds it. */
function runRows(grants: readonly Grant[], run: GrantRun, memo: EntitlementRowMemo): EntitlementRowValues {
  return memo.runRows.get(grants, run.start, run.end, () => rowValuesOf(groupGrantsIntoEntitlements('', grants.slice(run.start, run.end)), memo)[0]);
}

/**
 * The entitlement and grant rows of a principal's grants, in the order `groupGrantsIntoEntitlements`
 * gives them. Built from the rows of each placement's run; when one entitlement's grants are
 * not one run (never seen from computeAccess, but not ruled out by the type), the whole list
 * is grouped instead. The entitlement key starts with the principal's ARN, so it is not part of
 * these values; grouping does not depend on it (every key of one principal starts the same way).
 */
export function entitlementRowValues(grants: readonly Grant[], memo: EntitlementRowMemo): EntitlementRowValues[] {
  const runs = entitlementRuns(grants);
  const keys = new Set(runs.map((run) => entitlementKey('', grants[run.start].path)));
  if (keys.size < runs.length) return rowValuesOf(groupGrantsIntoEntitlements('', grants), memo);
  return runs.map((run) => runRows(grants, run, memo));
}
