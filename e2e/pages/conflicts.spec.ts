import { expect, test } from '@playwright/test';
import { ADMIN, AUDITOR, OWNER, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { saveScreenshot } from '../support/screenshots';

for (const [role, email] of [
  ['admin', ADMIN],
  ['auditor', AUDITOR],
  ['owner', OWNER],
] as const) {
  test.describe(`SoD conflicts as ${role}`, () => {
    test.beforeEach(async ({ page }) => signIn(page, email));

    test('lists conflicts with both sides and passes axe', async ({ page }) => {
      await page.goto('/conflicts');
      await expect(page.getByRole('heading', { level: 1, name: 'SoD conflicts' })).toBeVisible();
      const filters = page.getByRole('search', { name: 'Filter conflicts' });
      for (const label of ['Rule', 'Severity', 'Account', 'Exceptions']) await expect(filters.getByLabel(label, { exact: true })).toBeVisible();
      const rows = page.getByTestId('conflicts-table').locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      await expect(rows.first().locator('code').first()).toHaveText(/^SOD-/);
      await expect(rows.first().getByText('Side A')).toBeVisible();
      await expect(rows.first().getByText('Side B')).toBeVisible();
      if (role === 'owner') {
        // Only the owner's principals: each row names its owner under the principal.
        for (const text of await rows.locator('td:nth-child(3) p').allInnerTexts()) expect(text).toContain(OWNER);
      }
      const acceptButtons = page.getByRole('button', { name: /^Accept SOD-.+ as an exception$/ });
      if (role === 'admin') expect(await acceptButtons.count()).toBeGreaterThan(0);
      else await expect(acceptButtons).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, role, 'conflicts');
    });
  });
}

test.describe('SoD conflicts as admin', () => {
  test.beforeEach(async ({ page }) => signIn(page, ADMIN));

  test('the accept-exception button opens a form with reason, expiry and submit', async ({ page }) => {
    await page.goto('/conflicts');
    const button = page.getByRole('button', { name: /^Accept SOD-.+ as an exception$/ }).first();
    const label = (await button.getAttribute('aria-label')) ?? '';
    const [, ruleId, principalName] = /^Accept (SOD-\S+) for (.+) as an exception$/.exec(label) ?? [];
    expect(ruleId).toBeTruthy();
    await button.click();
    const form = page.getByRole('form', { name: `Exception for ${ruleId} on ${principalName}` });
    await expect(form.getByLabel('Reason')).toBeVisible();
    await expect(form.getByLabel('Expires on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(form.getByRole('button', { name: 'Accept exception' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toHaveCount(0);
  });

  test('filtering by severity keeps only that severity', async ({ page }) => {
    await page.goto('/conflicts');
    const filters = page.getByRole('search', { name: 'Filter conflicts' });
    await filters.getByLabel('Severity').selectOption('critical');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/severity=critical/);
    const severities = await page.getByTestId('conflicts-table').locator('tbody tr td:first-child').allInnerTexts();
    expect(severities.length).toBeGreaterThan(0);
    for (const severity of severities) expect(severity.toLowerCase()).toContain('critical');
  });
});
