import { expect, type Page } from '@playwright/test';
import { sameOriginHeaders } from './auth';
import { findRevocationIdForItem } from './database';

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

/**
 * Decides "revoke" on the inbox row named `label` (the page shows the inbox with that row), with a
 * justification, and returns the id of the revocation request the decision created.
 */
export async function revokeInInbox(page: Page, decision: { label: string; justification: string; itemId: number; port: string }): Promise<number> {
  await page.getByRole('group', { name: `Decide ${decision.label}` }).getByRole('button', { name: 'Revoke' }).click();
  const form = page.getByRole('form', { name: `Revoke ${decision.label}` });
  await form.getByLabel('Justification').fill(decision.justification);
  await form.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${decision.label} revoked.` })).toBeVisible();
  const revocationId = findRevocationIdForItem(decision.itemId, decision.port);
  expect(revocationId, 'the revoke decision creates a revocation request').not.toBeNull();
  return revocationId as number;
}
