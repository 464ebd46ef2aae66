import { expect, type Page } from '@playwright/test';
import { sameOriginHeaders } from './auth';

/** Requests the revocation of one entitlement through the API, as the signed-in `page`; returns its id. */
export async function requestRevocation(page: Page, baseURL: string | undefined, request: { principalArn: string; entitlementKey: string; justification: string }): Promise<number> {
  const created = await page.request.post('/api/revocations', { headers: sameOriginHeaders(baseURL), data: request });
  expect(created.status(), await created.text()).toBe(200);
  return ((await created.json()) as { id: number }).id;
}
