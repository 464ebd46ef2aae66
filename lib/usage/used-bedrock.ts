import type { UsedBedrock } from '../analysis/recommendations/replacement-policy';
import { modelArnOf } from './recommend-from-usage';
import type { UsageDetail } from './summarize-usage';

/**
 * The actions and model ARNs CloudTrail saw the principal use, for narrowing a replacement policy;
 * null when no CloudTrail was ever imported (no evidence is not "unused").
 */
export function usedBedrockOf(detail: Pick<UsageDetail, 'actions' | 'modelRegions'>, hasCloudTrail: boolean, accountId: string): UsedBedrock | null {
  if (!hasCloudTrail) return null;
  const actions = Object.entries(detail.actions)
    .filter(([, count]) => count.calls > 0)
    .map(([action]) => action);
  const modelArns = Object.entries(detail.modelRegions).flatMap(([modelId, regions]) => regions.map((region) => modelArnOf(modelId, region, accountId)));
  return { actions, modelArns };
}
