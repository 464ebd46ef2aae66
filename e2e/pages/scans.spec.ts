import { expect, test, type Page } from '@playwright/test';
import { ADMIN, READERS, describeAsEach, openPage, sameOriginHeaders, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { saveNarrowScreenshotWithoutOverflow, saveScreenshot } from '../support/screenshots';

/** The id of the newest published scan, read from the scans table. */
async function publishedScanId(page: Page): Promise<number> {
  await page.goto('/scans');
  const row = page.getByTestId('scans-table').locator('tbody tr', { hasText: 'published' }).first();
  const text = await row.getByRole('link', { name: /^Scan #\d+$/ }).innerText();
  return Number(text.replace('Scan #', ''));
}

describeAsEach(READERS, 'scans', (role) => {
  test('the history lists the demo import and passes axe', async ({ page }) => {
    await openPage(page, '/scans', 'Scans');
    const rows = page.getByTestId('scans-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('scans-table').locator('tbody tr', { hasText: 'published' }).first()).toBeVisible();
    const scanNow = page.getByTestId('scan-now').getByRole('button', { name: /Scan now|Scan in progress/ });
    if (role === 'admin') await expect(scanNow).toBeVisible();
    else await expect(scanNow).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'scans');
    await saveNarrowScreenshotWithoutOverflow(page, role, 'scans');
  });

  test('a scan detail lists its accounts', async ({ page }) => {
    const id = await publishedScanId(page);
    await page.getByRole('link', { name: `Scan #${id}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/scans/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Scan #${id}` })).toBeVisible();
    expect(await page.getByTestId('scan-accounts-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'scan-detail');
  });

  test('drift between a snapshot and itself is empty', async ({ page }) => {
    const id = await publishedScanId(page);
    await openPage(page, `/scans/drift?from=${id}&to=${id}`, 'Drift between snapshots');
    await expect(page.getByText(`From snapshot #${id} to #${id}.`)).toBeVisible();
    for (const heading of ['Widened entitlements', 'Narrowed entitlements', 'Entitlements added', 'Entitlements removed', 'Principals added', 'Principals removed']) {
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'drift');
  });

  test('an unknown scan answers 404', async ({ page }) => {
    const response = await page.goto('/scans/999999');
    expect(response?.status()).toBe(404);
  });
});

test.describe('scan now', () => {
  test('an admin queues a scan; it stays queued without a worker and a second request is refused', async ({ page, baseURL }) => {
    await signIn(page, ADMIN);
    await page.goto('/scans');
    const panel = page.getByTestId('scan-now');
    const button = panel.getByRole('button', { name: 'Scan now' });
    await expect(button).toBeEnabled();
    await button.click();

    const status = panel.getByRole('status');
    await expect(status).toContainText(/Scan #\d+: queued/);
    const scanId = Number(/Scan #(\d+)/.exec(await status.innerText())?.[1]);
    // The button cannot be pressed again while the scan waits for the worker.
    await expect(panel.getByRole('button', { name: 'Scan in progress' })).toBeDisabled();

    // A second request (as the button would send it) is refused with a message.
    const second = await page.request.post('/api/scans', { headers: sameOriginHeaders(baseURL), data: {} });
    expect(second.status()).toBe(409);
    expect(((await second.json()) as { error: string }).error).toMatch(new RegExp(`#${scanId}|already|queued|running`, 'i'));

    // After a reload the page follows the queued scan and still refuses a new one.
    await page.reload();
    await expect(panel.getByRole('status')).toContainText(`Scan #${scanId}: queued`);
    await expect(panel.getByRole('button', { name: 'Scan in progress' })).toBeDisabled();
    await expect(page.getByTestId('scans-table').locator('tbody tr').first()).toContainText(`Scan #${scanId}`);
    await expect(page.getByTestId('scans-table').locator('tbody tr').first()).toContainText('queued');
    await saveScreenshot(page, 'admin', 'scans-queued');
  });
});
