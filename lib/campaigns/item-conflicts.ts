import { attributeConflicts, type AttributableConflict, type ConflictParticipation } from '../analysis/sod/attribute-conflict';
import type { CampaignItemContext, ItemRecommendation } from './item-context';

export interface ItemConflict {
  ruleId: string;
  severity: CampaignItemContext['conflicts'][number]['severity'];
  title: string;
  /** The side the entitlement stands on; 'unknown' when the snapshot no longer holds the conflict's sides. */
  participation: Exclude<ConflictParticipation, null> | 'unknown';
}

export interface ItemConflicts {
  /** The conflicts this entitlement takes part in. */
  own: ItemConflict[];
  /** How many of the principal's conflicts come from its other grants only. */
  otherCount: number;
}

/**
 * Splits the principal's conflicts frozen with an item into the entitlement's own and the others',
 * by the actions of each conflict's sides in the launch snapshot. A conflict whose sides are not
 * stored (snapshot pruned, older format without sides) stays with the item, marked 'unknown':
 * dropping it would hide a conflict the reviewer should see.
 */
export function splitItemConflicts(context: Pick<CampaignItemContext, 'conflicts' | 'actions'>, stored: readonly AttributableConflict[] | undefined): ItemConflicts {
  const withSides = new Map((stored ?? []).filter((conflict) => conflict.sideA.length > 0 && conflict.sideB.length > 0).map((conflict) => [conflict.ruleId, conflict]));
  const own: ItemConflict[] = [];
  let otherCount = 0;
  for (const conflict of context.conflicts) {
    const sides = withSides.get(conflict.ruleId);
    if (!sides) {
      own.push({ ...conflict, participation: 'unknown' });
      continue;
    }
    const [attributed] = attributeConflicts(context.actions, [sides]);
    if (attributed) own.push({ ...conflict, participation: attributed.participation });
    else otherCount += 1;
  }
  return { own, otherCount };
}

/**
 * The recommendation to show beside an item once its conflicts are attributed. At launch "look
 * closer" is recommended for every entitlement of a principal with conflicts; an entitlement whose
 * actions stand on no side of any of them (a read-only policy beside an admin one) is not what
 * the conflicts are about, so it is recommended on its own merits: keep. Revoke stays revoke.
 */
export function recommendationForItem(recommendation: ItemRecommendation, conflicts: ItemConflicts): ItemRecommendation {
  if (recommendation.decision !== 'review' || conflicts.own.length > 0 || conflicts.otherCount === 0) return recommendation;
  const count = conflicts.otherCount;
  return { decision: 'attest', reason: `No separation-of-duties conflict of its own: the principal's ${count} ${count === 1 ? 'conflict comes' : 'conflicts come'} from its other grants.` };
}
