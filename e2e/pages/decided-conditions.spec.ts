import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { saveScreenshot } from '../support/screenshots';

/**
 * The demo organisation's ProtectSecurityServices SCP denies deleting the Bedrock invocation
 * logging configuration to everyone but the SecurityAdmin Identity Center roles
 * (`ArnNotLike aws:PrincipalArn`). The engine decides that per principal: the denial shows the
 * decided condition as a sentence, and the SecurityAdmin role's grant shows why it is spared.
 */

const SECURITY_TOOLING = '318274650192';
const SENTENCE = 'aws:PrincipalArn does not match arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_SecurityAdmin_*';

async function openPrincipal(page: import('@playwright/test').Page, query: string): Promise<void> {
  await page.goto(`/principals?q=${encodeURIComponent(query)}&account=${SECURITY_TOOLING}`);
  await page.getByTestId('principals-table').locator('tbody tr').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/principals\/\d+$/);
}

test.describe('decided principal-fact conditions', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ADMIN);
  });

  test('a break-glass SCP denial names the decided condition', async ({ page }) => {
    await openPrincipal(page, 'guardrail-compliance-checker');
    const denied = page.locator('#denied');
    await expect(denied.getByText('bedrock:DeleteModelInvocationLoggingConfiguration')).toBeVisible();
    await expect(denied.getByText(`SCP ProtectSecurityServices denies: ${SENTENCE}`)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'admin', 'principal-decided-denial');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'admin', 'principal-decided-denial-mobile');
  });

  test('the exempted SecurityAdmin role shows why the SCP does not deny it', async ({ page }) => {
    await openPrincipal(page, 'AWSReservedSSO_SecurityAdmin');
    const grants = page.locator('#grants');
    // The statements sit behind "Show all" (#19: grants by tier first); the decided conditions are in them.
    for (const summary of await grants.locator('summary', { hasText: /^Show all/ }).all()) await summary.click();
    await expect(grants.getByTestId('decided-conditions').getByText('SCP ProtectSecurityServices does not deny: aws:PrincipalArn matches arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_SecurityAdmin_*').first()).toBeVisible();
    await saveScreenshot(page, 'admin', 'principal-decided-exemption');
  });
});
