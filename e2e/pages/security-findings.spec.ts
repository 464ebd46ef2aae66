import { expect, test } from '@playwright/test';
import { ADMIN, SECOND_ADMIN, sameOriginHeaders, signIn, signedInPage } from '../support/auth';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { queryE2eDatabase } from '../support/database';
import { requestRevocation } from '../support/revocations';
import { REVIEWED_SIZES, saveScreenshot } from '../support/screenshots';

/** Issue 17's findings that only a running server shows: crafted page numbers, TRACE, four-eyes. */

const HOSTILE_PAGES = ['1e308', '-5', 'NaN', 'Infinity', '2.5', '99999999999999999999999'];

test.describe('crafted requests get an answer, not a 500', () => {
  test('page numbers are clamped on every list page', async ({ page, baseURL }) => {
    await signIn(page, ADMIN);
    const campaignId = await launchCampaignAsAdmin(page, baseURL, uniqueName('Hostile pages'));
    for (const path of ['/revocations', '/campaigns', `/campaigns/${campaignId}`, '/inbox', '/scans']) {
      for (const value of HOSTILE_PAGES) {
        const response = await page.request.get(`${path}?page=${encodeURIComponent(value)}`);
        expect(response.status(), `${path}?page=${value}`).toBe(200);
      }
    }
  });

  test('TRACE is refused with 405', async ({ page }) => {
    await signIn(page, ADMIN);
    for (const path of ['/', '/revocations', '/api/revocations']) {
      const response = await page.request.fetch(path, { method: 'TRACE' });
      expect(response.status(), path).toBe(405);
    }
  });
});

function revocableEntitlement(): { arn: string; key: string } {
  const [row] = queryE2eDatabase<{ arn: string; key: string }>(
    `SELECT p.arn AS arn, e.entitlement_key AS key FROM entitlements e JOIN principals p ON p.id = e.principal_id
     WHERE e.scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)
       AND p.type = 'user' AND e.attached_via = 'direct' AND e.policy_kind = 'managed'
       AND e.entitlement_key NOT IN (SELECT entitlement_key FROM revocations)
     ORDER BY e.id DESC LIMIT 1`,
  );
  if (!row) throw new Error('No revocable entitlement left in the e2e database.');
  return row;
}

test('four-eyes by default: the requester cannot approve; a second admin approves with a comment', async ({ browser, baseURL }) => {
  const requester = await signedInPage(browser, baseURL, ADMIN);
  const { arn, key } = revocableEntitlement();
  const id = await requestRevocation(requester, baseURL, { principalArn: arn, entitlementKey: key, justification: 'Left the team in November.' });

  await requester.goto('/revocations');
  await expect(requester.getByTestId('four-eyes-mode')).toContainText('Four-eyes approval is on');
  await requester.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(requester, 'admin', 'revocations-four-eyes');

  await requester.goto(`/revocations/${id}`);
  await expect(requester.getByTestId('four-eyes-mode')).toContainText(`an admin other than the requester (${ADMIN}) approves`);
  const form = requester.getByRole('form', { name: 'Approve the plan' });
  await expect(form.getByRole('button', { name: 'Approve plan' })).toBeDisabled();
  await form.getByLabel('Approval comment').fill('My own request.');
  await form.getByRole('button', { name: 'Approve plan' }).click();
  await expect(requester.getByText('Four-eyes approval: someone other than the requester must approve.')).toBeVisible();
  const withoutComment = await requester.request.post(`/api/revocations/${id}/approve`, { headers: sameOriginHeaders(baseURL), data: {} });
  expect(withoutComment.status()).toBe(400);

  const approver = await signedInPage(browser, baseURL, SECOND_ADMIN, REVIEWED_SIZES.phone);
  await approver.goto(`/revocations/${id}`);
  await saveScreenshot(approver, 'admin', 'revocation-approve-four-eyes-mobile');
  await approver.getByRole('form', { name: 'Approve the plan' }).getByLabel('Approval comment').fill('Checked with the owner: unused since the move.');
  await approver.getByRole('button', { name: 'Approve plan' }).click();
  await expect(approver.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} approved`);
  await expect(approver.getByText(`approved by ${SECOND_ADMIN}: “Checked with the owner: unused since the move.”`)).toBeVisible();
});
