import { expect, test } from '@playwright/test';
import { READERS, describeAsEach, openPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { saveNarrowScreenshotWithoutOverflow, saveScreenshot } from '../support/screenshots';

describeAsEach(READERS, 'accounts and audit log', (role) => {
  test('accounts lists the demo organisation and passes axe', async ({ page }) => {
    await openPage(page, '/accounts', 'Accounts');
    const rows = page.getByTestId('accounts-table').locator('tbody tr');
    // demo/org holds eleven account files.
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('accounts-table')).toContainText(/\d{12}/);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'accounts');
    await saveNarrowScreenshotWithoutOverflow(page, role, 'accounts');
  });

  test('the audit log shows entries and filters, and passes axe', async ({ page }) => {
    await openPage(page, '/audit', 'Audit log');
    await expect(page.getByRole('search', { name: 'Filter the audit log' })).toBeVisible();
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'audit');
  });
});
