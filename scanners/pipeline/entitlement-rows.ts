import { encodeGrantActions } from '../../db/queries/grant-actions';
import { hashText } from '../../db/content-hash';
import { entitlementKey, groupGrantsIntoEntitlements, type EntitlementGroup } from '../../lib/analysis/entitlements';
import { tiersToMask } from '../../lib/analysis/tier-mask';
import type { Grant, GrantPath } from '../../lib/analysis/types';

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

// Principals that share policies share grant objects and arrays (see lib/analysis createEvaluator):
// their JSON is built once, not once per principal.
const jsonByValue = new WeakMap<object, string>();
function sharedJson(value: object): string {
  let text = jsonByValue.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonByValue.set(value, text);
  }
  return text;
}

/**
 * The per-action detail of one statement's grants. Principals with the same access hold the same
 * grant objects, so the text (and its hash) is remembered per (first grant, run): the action list
 * confirms that the run is the same, for a fraction of the cost of serialising it again.
 */
const statementListByFirstGrant = new WeakMap<Grant, Map<string, ActionListText>>();
function statementActionList(statementGrants: Grant[]): ActionListText {
  let byActions = statementListByFirstGrant.get(statementGrants[0]);
  if (!byActions) {
    byActions = new Map();
    statementListByFirstGrant.set(statementGrants[0], byActions);
  }
  const actionsKey = statementGrants.map((grant) => grant.action).join(',');
  let list = byActions.get(actionsKey);
  if (list === undefined) {
    list = actionListText(encodeGrantActions(statementGrants));
    byActions.set(actionsKey, list);
  }
  return list;
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

function rowValuesOf(groups: EntitlementGroup[]): EntitlementRowValues[] {
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
        actions: statementActionList(statement.grants),
        tiersMask: tiersToMask(statement.grants.map((grant) => grant.tier)),
        resourcesJson: sharedJson(first.resources),
        notResourcesJson: sharedJson(first.notResources),
        regionsJson: sharedJson(first.regions),
        conditionsJson: sharedJson(first.conditions),
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

/**
 * The rows of one run, remembered per (first grant, last grant, length): a placement's grants
 * are one shared, never-changed array whose grant objects belong to it alone (another account's
 * copy is rebased to new objects), so equal first and last objects and length mean the same
 * grants, whichever principal holds them.
 */
const runRowsByFirstGrant = new WeakMap<Grant, Array<{ last: Grant; length: number; rows: EntitlementRowValues }>>();
function runRows(grants: readonly Grant[], run: GrantRun): EntitlementRowValues {
  const first = grants[run.start];
  const last = grants[run.end - 1];
  const length = run.end - run.start;
  let known = runRowsByFirstGrant.get(first);
  if (!known) {
    known = [];
    runRowsByFirstGrant.set(first, known);
  }
  let entry = known.find((candidate) => candidate.last === last && candidate.length === length);
  if (!entry) {
    const [group] = groupGrantsIntoEntitlements('', grants.slice(run.start, run.end));
    entry = { last, length, rows: rowValuesOf([group])[0] };
    known.push(entry);
  }
  return entry.rows;
}

/**
 * The entitlement and grant rows of a principal's grants, in the order `groupGrantsIntoEntitlements`
 * gives them. Built from the rows of each placement's run; when one entitlement's grants are
 * not one run (never seen from computeAccess, but not ruled out by the type), the whole list
 * is grouped instead. The entitlement key starts with the principal's ARN, so it is not part of
 * these values; grouping does not depend on it (every key of one principal starts the same way).
 */
export function entitlementRowValues(grants: readonly Grant[]): EntitlementRowValues[] {
  const runs = entitlementRuns(grants);
  const keys = new Set(runs.map((run) => entitlementKey('', grants[run.start].path)));
  if (keys.size < runs.length) return rowValuesOf(groupGrantsIntoEntitlements('', grants));
  return runs.map((run) => runRows(grants, run));
}
