import { expect, test } from '@playwright/test';
import { ADMIN, AUDITOR, OWNER, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { uniqueName } from '../support/campaigns';
import { queryE2eDatabase } from '../support/database';
import { saveScreenshot } from '../support/screenshots';

/**
 * Certification of Identity Center assignments (#14) on the offline demo: an admin launches an
 * assignment campaign from the "New campaign" form, the owner of the accounts sees one item per
 * person, permission set, account and group in My reviews, with what the assignment grants and the
 * person's other access; the person page offers admins a revoke per assignment.
 */
const WIDTHS = [
  ['', { width: 1440, height: 900 }],
  ['-mobile', { width: 390, height: 844 }],
] as const;

test('an admin launches an assignment campaign; the owner reviews person, permission set and group in My reviews', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const name = uniqueName('GenAI assignments');
  await page.goto('/campaigns/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('radio', { name: /Identity Center assignments/ }).check();
  await expect(page.getByRole('group', { name: 'Principal types' })).toBeHidden();
  await page.getByLabel('Groups').fill('GenAIProdSupport');
  await page.getByLabel('Permission sets').fill('BedrockDeveloper');
  await page.getByRole('button', { name: 'Launch campaign' }).click();
  await expect(page).toHaveURL(/\/campaigns\/\d+$/);
  const campaignId = Number(/\/campaigns\/(\d+)$/.exec(page.url())?.[1]);
  await expect(page.getByText(/Identity Center assignments; groups GenAIProdSupport; permission sets BedrockDeveloper/).first()).toBeVisible();

  const items = queryE2eDatabase<{ reviewerEmail: string; viaGroupName: string; permissionSetName: string; itemKind: string }>(
    'SELECT reviewer_email AS reviewerEmail, via_group_name AS viaGroupName, permission_set_name AS permissionSetName, item_kind AS itemKind FROM campaign_items WHERE campaign_id = ?',
    campaignId,
  );
  // Four members of GenAIProdSupport x the two accounts it holds BedrockDeveloper in.
  expect(items).toHaveLength(8);
  expect(items.every((item) => item.itemKind === 'assignment' && item.viaGroupName === 'GenAIProdSupport' && item.permissionSetName === 'BedrockDeveloper')).toBe(true);
  const mine = items.filter((item) => item.reviewerEmail === OWNER).length;
  expect(mine).toBeGreaterThan(0);

  const ownerContext = await browser.newContext({ baseURL });
  const owner = await ownerContext.newPage();
  await signIn(owner, OWNER);
  await owner.goto(`/inbox?campaign=${campaignId}`);
  // One row per person x permission set x account x group in the dense review table.
  const rows = owner.getByTestId('review-table').locator('tbody tr[data-testid^="review-row-"]');
  await expect(rows).toHaveCount(mine);
  await expect(rows.first()).toContainText(/Permission set BedrockDeveloper via group GenAIProdSupport in \d{12}/);
  await rows.first().getByRole('button', { name: /^Details of / }).click();
  const contexts = owner.getByTestId('assignment-context');
  await expect(contexts.first()).toContainText('reaches permission set BedrockDeveloper member of group GenAIProdSupport (4 members)');
  await expect(contexts.first()).toContainText('AWSReservedSSO_BedrockDeveloper_');
  // No "IAM refuses" warning: the revoke of an assignment is carried out at Identity Center.
  await expect(owner.getByTestId('item-protected')).toHaveCount(0);
  await expectNoSeriousA11yViolations(owner);
  for (const [suffix, size] of WIDTHS) {
    await owner.setViewportSize(size);
    await saveScreenshot(owner, 'owner', `assignment-inbox${suffix}`);
  }
  await ownerContext.close();
});

test('the person page offers admins a revoke per assignment and auditors none', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/people?q=yusuf');
  await page.getByTestId('people-table').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Yusuf Demir' })).toBeVisible();
  const table = page.getByTestId('person-assignments');
  await expect(table.getByRole('button', { name: /^Request revocation of .* via group SecurityTeam$/ }).first()).toBeVisible();
  await table.getByRole('button', { name: /^Request revocation of / }).first().click();
  await expect(table.getByLabel('Justification')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const [suffix, size] of WIDTHS) {
    await page.setViewportSize(size);
    await saveScreenshot(page, 'admin', `person-assignment-revoke${suffix}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/people');
  for (const [suffix, size] of WIDTHS) {
    await page.setViewportSize(size);
    await saveScreenshot(page, 'admin', `people-list${suffix}`);
  }

  const auditor = await page.context().browser()?.newContext({ baseURL: new URL(page.url()).origin });
  if (!auditor) throw new Error('no browser');
  const auditorPage = await auditor.newPage();
  await signIn(auditorPage, AUDITOR);
  await auditorPage.goto(page.url().replace(/\/people$/, '/people?q=yusuf'));
  await auditorPage.getByTestId('people-table').locator('tbody tr').first().getByRole('link').click();
  await expect(auditorPage.getByRole('heading', { level: 1, name: 'Yusuf Demir' })).toBeVisible();
  await expect(auditorPage.getByTestId('person-assignments').getByRole('button')).toHaveCount(0);
  const refused = await auditorPage.request.post('/api/revocations/assignments', {
    headers: { origin: new URL(page.url()).origin, 'content-type': 'application/json' },
    data: { principalArn: 'arn:aws:iam::111122223333:role/x', entitlementKey: 'assignment|u|111122223333|arn:aws:sso:::permissionSet/x|direct', justification: 'auditor tries' },
  });
  expect(refused.status()).toBe(403);
  await auditor.close();
});
