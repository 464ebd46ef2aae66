import { expect, test } from '@playwright/test';
import { READERS, describeAsEach } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { queryE2eDatabase } from '../support/database';
import { saveScreenshotsAtBothSizes } from '../support/screenshots';

/** A person of the latest snapshot with Bedrock access through their roles. */
function personWithAccess(): string {
  const [row] = queryE2eDatabase<{ userId: string }>(
    `SELECT user_id AS userId FROM identity_center_users WHERE scan_id = (SELECT max(id) FROM scans WHERE is_published = 1) AND tiers_mask > 0 ORDER BY score DESC, user_name LIMIT 1`,
  );
  if (!row) throw new Error('the demo import has no person with Bedrock access');
  return row.userId;
}

/** A demo person the demo's CloudTrail activity ties calls to (by UserId or their SSO session name). */
function personWithUsage(): string {
  const [row] = queryE2eDatabase<{ userId: string }>(
    `SELECT u.user_id AS userId FROM identity_center_users u WHERE u.scan_id = (SELECT max(id) FROM scans WHERE is_published = 1)
       AND EXISTS (SELECT 1 FROM usage_daily d WHERE d.caller_kind = 'person' AND d.calls > 0
         AND (d.caller_user_id = u.user_id OR (d.caller_user_id = '' AND d.caller_basis = 'identity-center-session' AND d.caller_name = u.user_name)))
     ORDER BY u.user_name LIMIT 1`,
  );
  if (!row) throw new Error('no demo person has CloudTrail usage: the demo activity does not use the Identity Center people');
  return row.userId;
}

describeAsEach(READERS, 'person usage', (role) => {
  test('the person page shows the usage evidence tied to their Identity Center UserId', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`/people/${encodeURIComponent(personWithAccess())}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Usage evidence' })).toBeVisible();
    await expect(page.getByTestId('usage-panel').getByTestId('usage-headline')).toHaveText(/^Holds \d+ actions?(, used \d+|; no CloudTrail evidence imported)$/);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizes(page, role, { desktop: 'person-usage', phone: 'person-usage-mobile' }, { scrollTo: '#usage' });
  });

  test('a demo person whose SSO sessions called Bedrock shows that use', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`/people/${encodeURIComponent(personWithUsage())}`);
    await expect(page.getByTestId('usage-panel').getByTestId('usage-headline')).toHaveText(/^Holds \d+ actions?, used [1-9]\d*$/);
    await saveScreenshotsAtBothSizes(page, role, { desktop: 'person-usage-used', phone: 'person-usage-used-mobile' }, { scrollTo: '#usage' });
  });
});
