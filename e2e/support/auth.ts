import { expect, test, type Browser, type Page } from '@playwright/test';

export const ADMIN = 'admin@example.com';
export const AUDITOR = 'ciso@example.com';
export const OWNER = 'maya@example.com';
export const OTHER_OWNER = 'liam@example.com';
/** The second admin: approves what the first requests (four-eyes approval is on by default). */
export const SECOND_ADMIN = 'jordan@example.com';

/** Signs in through the real sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * A page of its own browser context, signed in as `email`: for a test that acts as several people
 * at once. `viewport` sets its size (Playwright's default otherwise).
 */
export async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Same-origin headers for API calls made outside a page (the app refuses cross-site writes). */
export function sameOriginHeaders(baseURL: string | undefined): Record<string, string> {
  return { origin: baseURL ?? 'http://localhost:3100', 'content-type': 'application/json' };
}

/** The roles that read everything; most page specs check a page as each. */
export const READERS = [
  ['admin', ADMIN],
  ['auditor', AUDITOR],
] as const;

/**
 * One `describe` block per role, titled `<title> as <role>`, whose tests start signed in as that
 * role; `body` declares the tests and may branch on the role.
 */
export function describeAsEach<const Role extends string>(roles: ReadonlyArray<readonly [Role, string]>, title: string, body: (role: Role) => void): void {
  for (const [role, email] of roles) {
    test.describe(`${title} as ${role}`, () => {
      test.beforeEach(async ({ page }) => signIn(page, email));
      body(role);
    });
  }
}

/** Opens a page and waits for its title (its one level-1 heading). */
export async function openPage(page: Page, path: string, title: string | RegExp): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
