import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../scanners/live/credential-report-csv';
import { ADMIN, AUDITOR, OTHER_OWNER, OWNER, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { uniqueName } from '../support/campaigns';
import { saveScreenshot } from '../support/screenshots';

/**
 * Issue 6's journey: an admin creates and launches a campaign in the browser; an owner attests
 * one item, revokes another and delegates a third; the delegate decides it; the auditor
 * downloads the evidence CSV and finds every decision in it.
 */
test.describe.configure({ mode: 'serial' });

const campaignName = uniqueName('Journey campaign');
let campaignId = 0;
const labels: { attest: string; revoke: string; delegate: string } = { attest: '', revoke: '', delegate: '' };
const JUSTIFICATION = {
  attest: 'Needed by the nightly evaluation job (journey).',
  revoke: 'Nobody uses this any more (journey).',
  delegateNote: 'Liam runs this workload now (journey).',
  delegateAttest: 'Confirmed with the platform team (journey).',
};

/** The accessible label of an item card: "<principal> (<policy>)", read from its decision group. */
async function itemLabels(page: Page): Promise<string[]> {
  const groups = page.getByRole('group', { name: /^Decide / });
  return (await groups.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''))).map((label) => label.replace(/^Decide /, ''));
}

async function decide(page: Page, label: string, kind: 'Attest' | 'Revoke', justification: string): Promise<void> {
  await page.getByRole('group', { name: `Decide ${label}`, exact: true }).getByRole('button', { name: kind }).click();
  const form = page.getByRole('form', { name: `${kind} ${label}`, exact: true });
  // An item with no Bedrock use, recommended for revocation or over-broad asks why it should be kept instead.
  await form.getByLabel(/^(Justification|Why )/).fill(justification);
  await form.getByRole('button', { name: `Confirm ${kind.toLowerCase()}` }).click();
  await expect(page.getByText(`${label} ${kind === 'Attest' ? 'attested' : 'revoked'}.`)).toBeVisible();
}

/** One CSV block (header line, then rows) as records. */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  return body.filter((cells) => cells.length === header.length).map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
}

test('an admin creates and launches a campaign from the form', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/campaigns/new');
  await page.getByLabel('Name').fill(campaignName);
  await page.getByLabel('Due in (days)').fill('10');
  await page.getByRole('button', { name: 'Launch campaign' }).click();
  await expect(page).toHaveURL(/\/campaigns\/\d+$/);
  campaignId = Number(/\/campaigns\/(\d+)$/.exec(page.url())?.[1]);
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
});

test('the owner attests one item, revokes another and delegates a third', async ({ page }) => {
  expect(campaignId).toBeGreaterThan(0);
  await signIn(page, OWNER);
  await page.goto(`/inbox?campaign=${campaignId}`);
  // Riskiest first puts the same role and policy of several accounts side by side: take labels that name one item.
  const all = await itemLabels(page);
  const found = all.filter((label) => all.indexOf(label) === all.lastIndexOf(label));
  expect(found.length, 'the owner has at least three items in the new campaign').toBeGreaterThanOrEqual(3);
  [labels.attest, labels.revoke, labels.delegate] = found;
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, 'owner', 'inbox');

  await decide(page, labels.attest, 'Attest', JUSTIFICATION.attest);
  await decide(page, labels.revoke, 'Revoke', JUSTIFICATION.revoke);

  await page.getByRole('group', { name: `Decide ${labels.delegate}`, exact: true }).getByRole('button', { name: 'Delegate' }).click();
  const form = page.getByRole('form', { name: `Delegate ${labels.delegate}`, exact: true });
  await form.getByLabel('Delegate to').selectOption(OTHER_OWNER);
  await form.getByLabel('Note').fill(JUSTIFICATION.delegateNote);
  await form.getByRole('button', { name: 'Confirm delegation' }).click();
  await expect(page.getByText(`${labels.delegate} delegated.`)).toBeVisible();

  // Decided and delegated items leave the owner's pending list.
  await page.goto(`/inbox?campaign=${campaignId}`);
  for (const label of Object.values(labels)) await expect(page.getByRole('group', { name: `Decide ${label}`, exact: true })).toHaveCount(0);
});

test('the delegate finds the item in their inbox and decides it', async ({ page }) => {
  await signIn(page, OTHER_OWNER);
  await page.goto(`/inbox?campaign=${campaignId}`);
  await expect(page.getByRole('group', { name: `Decide ${labels.delegate}`, exact: true })).toBeVisible();
  await decide(page, labels.delegate, 'Attest', JUSTIFICATION.delegateAttest);
});

test('the auditor downloads the evidence CSV with every decision in it', async ({ page }) => {
  await signIn(page, AUDITOR);
  await page.goto(`/campaigns/${campaignId}`);
  const link = page.getByRole('link', { name: 'Download evidence (CSV)' });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  // The evidence is a summary block (summary,value), a blank line, then one row per item.
  const [summaryBlock, itemsBlock] = (await response.text()).split(/\r?\n\r?\n/);
  const summary = Object.fromEntries(csvRecords(summaryBlock).map((row) => [row.summary, row.value]));
  expect(summary.campaign).toBe(campaignName);
  expect(Number(summary.decisions_recorded)).toBeGreaterThanOrEqual(4);
  expect(Number(summary.attested)).toBeGreaterThanOrEqual(2);
  expect(Number(summary.revoked)).toBeGreaterThanOrEqual(1);
  const rows = csvRecords(itemsBlock);
  const byJustification = (justification: string) => rows.find((row) => row.justification === justification);

  expect(byJustification(JUSTIFICATION.attest)).toMatchObject({ decision: 'attest', decided_by: OWNER, reviewer: OWNER });
  expect(byJustification(JUSTIFICATION.revoke)).toMatchObject({ decision: 'revoke', decided_by: OWNER, reviewer: OWNER });
  // The delegated item is reviewed by the delegate, who attested it.
  expect(byJustification(JUSTIFICATION.delegateAttest)).toMatchObject({ decision: 'attest', decided_by: OTHER_OWNER, reviewer: OTHER_OWNER });
  for (const row of [JUSTIFICATION.attest, JUSTIFICATION.revoke, JUSTIFICATION.delegateAttest].map(byJustification)) {
    expect(row?.snapshot_id).toMatch(/^\d+$/);
    expect(row?.decided_at).not.toBe('');
  }
});
