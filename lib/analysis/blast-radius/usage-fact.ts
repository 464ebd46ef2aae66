import type { BedrockUsageFact } from '../types';

/** CloudTrail's Bedrock calls per principal ARN over a window, as the scan knows them before analysis. */
export interface UsageEvidenceForScoring {
  windowDays: number;
  /** Principals absent from the map made no successful Bedrock call in the window. */
  byPrincipal: ReadonlyMap<string, { calls: number; lastUsed: string | null }>;
}

const DAY_MS = 86_400_000;

/**
 * The usage fact of one principal: null without evidence (no CloudTrail read: unknown, never
 * "unused"). An unreadable creation date counts as old enough to judge.
 */
export function usageFactOf(evidence: UsageEvidenceForScoring | null | undefined, principalArn: string, createDate: string, now: Date): BedrockUsageFact | null {
  if (!evidence) return null;
  const used = evidence.byPrincipal.get(principalArn);
  const created = Date.parse(createDate);
  const ageDays = Number.isNaN(created) ? Number.MAX_SAFE_INTEGER : Math.max(0, Math.floor((now.getTime() - created) / DAY_MS));
  return { windowDays: evidence.windowDays, calls: used?.calls ?? 0, lastUsed: used?.lastUsed ?? null, ageDays };
}
