import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, AUDITOR, OWNER, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { saveScreenshot } from '../support/screenshots';

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test.describe('audit log', () => {
  test('names objects, shows seconds, hides sign-ins and exports the filtered log', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await expect(table.locator('time').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    await expect(table).toContainText('auth.sign-in');
    await expect(table).toContainText('Alex Admin <admin@example.com>');

    await page.getByLabel('Hide sign-ins').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/hideSignIns=1/);
    await expect(table).not.toContainText('auth.sign-in');
    await expect(page.getByText(/sign-ins hidden/)).toBeVisible();
    const csvLink = page.getByRole('link', { name: 'Export CSV' });
    await expect(csvLink).toHaveAttribute('href', '/api/audit/export?hideSignIns=1&format=csv');

    const csv = await page.request.get('/api/audit/export?hideSignIns=1&format=csv');
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"id","at","actor","action","object_type","object_id","object_name","before","after"');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((line) => line.includes('"auth.'))).toBe(false);

    const json = await page.request.get('/api/audit/export?format=json&objectType=user');
    const document = (await json.json()) as { exportedBy: string; entries: Array<{ objectType: string; action: string; objectName: string | null }> };
    expect(document.exportedBy).toBe(ADMIN);
    expect(document.entries.length).toBeGreaterThan(0);
    expect(document.entries.every((entry) => entry.objectType === 'user')).toBe(true);
    expect(document.entries.some((entry) => entry.action === 'auth.sign-in' && entry.objectName === 'Alex Admin <admin@example.com>')).toBe(true);
    await expectNoSeriousA11yViolations(page);

    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto('/audit?hideSignIns=1');
      await saveScreenshot(page, 'admin', `audit-${size.name}`);
    }
  });

  test('an owner cannot export the audit log', async ({ page }) => {
    await signIn(page, OWNER);
    expect((await page.request.get('/api/audit/export?format=csv')).status()).toBe(403);
  });
});

test.describe('campaign evidence bundle', () => {
  let campaignId: number;

  test.beforeAll(async ({ browser, baseURL }) => {
    const page = await browser.newPage();
    await signIn(page, ADMIN);
    campaignId = await launchCampaignAsAdmin(page, baseURL, uniqueName('Evidence bundle spec'));
    await page.close();
  });

  test('the auditor downloads a tar whose manifest digests match its files, and the same as JSON', async ({ page }) => {
    await signIn(page, AUDITOR);
    await page.goto(`/campaigns/${campaignId}`);
    const link = page.getByRole('link', { name: 'Evidence bundle (signed .tar)' });
    await expect(link).toHaveAttribute('href', `/api/campaigns/${campaignId}/evidence/bundle`);
    const download = page.waitForEvent('download');
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`campaign-${campaignId}-evidence.tar`);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-e2e-'));
    const archive = path.join(directory, 'bundle.tar');
    await file.saveAs(archive);
    execFileSync('tar', ['-xf', archive, '-C', directory]);
    const root = path.join(directory, `campaign-${campaignId}-evidence`);
    expect(fs.readdirSync(root).sort()).toEqual(['decisions.csv', 'items.csv', 'manifest.json', 'summary.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { exportedBy: string; signature: string | null; files: Array<{ name: string; sha256: string }> };
    expect(manifest.exportedBy).toBe(AUDITOR);
    expect(manifest.signature).toMatch(/^[0-9a-f]{64}$/);
    for (const entry of manifest.files) expect(createHash('sha256').update(fs.readFileSync(path.join(root, entry.name))).digest('hex')).toBe(entry.sha256);
    const items = fs.readFileSync(path.join(root, 'items.csv'), 'utf8').trimEnd().split('\r\n');
    expect(items[0]).toContain('"principal_name","principal_arn","principal_type","account_name","account_id","policy_name"');
    const summary = JSON.parse(fs.readFileSync(path.join(root, 'summary.json'), 'utf8')) as { totals: { items: number } };
    expect(items.length - 1).toBe(summary.totals.items);
    fs.rmSync(directory, { recursive: true, force: true });

    const json = (await (await page.request.get(`/api/campaigns/${campaignId}/evidence/bundle?format=json`)).json()) as { manifest: { files: unknown[] }; items: unknown[]; decisions: unknown[] };
    expect(json.manifest.files).toHaveLength(3);
    expect(json.items).toHaveLength(summary.totals.items);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto(`/campaigns/${campaignId}`);
      await saveScreenshot(page, 'auditor', `campaign-evidence-${size.name}`);
    }
  });

  test('an owner cannot download it', async ({ page }) => {
    await signIn(page, OWNER);
    expect((await page.request.get(`/api/campaigns/${campaignId}/evidence/bundle`)).status()).toBe(403);
  });
});

test.describe('sign-in and layout', () => {
  test('clicking a demo account fills the form, and the page has a favicon', async ({ page }) => {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto('/signin');
      await saveScreenshot(page, 'anonymous', `signin-${size.name}`);
    }
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toBeTruthy();
    expect((await page.request.get(icon as string)).status()).toBe(200);
    await page.getByRole('button', { name: /Fill the form with maya@example.com/ }).click();
    await expect(page.getByLabel('Email')).toHaveValue('maya@example.com');
    await expect(page.getByLabel('Password')).toHaveValue('demo');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/inbox/);
    await expectNoSeriousA11yViolations(page);
  });

  async function openMenu(page: Page) {
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
  }

  test('at phone width a Menu button opens the navigation; a skip link reaches the content', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, ADMIN);
    await page.goto('/overview');
    await expect(page.getByRole('link', { name: 'Audit log' })).toBeHidden();
    await openMenu(page);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'admin', 'menu-phone');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
    await openMenu(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/audit');
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });
});
