import { expect, test, type Page } from '@playwright/test';
import { ADMIN, AUDITOR, sameOriginHeaders, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { queryE2eDatabase } from '../support/database';
import { saveScreenshot } from '../support/screenshots';

/**
 * The admin side of campaigns (issue #19): the new-campaign form (account picker, live preview,
 * field messages), the owner-mapping page (warnings, match preview, delete confirmation) and the
 * campaigns list on the list kit, at desktop and phone width.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'the page scrolls sideways at 390 px').toBeLessThanOrEqual(PHONE.width);
}

async function readyPreview(page: Page) {
  const preview = page.getByTestId('scope-preview');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  return {
    items: Number((await preview.getByTestId('scope-preview-items').innerText()).replace(/,/g, '')),
    reviewers: Number((await preview.getByTestId('scope-preview-reviewers').innerText()).replace(/,/g, '')),
  };
}

test.describe('new campaign as admin', () => {
  test.beforeEach(async ({ page }) => signIn(page, ADMIN));

  test('the account picker searches by name or id, selects what it shows and clears', async ({ page }) => {
    await page.goto('/campaigns/new');
    const accounts = page.getByRole('group', { name: 'Accounts' });
    const total = await accounts.getByRole('checkbox').count();
    expect(total).toBeGreaterThan(5);
    await expect(page.getByTestId('account-picker-summary')).toHaveText(`None chosen: all ${total} accounts are in scope.`);

    await accounts.getByRole('searchbox', { name: 'Search accounts' }).fill('genai');
    const shown = accounts.getByRole('checkbox');
    const shownCount = await shown.count();
    expect(shownCount).toBeGreaterThan(1);
    expect(shownCount).toBeLessThan(total);
    for (const label of await accounts.locator('label:has(input[type=checkbox])').allInnerTexts()) expect(label.toLowerCase()).toContain('genai');
    await accounts.getByRole('button', { name: `Select the ${shownCount} shown` }).click();
    await expect(page.getByTestId('account-picker-summary')).toHaveText(`${shownCount} of ${total} accounts chosen.`);

    // Search by account id: the selection survives the new search.
    await accounts.getByRole('searchbox', { name: 'Search accounts' }).fill('974102938475');
    await expect(accounts.getByRole('checkbox')).toHaveCount(1);
    await expect(accounts.getByRole('checkbox', { name: /sandbox-data-science/ })).not.toBeChecked();
    await accounts.getByRole('checkbox', { name: /sandbox-data-science/ }).check();
    await expect(page.getByTestId('account-picker-summary')).toHaveText(`${shownCount + 1} of ${total} accounts chosen.`);

    await accounts.getByRole('searchbox', { name: 'Search accounts' }).fill('no-such-account');
    await expect(accounts.getByText('No account matches “no-such-account”.')).toBeVisible();
    await accounts.getByRole('searchbox', { name: 'Search accounts' }).fill('');
    await accounts.getByRole('button', { name: 'Clear' }).click();
    await expect(page.getByTestId('account-picker-summary')).toHaveText(`None chosen: all ${total} accounts are in scope.`);
    await accounts.getByRole('button', { name: 'Select all' }).click();
    await expect(page.getByTestId('account-picker-summary')).toHaveText(`${total} of ${total} accounts chosen.`);
  });

  test('the live preview counts the items and reviewers the launch then creates', async ({ page }) => {
    await page.goto('/campaigns/new');
    const everything = await readyPreview(page);
    expect(everything.items).toBeGreaterThan(0);

    // Narrow the scope: the preview follows (debounced) and shrinks.
    const accounts = page.getByRole('group', { name: 'Accounts' });
    await accounts.getByRole('searchbox', { name: 'Search accounts' }).fill('prod-');
    await accounts.getByRole('button', { name: /Select the \d+ shown/ }).click();
    await page.getByRole('group', { name: 'Principal types' }).getByRole('checkbox', { name: 'IAM roles' }).check();
    await expect(page.getByTestId('scope-preview')).toHaveAttribute('data-state', 'loading');
    const narrowed = await readyPreview(page);
    expect(narrowed.items).toBeGreaterThan(0);
    expect(narrowed.items).toBeLessThan(everything.items);
    await expect(page.getByTestId('scope-preview')).toContainText('Most items go to');

    // A scope that holds nothing says so before launch.
    await page.getByLabel('Minimum blast-radius score').fill('100');
    await page.getByLabel('Only principals with SoD conflicts').check();
    const none = await readyPreview(page);
    expect(none.items).toBe(0);
    await expect(page.getByTestId('scope-preview')).toContainText('the launch would be refused');
    await page.getByLabel('Minimum blast-radius score').fill('0');
    await page.getByLabel('Only principals with SoD conflicts').uncheck();
    const again = await readyPreview(page);
    expect(again).toEqual(narrowed);

    const name = uniqueName('Preview check');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Launch campaign' }).click();
    await expect(page).toHaveURL(/\/campaigns\/\d+$/);
    const campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    const [created] = queryE2eDatabase<{ items: number; reviewers: number }>('SELECT count(*) AS items, count(DISTINCT reviewer_email) AS reviewers FROM campaign_items WHERE campaign_id = ?', campaignId);
    expect(created).toEqual({ items: narrowed.items, reviewers: narrowed.reviewers });
  });

  test('each problem shows in plain words next to its field', async ({ page }) => {
    await page.goto('/campaigns/new');
    await page.getByLabel('Due in (days)').fill('0');
    await page.getByLabel('Minimum blast-radius score').fill('150');
    await expect(page.getByTestId('scope-preview')).toHaveAttribute('data-state', 'invalid');
    await page.getByRole('button', { name: 'Launch campaign' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'Check these fields: Name, Due in (days), Minimum blast-radius score.' })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Give the campaign a name of 3 to 120 characters.');
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Due in (days)')).toHaveAccessibleDescription('Enter a whole number of days from 1 to 365.');
    await expect(page.getByLabel('Minimum blast-radius score')).toHaveAccessibleDescription('Enter a whole number from 0 to 100.');
    await expect(page.locator('form').filter({ has: page.getByLabel('Due in (days)') })).not.toContainText(/dueInDays|minScore|accountIds|closeBehaviour|Too (small|big)|Invalid input|expected (number|string)/);
    await expect(page).toHaveURL(/\/campaigns\/new$/);

    await page.getByRole('radio', { name: 'Recurring (cron expression)' }).check();
    await page.getByRole('textbox', { name: 'Cron expression' }).fill('every monday');
    await page.getByLabel('Name', { exact: true }).fill('Weekly check');
    await page.getByLabel('Due in (days)').fill('14');
    await page.getByLabel('Minimum blast-radius score').fill('0');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await expect(page.getByRole('textbox', { name: 'Cron expression' })).toHaveAccessibleDescription(/This cron expression cannot be read .*Enter a cron expression/);
    await expect(page.getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('owner mapping as admin', () => {
  const createdRuleIds: number[] = [];

  test.afterAll(async ({ browser, baseURL }) => {
    const page = await browser.newPage();
    await signIn(page, ADMIN);
    for (const id of createdRuleIds) await page.request.delete(`/api/owner-mappings/${id}`, { headers: sameOriginHeaders(baseURL) });
    await page.close();
  });

  test('warns on an unknown reviewer, a catch-all and a duplicate priority, previews matches, and confirms deletes', async ({ page, baseURL }) => {
    await signIn(page, ADMIN);
    const existing = await page.request.post('/api/owner-mappings', {
      headers: sameOriginHeaders(baseURL),
      data: { priority: 4242, accountId: null, pathPrefix: null, namePattern: 'e2e-nothing-*', ownerEmail: 'maya@example.com' },
    });
    expect(existing.status(), await existing.text()).toBe(200);
    createdRuleIds.push(((await existing.json()) as { id: number }).id);

    await page.goto('/settings/owner-mappings');
    const preview = page.getByTestId('owner-mapping-preview');
    await page.getByLabel('Priority').fill('4242');
    await page.getByLabel('Owner email').fill('stranger@example.org');
    await expect(preview).toHaveAttribute('data-state', 'ready');
    const warnings = page.getByTestId('owner-mapping-warnings');
    await expect(warnings).toContainText('stranger@example.org is not an active user of this app');
    await expect(warnings).toContainText('This rule matches every principal');
    await expect(warnings).toContainText(`Priority 4242 is also used by rule ${createdRuleIds[0]}`);
    const everyHolder = Number((await page.getByTestId('owner-mapping-match-count').locator('span.font-semibold').first().innerText()).replace(/,/g, ''));
    expect(everyHolder).toBeGreaterThan(0);

    // Narrow to one account: fewer matches, with their names; the catch-all warning goes.
    await page.getByLabel('Account id').fill('974102938475');
    await expect(warnings).not.toContainText('matches every principal');
    await expect(page.getByTestId('owner-mapping-match-count')).toContainText(/Matches \d+ principals? holding Bedrock access \(/);
    const inAccount = Number((await page.getByTestId('owner-mapping-match-count').locator('span.font-semibold').first().innerText()).replace(/,/g, ''));
    expect(inAccount).toBeGreaterThan(0);
    expect(inAccount).toBeLessThan(everyHolder);
    await saveScreenshot(page, 'admin', 'owner-mappings-preview');

    // An invalid field is refused with a plain message under it.
    await page.getByLabel('Path prefix').fill('data-science/');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByLabel('Path prefix')).toHaveAccessibleDescription('Start the path with /, for example /data-science/, or leave it empty.');

    // Saved with its warnings: the rules table shows them as chips.
    await page.getByLabel('Path prefix').fill('');
    await page.getByLabel('Name pattern').fill('e2e-none-*');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByText('Rule added.', { exact: true })).toBeVisible();
    const table = page.getByTestId('owner-mapping-rules');
    const row = table.locator('tbody tr', { hasText: 'e2e-none-*' });
    await expect(row).toContainText('Unknown reviewer');
    await expect(row).toContainText('Duplicate priority');
    const ruleId = Number((await row.getByRole('button', { name: /^Delete rule \d+$/ }).getAttribute('aria-label'))?.replace('Delete rule ', ''));
    createdRuleIds.push(ruleId);
    await expectNoSeriousA11yViolations(page);

    // Deleting asks first; "Keep it" keeps it.
    await row.getByRole('button', { name: `Delete rule ${ruleId}` }).click();
    const confirm = table.getByRole('group', { name: `Confirm deleting rule ${ruleId}` });
    await expect(confirm).toContainText(`Delete rule ${ruleId}?`);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(row).toBeVisible();
    await expect(confirm).toHaveCount(0);
    expect(queryE2eDatabase<{ count: number }>('SELECT count(*) AS count FROM owner_mappings WHERE id = ?', ruleId)[0].count).toBe(1);

    await row.getByRole('button', { name: `Delete rule ${ruleId}` }).click();
    await table.getByRole('group', { name: `Confirm deleting rule ${ruleId}` }).getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByText(`Rule ${ruleId} deleted.`, { exact: true })).toBeVisible();
    await expect(table.locator('tbody tr', { hasText: 'e2e-none-*' })).toHaveCount(0);
    expect(queryE2eDatabase<{ count: number }>('SELECT count(*) AS count FROM owner_mappings WHERE id = ?', ruleId)[0].count).toBe(0);
  });
});

test.describe('campaigns list', () => {
  let activeName: string;
  test.beforeAll(async ({ browser, baseURL }) => {
    const page = await browser.newPage();
    await signIn(page, ADMIN);
    activeName = uniqueName('List kit');
    await launchCampaignAsAdmin(page, baseURL, activeName);
    await page.close();
  });

  test('filters by name and status in the URL, sorts on the server and pages', async ({ page }) => {
    await signIn(page, AUDITOR);
    await page.goto('/campaigns');
    const filters = page.getByRole('search', { name: 'Filter campaigns' });
    await filters.getByLabel('Search by name').fill(activeName);
    await filters.getByLabel('Status').selectOption('active');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/[?&]status=active/);
    const rows = page.getByTestId('campaigns-table').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('link', { name: activeName })).toBeVisible();
    await expect(page.getByTestId('pagination-summary')).toHaveText('Showing 1–1 of 1');

    await filters.getByLabel('Status').selectOption('closed');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('campaigns-empty')).toHaveText('No campaign matches these filters. Change or reset them to see more.');

    await page.goto('/campaigns?sort=name&direction=asc&status=bogus&page=abc');
    const names = await page.getByTestId('campaigns-table').locator('tbody tr td:first-child a').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});

test.describe('at phone and desktop width', () => {
  for (const [label, viewport] of [
    ['390', PHONE],
    ['1440', DESKTOP],
  ] as const) {
    test(`campaign admin pages fit ${label} px and pass axe`, async ({ page, baseURL }) => {
      await page.setViewportSize(viewport);
      await signIn(page, ADMIN);
      // A campaign and a rule with long values, so the tables are there to overflow if they would.
      await launchCampaignAsAdmin(page, baseURL, uniqueName(`Width ${label} check with a long campaign name`));
      const rule = await page.request.post('/api/owner-mappings', {
        headers: sameOriginHeaders(baseURL),
        data: { priority: 9000 + viewport.width, accountId: '974102938475', pathPrefix: '/a/rather/long/path/prefix/for/width/', namePattern: 'e2e-width-*', ownerEmail: 'nobody-here@example.org' },
      });
      expect(rule.status(), await rule.text()).toBe(200);
      const ruleId = ((await rule.json()) as { id: number }).id;
      try {
        for (const [path, name] of [
          ['/campaigns', 'campaigns-list'],
          ['/campaigns/new', 'campaign-new-form'],
          ['/settings/owner-mappings', 'owner-mappings'],
        ] as const) {
          await page.goto(path);
          if (path === '/campaigns') await expect(page.getByTestId('campaigns-table')).toBeVisible();
          if (path === '/campaigns/new') await expect(page.getByTestId('scope-preview')).toHaveAttribute('data-state', 'ready');
          if (path === '/settings/owner-mappings') await expect(page.getByTestId('owner-mapping-rules')).toContainText('e2e-width-*');
          if (viewport === PHONE) await expectNoHorizontalOverflow(page);
          await expectNoSeriousA11yViolations(page);
          await saveScreenshot(page, 'admin', `${name}-${label}`);
        }
      } finally {
        await page.request.delete(`/api/owner-mappings/${ruleId}`, { headers: sameOriginHeaders(baseURL) });
      }
    });
  }
});
