import { expect, test } from '@playwright/test';
import { ADMIN, AUDITOR, OWNER, signIn } from './support/auth';
import { expectNoSeriousA11yViolations } from './support/axe';

test.describe('sign-in', () => {
  test('the sign-in page lists the demo accounts and passes axe', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
    await expect(page.getByText(ADMIN)).toBeVisible();
    await expect(page.getByText(AUDITOR)).toBeVisible();
    await expect(page.getByText(OWNER)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(ADMIN);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next.js adds its own (empty) route announcer with role="alert"; ours is the one with text.
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test('an unknown email is refused', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill('mallory@example.com');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
  });

  for (const [email, landing] of [
    [ADMIN, /\/overview/],
    [AUDITOR, /\/overview/],
    [OWNER, /\/inbox/],
  ] as const) {
    test(`${email} lands on the page of its role`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(landing);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });
  }

  test('anonymous visitors are sent to sign-in', async ({ page }) => {
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/signin/);
  });
});
