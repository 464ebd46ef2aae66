import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { queryE2eDatabaseOfPort } from '../support/database';
import { saveScreenshot } from '../support/screenshots';

/**
 * Production sign-in against a real OpenID Connect provider (issue 21): `oidc-provider` on
 * loopback, a confidential client with PKCE, the production build without demo mode
 * (scripts/oidc-e2e-server.ts). The provider keeps `email` and `groups` out of the ID token (its
 * default in the code flow), so every sign-in here also proves the userinfo fallback.
 */
const PORT = process.env.E2E_OIDC_PORT ?? '3102';

function issuer(): string {
  return (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'data', `oidc-e2e-${PORT}.json`), 'utf8')) as { issuer: string }).issuer;
}

async function setProviderDown(isDown: boolean): Promise<void> {
  const response = await fetch(`${issuer()}/__e2e/${isDown ? 'down' : 'up'}`, { method: 'POST' });
  expect(response.ok).toBe(true);
}

/** Starts SSO from our sign-in page and goes through the provider's own login and consent pages. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Sign in with Example IdP' }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // The consent page, the first time this account authorises the client in this browser.
  await page.getByRole('button', { name: 'Continue' }).click();
}

function refusalsFor(email: string): { reason: string }[] {
  return queryE2eDatabaseOfPort<{ after: string }>(PORT, `SELECT after FROM audit_log WHERE action = 'auth.sign-in-refused' AND actor = ? ORDER BY id`, email).map((row) => JSON.parse(row.after) as { reason: string });
}

test.beforeEach(async ({ page }) => {
  // The provider's development pages import a web font: no network beyond loopback here.
  await page.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
});

test.describe('single sign-on with a real OpenID Connect provider', () => {
  test('the production sign-in page offers only single sign-on (no demo form)', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.getByRole('button', { name: 'Sign in with Example IdP' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Demo accounts' })).toHaveCount(0);
  });

  test('an admin signs in through the provider and lands on Overview as admin', async ({ page }) => {
    await signInThroughProvider(page, 'admin');
    await expect(page).toHaveURL(/\/overview/);
    await expect(page.getByRole('banner').getByText('Admin', { exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toBeVisible();
  });

  test('an owner signs in and sees her review inbox', async ({ page }) => {
    await signInThroughProvider(page, 'maya');
    await expect(page).toHaveURL(/\/inbox/);
    await expect(page.getByRole('banner').getByText('Owner', { exact: true })).toBeVisible();
  });

  test('a person the app does not know is refused with a message, and the refusal is audited', async ({ page }) => {
    await signInThroughProvider(page, 'mallory');
    await expect(page).toHaveURL(/\/signin\?error=NotProvisioned/);
    await expect(page.getByRole('alert').filter({ hasText: 'You do not have access to Bedrock Access Review.' })).toBeVisible();
    expect(refusalsFor('mallory@example.com').map((entry) => entry.reason)).toContain('NotProvisioned');
  });

  test('an ID token for an admin email with email_verified false is refused', async ({ page }) => {
    await signInThroughProvider(page, 'unverified-admin');
    await expect(page).toHaveURL(/\/signin\?error=EmailUnverified/);
    await expect(page.getByRole('alert').filter({ hasText: 'Your email address is not verified' })).toBeVisible();
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/signin/);
    expect(refusalsFor('admin@example.com').map((entry) => entry.reason)).toContain('EmailUnverified');
  });

  test('a group claim from userinfo maps to auditor and provisions the user just in time', async ({ page }) => {
    await signInThroughProvider(page, 'zoe');
    await expect(page).toHaveURL(/\/overview/);
    await expect(page.getByRole('banner').getByText('Auditor (read-only)')).toBeVisible();
    const [user] = queryE2eDatabaseOfPort<{ role: string; source: string }>(PORT, `SELECT role, source FROM users WHERE email = 'zoe@example.com'`);
    expect(user).toEqual({ role: 'auditor', source: 'directory' });
  });

  test('a cancelled login at the provider comes back with a message', async ({ page }) => {
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in with Example IdP' }).click();
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await expect(page).toHaveURL(/\/signin\?.*error=Callback/);
    await expect(page.getByRole('alert').filter({ hasText: 'You cancelled at the identity provider' })).toBeVisible();
  });

  test('the provider being down gives a clear message', async ({ page }) => {
    await setProviderDown(true);
    try {
      await page.goto('/signin');
      await page.getByRole('button', { name: 'Sign in with Example IdP' }).click();
      await expect(page).toHaveURL(/\/signin\?.*error=OAuthSignin/);
      await expect(page.getByRole('alert').filter({ hasText: 'The identity provider cannot be reached.' })).toBeVisible();
    } finally {
      await setProviderDown(false);
    }
  });

  test('sign-out ends the session at the provider too: the next sign-in asks for credentials', async ({ page, context }) => {
    await signInThroughProvider(page, 'admin');
    await expect(page).toHaveURL(/\/overview/);
    const appCookies = await context.cookies(page.url());
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider's RP-initiated logout page, reached with id_token_hint and our post-logout URI.
    await expect(page.getByRole('heading', { name: /Do you want to sign-out/ })).toBeVisible();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(/\/signin/);
    // The app session cookie of before the sign-out no longer works (session version).
    await context.addCookies(appCookies);
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole('button', { name: 'Sign in with Example IdP' }).click();
    await expect(page.getByPlaceholder('Enter any login')).toBeVisible();
  });

  test('screenshots of the error states at desktop and phone sizes', async ({ page }) => {
    for (const [width, height, size] of [
      [1440, 900, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const code of ['NotProvisioned', 'EmailUnverified', 'OAuthSignin', 'Callback']) {
        await page.goto(`/signin?error=${code}`);
        await expect(page.getByRole('alert').filter({ hasText: `Error code: ${code}` })).toBeVisible();
        await saveScreenshot(page, 'sign-in', `${code}-${size}`);
      }
    }
  });
});
