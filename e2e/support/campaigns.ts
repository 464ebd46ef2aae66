import { expect, type Page } from '@playwright/test';
import { sameOriginHeaders } from './auth';

/** A name no other spec (or earlier run against the same server) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Launches a one-off campaign over everything in the latest snapshot, as an admin, through the
 * same route the "New campaign" form posts to. The page must be signed in as an admin.
 */
export async function launchCampaignAsAdmin(page: Page, baseURL: string | undefined, name: string): Promise<number> {
  const response = await page.request.post('/api/campaigns', {
    headers: sameOriginHeaders(baseURL),
    data: { name, dueInDays: 14, closeBehaviour: 'report', schedule: null, scope: { accountIds: [], tiers: [], minScore: 0, principalTypes: [], onlyWithConflicts: false } },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { campaignId: number | null; itemCount: number };
  expect(body.campaignId).not.toBeNull();
  expect(body.itemCount).toBeGreaterThan(0);
  return body.campaignId as number;
}
