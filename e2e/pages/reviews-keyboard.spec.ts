import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, OWNER, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { saveScreenshot } from '../support/screenshots';

/**
 * "My reviews" as a reviewer works it: a dense table riskiest first, j/k to move, a/r/d to decide
 * the focused row with focus in the form's first field, back to the next row after a decision, a
 * status line that links the revocation a revoke created, and errors in plain words.
 */
test.describe.configure({ mode: 'serial' });

let campaignId = 0;

test.beforeAll(async ({ browser, baseURL }) => {
  const page = await browser.newPage();
  await signIn(page, ADMIN);
  campaignId = await launchCampaignAsAdmin(page, baseURL, uniqueName('Keyboard reviews'));
  await page.close();
});

/** The item rows of the table (not the detail rows under them), in page order. */
function itemRows(page: Page): Locator {
  return page.getByTestId('review-table').locator('tbody tr[data-testid^="review-row-"]');
}

/** Opens the inbox and waits until the shortcuts are attached (a key pressed before hydration is lost). */
async function openInbox(page: Page, query = ''): Promise<void> {
  await page.goto(`/inbox?campaign=${campaignId}${query}`);
  await expect(page.locator('[data-keyboard-ready="true"]')).toHaveCount(1);
}

async function rowIds(page: Page): Promise<string[]> {
  return itemRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
}

test('the table lists one entitlement per row, riskiest first, with names and decisions on the row', async ({ page }) => {
  // Two axe runs and two full-page screenshots on a machine shared by several builds.
  test.setTimeout(180_000);
  await signIn(page, OWNER);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openInbox(page);
  const rows = itemRows(page);
  expect(await rows.count()).toBeGreaterThan(3);
  const scoreColumn = await page.getByTestId('review-table').locator('thead th').evaluateAll((cells) => cells.findIndex((cell) => cell.textContent?.startsWith('Score')));
  const scores = await rows.evaluateAll((elements, column) => elements.map((row) => Number(row.children[column]?.textContent)), scoreColumn);
  expect(scores).toEqual([...scores].sort((left, right) => right - left));
  // Account names, not bare ids, in the account column (the id on hover).
  const accountColumn = await page.getByTestId('review-table').locator('thead th').evaluateAll((cells) => cells.findIndex((cell) => cell.textContent === 'Account'));
  const account = rows.first().locator('td').nth(accountColumn).locator('span');
  await expect(account).toHaveAttribute('title', /^\d{12}$/);
  await expect(account).not.toHaveText(/^\d{12}$/);
  // Dense: about twenty rows fit a 900-pixel-high screen.
  const heights = await rows.evaluateAll((elements) => elements.slice(0, 10).map((row) => row.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThanOrEqual(44);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'owner', 'inbox-table');
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the rows stack: nothing scrolls sideways, and a row's score and decisions are on screen.
  await expect.poll(() => page.getByTestId('review-table').evaluate((table) => (table.parentElement?.scrollWidth ?? 0) - (table.parentElement?.clientWidth ?? 0))).toBeLessThanOrEqual(0);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const firstRow = rows.first();
  await firstRow.scrollIntoViewIfNeeded();
  await expect(firstRow.getByRole('button', { name: 'Revoke' })).toBeInViewport();
  await expect(firstRow.locator('td[data-label="Score"]')).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'owner', 'inbox-table-mobile');
});

test('j/k move the row focus, a opens the attest form with focus in its field, and typing there is not a shortcut', async ({ page }) => {
  await signIn(page, OWNER);
  await openInbox(page);
  const ids = await rowIds(page);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('j');
  await expect(page.getByTestId(ids[1])).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByTestId(ids[2])).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.getByTestId(ids[1])).toBeFocused();

  await page.keyboard.press('a');
  const form = page.getByRole('form', { name: /^Attest / });
  const field = form.getByRole('textbox').first();
  await expect(field).toBeFocused();
  await page.keyboard.type('jk ard');
  await expect(field).toHaveValue('jk ard');
  await expect(field).toBeFocused();
  // Escape closes the form and gives the focus back to the row.
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId(ids[1])).toBeFocused();
});

test('a refused decision explains itself in plain words, never a field path', async ({ page }) => {
  await signIn(page, OWNER);
  await openInbox(page);
  await itemRows(page).first().focus();
  await page.keyboard.press('r');
  const form = page.getByRole('form', { name: /^Revoke / });
  await page.keyboard.type('x');
  await form.getByRole('button', { name: 'Confirm revoke' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toHaveText('A justification of at least 3 characters is required.');
  await expect(alert).not.toContainText('decision.');
});

test('after attest the focus moves to the next row; a revoke says so and links its revocation', async ({ page }) => {
  await signIn(page, OWNER);
  await openInbox(page);
  const ids = await rowIds(page);
  await page.getByTestId(ids[0]).focus();
  await page.keyboard.press('a');
  await page.keyboard.type('Used by the nightly evaluation job, confirmed with the team (keyboard).');
  await page.getByRole('form', { name: /^Attest / }).getByRole('button', { name: 'Confirm attest' }).click();
  const status = page.getByRole('status').filter({ hasText: 'attested.' });
  await expect(status).toBeVisible();
  await expect(page.getByTestId(ids[1])).toBeFocused();
  // The decided item leaves the undecided list; the next one keeps the focus.
  await expect(page.getByTestId(ids[0])).toHaveCount(0);
  await expect(page.getByTestId(ids[1])).toBeFocused();

  await page.keyboard.press('r');
  await page.keyboard.type('Nobody on the team uses this access any more (keyboard).');
  await page.getByRole('form', { name: /^Revoke / }).getByRole('button', { name: 'Confirm revoke' }).click();
  const revoked = page.getByRole('status').filter({ hasText: 'revoked.' });
  await expect(revoked).toBeVisible();
  const link = revoked.getByRole('link', { name: /^Follow revocation #\d+$/ });
  await expect(link).toHaveAttribute('href', /^\/revocations\/\d+$/);
  await expect(page.getByTestId(ids[2])).toBeFocused();

  await page.keyboard.press('d');
  await expect(page.getByRole('form', { name: /^Delegate / }).getByLabel('Delegate to')).toBeFocused();
  await page.keyboard.press('Escape');
  await link.click();
  await expect(page).toHaveURL(/\/revocations\/\d+$/);
});

test('details open in place with the grant path, usage and the conflicts of this grant', async ({ page }) => {
  await signIn(page, OWNER);
  await openInbox(page, '&status=all');
  const first = itemRows(page).first();
  await first.getByRole('button', { name: /^Details/ }).click();
  const details = page.locator('[data-testid^="item-details-"]').first();
  await expect(details).toContainText('Grant path:');
  await expect(details.getByTestId('item-conflicts')).toContainText('SoD conflicts of this grant:');
  await expectNoSeriousA11yViolations(page);
});
