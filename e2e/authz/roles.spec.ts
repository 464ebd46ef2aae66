import { expect, test, type Page } from '@playwright/test';
import { ADMIN, AUDITOR, OWNER, sameOriginHeaders, signIn } from '../support/auth';

const ADMIN_AND_AUDITOR_PAGES = ['/overview', '/accounts', '/controls', '/scans', '/audit'];

/** A scan request and a conflict exception, two admin-only writes, are refused with 403. */
async function expectAdminActionsRefused(page: Page, baseURL: string | undefined): Promise<void> {
    const scanNow = await page.request.post('/api/scans', { headers: sameOriginHeaders(baseURL), data: {} });
    expect(scanNow.status()).toBe(403);
    const exception = await page.request.post('/api/conflicts/exceptions', {
      headers: sameOriginHeaders(baseURL),
      data: { ruleId: 'SOD-GOVERN-INVOKE', principalArn: 'arn:aws:iam::111111111111:role/x', reason: 'because', expiresAt: '2030-01-01' },
    });
    expect(exception.status()).toBe(403);
}

test.describe('an owner', () => {
  test.beforeEach(async ({ page }) => signIn(page, OWNER));

  for (const path of ADMIN_AND_AUDITOR_PAGES) {
    test(`cannot open ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden/);
      await expect(page.getByRole('heading', { name: /does not allow/ })).toBeVisible();
    });
  }

  test('does not see admin navigation', async ({ page }) => {
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'Overview' })).toHaveCount(0);
    await expect(navigation.getByRole('link', { name: 'Scans' })).toHaveCount(0);
  });

  test('cannot call admin actions', async ({ page, baseURL }) => {
    await expectAdminActionsRefused(page, baseURL);
  });
});

test.describe('an auditor', () => {
  test.beforeEach(async ({ page }) => signIn(page, AUDITOR));

  test('can read every dashboard page', async ({ page }) => {
    for (const path of ADMIN_AND_AUDITOR_PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(path));
    }
  });

  test('cannot change anything', async ({ page, baseURL }) => {
    await expectAdminActionsRefused(page, baseURL);
    await page.goto('/scans');
    await expect(page.getByRole('button', { name: /scan now/i })).toHaveCount(0);
  });
});

test.describe('anyone', () => {
  test('anonymous API calls get 401', async ({ request, baseURL }) => {
    expect((await request.get('/api/principals/export')).status()).toBe(401);
    expect((await request.post('/api/scans', { headers: sameOriginHeaders(baseURL), data: {} })).status()).toBe(401);
  });

  test('cross-site writes are refused even for an admin', async ({ page }) => {
    await signIn(page, ADMIN);
    const response = await page.request.post('/api/scans', { headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, data: {} });
    expect(response.status()).toBe(403);
  });

  test('responses carry the security headers', async ({ request }) => {
    const response = await request.get('/signin');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
