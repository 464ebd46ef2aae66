import { ObjectKeyedMemo } from './object-keyed-memo';
import type { CatalogueEntry } from '../catalogue/load-catalogue';
import { hasBit } from '../policy/bitset';
import type { CompiledStatement } from '../policy/compile-policy';
import type { ConditionEntry, DenialSource } from '../types';
import { type RegionSet, intersectRegions, regionsOfAllow, requiresGuardrail, unionRegions } from './condition-effects';
import { conditionEntry } from './compute-access';
import { scpLevelLabel, type GatePolicy, type ScpLevel } from './resolve-policies';
import { concatShared } from './shared-lists';

/**
 * What the permissions boundary and the SCP levels say about one action, independent of which
 * identity statement grants it (explicit Denies are handled per grant, since they depend on
 * the grant's resources).
 */
export interface ActionGate {
  /** The first boundary or SCP level that allows nothing for the action. */
  blockedBy: DenialSource | null;
  /** Conditions of the boundary / SCP Allow statements when none of them is unconditional. */
  conditions: ConditionEntry[];
  regions: RegionSet;
  /** Which gate narrowed the regions last, for reporting an empty region set. */
  regionSource: DenialSource | null;
  requiresGuardrail: boolean;
}

function allowingStatements(policies: GatePolicy[], action: CatalogueEntry): Array<{ statement: CompiledStatement; owner: GatePolicy }> {
  const found: Array<{ statement: CompiledStatement; owner: GatePolicy }> = [];
  for (const owner of policies) {
    if (!hasBit(owner.policy.allowBits, action.index)) continue;
    for (const statement of owner.policy.allowStatements) {
      if (hasBit(statement.actionBits, action.index) && statement.resourcesFor(action).length > 0) found.push({ statement, owner });
    }
  }
  return found;
}

const gateEntries = new ObjectKeyedMemo<CompiledStatement, string, ConditionEntry[]>();

/**
 * A gate statement's conditions as reported, one list per statement and placement: the gates of
 * hundreds of actions share it, and so do the grants that carry it (shared-lists.ts).
 */
function gateConditionEntries(statement: CompiledStatement, source: 'boundary' | 'scp', ownerName: string): ConditionEntry[] {
  return gateEntries.get(statement, `${source}\u0000${ownerName}`, () => statement.conditions.map((_, position) => conditionEntry(statement, position, source, ownerName)));
}

/** Applies one gate level (the boundary, or one SCP level) to the running result. */
function applyLevel(gate: ActionGate, policies: GatePolicy[], action: CatalogueEntry, source: 'boundary' | 'scp', levelName: string, levelArn: string | null): void {
  const allowing = allowingStatements(policies, action);
  if (allowing.length === 0) {
    gate.blockedBy ??= { source, kind: 'implicit', policyName: levelName, policyArn: levelArn, statementId: null, statementIndex: null };
    return;
  }
  // One unconditional Allow is enough: the level allows the action without conditions.
  if (allowing.some(({ statement }) => !statement.isConditional)) return;
  let regions: RegionSet = [];
  let isGuardrailRequired = true;
  for (const { statement, owner } of allowing) {
    gate.conditions = concatShared(gate.conditions, gateConditionEntries(statement, source, owner.name));
    // Any of the conditional Allows may be the one that applies: their regions add up.
    regions = unionRegions(regions, regionsOfAllow(statement.conditions));
    isGuardrailRequired &&= requiresGuardrail(statement.conditions, 'Allow');
  }
  if (regions !== null) {
    gate.regions = intersectRegions(gate.regions, regions);
    gate.regionSource = { source, kind: 'implicit', policyName: levelName, policyArn: levelArn, statementId: null, statementIndex: null };
  }
  gate.requiresGuardrail ||= isGuardrailRequired;
}

/**
 * The boundary must allow the action (when set); every SCP level, root to account, must have
 * an attached SCP that allows it (when SCPs apply).
 */
export function computeActionGate(action: CatalogueEntry, boundary: GatePolicy | null, scpLevels: ScpLevel[] | null): ActionGate {
  const gate: ActionGate = { blockedBy: null, conditions: [], regions: null, regionSource: null, requiresGuardrail: false };
  if (boundary) applyLevel(gate, [boundary], action, 'boundary', boundary.name, boundary.arn);
  for (const level of scpLevels ?? []) applyLevel(gate, level.policies, action, 'scp', scpLevelLabel(level), null);
  return gate;
}
