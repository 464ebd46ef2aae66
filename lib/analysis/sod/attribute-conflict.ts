import type { Severity } from '../types';

/** One side of a stored conflict: the actions that put the principal on that side (any grant path). */
export interface ConflictSideActions {
  actions: readonly string[];
}

/** A principal's conflict with the actions of both sides, as stored with the snapshot. */
export interface AttributableConflict {
  ruleId: string;
  severity: Severity;
  title: string;
  sideA: readonly ConflictSideActions[];
  sideB: readonly ConflictSideActions[];
}

/** Which side(s) of a conflict an entitlement stands on; null when it stands on neither. */
export type ConflictParticipation = 'side-a' | 'side-b' | 'both' | null;

function actionSet(sides: readonly ConflictSideActions[]): Set<string> {
  const set = new Set<string>();
  for (const side of sides) for (const action of side.actions) set.add(action.toLowerCase());
  return set;
}

/**
 * Whether an entitlement participates in a principal's SoD conflict: it does when it grants one
 * of the actions that define a side (IAM action names compare case-insensitively). A read-only
 * entitlement of a principal whose other policies govern and invoke stands on neither side, so the
 * conflict is not its own; an entitlement granting both sides' actions causes the conflict alone.
 */
export function conflictParticipation(entitlementActions: readonly string[], conflict: Pick<AttributableConflict, 'sideA' | 'sideB'>): ConflictParticipation {
  const sideA = actionSet(conflict.sideA);
  const sideB = actionSet(conflict.sideB);
  let isOnA = false;
  let isOnB = false;
  for (const action of entitlementActions) {
    const key = action.toLowerCase();
    if (sideA.has(key)) isOnA = true;
    if (sideB.has(key)) isOnB = true;
    if (isOnA && isOnB) return 'both';
  }
  return isOnA ? 'side-a' : isOnB ? 'side-b' : null;
}

/** A conflict attributed to an entitlement, with the side it stands on. */
export interface AttributedConflict {
  ruleId: string;
  severity: Severity;
  title: string;
  participation: Exclude<ConflictParticipation, null>;
}

/** The principal's conflicts the entitlement takes part in (the others belong to other grants). */
export function attributeConflicts(entitlementActions: readonly string[], conflicts: readonly AttributableConflict[]): AttributedConflict[] {
  const attributed: AttributedConflict[] = [];
  for (const conflict of conflicts) {
    const participation = conflictParticipation(entitlementActions, conflict);
    if (participation) attributed.push({ ruleId: conflict.ruleId, severity: conflict.severity, title: conflict.title, participation });
  }
  return attributed;
}
