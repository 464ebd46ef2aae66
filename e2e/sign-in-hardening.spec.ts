import { expect, test } from '@playwright/test';
import { ADMIN, AUDITOR, sameOriginHeaders, signIn } from './support/auth';
import { expectNoSeriousA11yViolations } from './support/axe';
import { saveScreenshotsAtBothSizes } from './support/screenshots';

/** Issue 17, security 3 and 8, and issue 21 item 8, through the running app (demo sign-in). */
test.describe('sign-in hardening', () => {
  for (const callbackUrl of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/x']) {
    test(`sign-in with callbackUrl=${callbackUrl} stays on the site`, async ({ page, baseURL }) => {
      const leftSite: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).hostname === 'evil.example') leftSite.push(request.url());
      });
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Email').fill(AUDITOR);
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/overview/);
      expect(new URL(page.url()).origin).toBe(baseURL);
      expect(leftSite).toEqual([]);
    });
  }

  test('a malformed or foreign callbackUrl never gives a 500', async ({ request }) => {
    for (const callbackUrl of ['http://[', '%', '//evil.example/x', '/\\evil.example']) {
      const signInPage = await request.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(signInPage.status()).toBe(200);
      const nextAuth = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(nextAuth.status()).toBeLessThan(500);
      const location = nextAuth.headers().location ?? '';
      expect(location).not.toMatch(/evil\.example/);
    }
  });

  test('a session copied before sign-out no longer works after it', async ({ page, context }) => {
    await signIn(page, AUDITOR);
    const cookies = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await context.addCookies(cookies);
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/signin/);
  });

  test('an admin deactivates a user from the Users page and that user is signed out at once', async ({ page, browser, baseURL }) => {
    const victimContext = await browser.newContext({ baseURL });
    const victim = await victimContext.newPage();
    await signIn(victim, 'ethan@example.com');
    await expect(victim).toHaveURL(/\/inbox/);

    await signIn(page, ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'ethan@example.com' });
    await expect(row.getByText('CLI')).toBeVisible();
    await expect(row).not.toContainText('never');
    page.once('dialog', (dialog) => dialog.accept());
    await row.getByRole('button', { name: 'Deactivate ethan@example.com' }).click();
    await expect(row.getByText('deactivated')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizes(page, 'admin', { desktop: 'users-desktop', phone: 'users-phone' });

    await victim.goto('/inbox');
    await expect(victim).toHaveURL(/\/signin/);
    await victimContext.close();
  });

  test('admins cannot deactivate themselves; other roles cannot deactivate anyone', async ({ page, baseURL }) => {
    await signIn(page, ADMIN);
    const self = await page.request.post('/api/users/deactivate', { headers: sameOriginHeaders(baseURL), data: { email: ADMIN } });
    expect(self.status()).toBe(400);
    await page.context().clearCookies();
    await signIn(page, AUDITOR);
    const asAuditor = await page.request.post('/api/users/deactivate', { headers: sameOriginHeaders(baseURL), data: { email: 'liam@example.com' } });
    expect(asAuditor.status()).toBe(403);
  });
});
