import { expect, type Page } from '@playwright/test';

export const ADMIN = 'admin@example.com';
export const AUDITOR = 'ciso@example.com';
export const OWNER = 'maya@example.com';
export const OTHER_OWNER = 'liam@example.com';

/** Signs in through the real sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** Same-origin headers for API calls made outside a page (the app refuses cross-site writes). */
export function sameOriginHeaders(baseURL: string | undefined): Record<string, string> {
  return { origin: baseURL ?? 'http://localhost:3100', 'content-type': 'application/json' };
}
