import { expect, test } from '@playwright/test';
import { parseCsv } from '../../scanners/live/credential-report-csv';
import { ADMIN, OTHER_OWNER, OWNER, sameOriginHeaders, signIn, signedInPage } from '../support/auth';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { findRevocationIdForItem, listCampaignItems, queryE2eDatabase } from '../support/database';

/**
 * Ownership, below the role level that matrix.spec.ts and roles.spec.ts cover: an owner may
 * call the owner routes, but only on their own principals and items. Every test here changes
 * an id (or a filter) to point at another owner's data, or crafts the request a page would never
 * send, and checks both the answer and, for writes, that the database did not change.
 */

const OTHER_OWNERS = ['liam@example.com', 'sofia@example.com', 'noah@example.com', 'priya@example.com', 'ethan@example.com'];

interface PrincipalRow {
  id: number;
  arn: string;
  name: string;
  ownerEmail: string | null;
}

function latestPrincipals(): PrincipalRow[] {
  return queryE2eDatabase<PrincipalRow>(
    `SELECT id, arn, name, owner_email AS ownerEmail FROM principals
     WHERE scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)`,
  );
}

/** A Bedrock-holding principal of `owner` whose name no principal of OWNER shares (so a leak is detectable). */
function distinctivePrincipalOf(owner: string): PrincipalRow {
  const all = latestPrincipals();
  const ownNames = new Set(all.filter((row) => row.ownerEmail === OWNER).map((row) => row.name));
  const candidates = queryE2eDatabase<{ id: number }>(
    `SELECT id FROM principals WHERE scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)
       AND owner_email = ? AND has_bedrock = 1 ORDER BY id`,
    owner,
  ).map((row) => all.find((principal) => principal.id === row.id) as PrincipalRow);
  const found = candidates.find((principal) => !ownNames.has(principal.name) && principal.name.length >= 6);
  if (!found) throw new Error(`${owner} owns no Bedrock principal with a name of its own`);
  return found;
}

function itemRow(itemId: number) {
  return queryE2eDatabase<Record<string, unknown>>('SELECT * FROM campaign_items WHERE id = ?', itemId)[0];
}

function decisionCount(itemId: number): number {
  return queryE2eDatabase<{ count: number }>('SELECT count(*) AS count FROM decisions WHERE item_id = ?', itemId)[0].count;
}

function auditCountFor(itemId: number): number {
  return queryE2eDatabase<{ count: number }>(`SELECT count(*) AS count FROM audit_log WHERE object_type = 'campaign_item' AND object_id = ?`, String(itemId))[0].count;
}

let campaignId: number;
let ownItems: { id: number; version: number }[];
let foreignItem: { id: number; version: number };
let foreignRevocationId: number;
let foreignRevokedPrincipalName: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, baseURL }) => {
  // A fresh campaign over the whole snapshot: items for OWNER and for OTHER_OWNER.
  const admin = await signedInPage(browser, baseURL, ADMIN);
  campaignId = await launchCampaignAsAdmin(admin, baseURL, uniqueName('Ownership'));
  await admin.context().close();
  const items = listCampaignItems(campaignId).filter((item) => item.status === 'pending');
  ownItems = items.filter((item) => item.reviewerEmail === OWNER).map(({ id, version }) => ({ id, version }));
  const foreign = items.filter((item) => item.reviewerEmail === OTHER_OWNER);
  expect(ownItems.length, 'the campaign gives OWNER items').toBeGreaterThanOrEqual(2);
  expect(foreign.length, 'the campaign gives OTHER_OWNER items').toBeGreaterThanOrEqual(2);
  foreignItem = { id: foreign[0].id, version: foreign[0].version };

  // OTHER_OWNER revokes one of their own items: a revocation on a principal OWNER does not own.
  const other = await signedInPage(browser, baseURL, OTHER_OWNER);
  const revoked = foreign[1];
  const response = await other.request.post(`/api/inbox/items/${revoked.id}/decision`, {
    headers: sameOriginHeaders(baseURL),
    data: { version: revoked.version, decision: { kind: 'revoke', justification: 'no longer needed by the team' } },
  });
  expect(response.status(), await response.text()).toBe(200);
  await other.context().close();
  const revocationId = findRevocationIdForItem(revoked.id);
  expect(revocationId).not.toBeNull();
  foreignRevocationId = revocationId as number;
  foreignRevokedPrincipalName = queryE2eDatabase<{ name: string }>('SELECT principal_name AS name FROM campaign_items WHERE id = ?', revoked.id)[0].name;
});

test.describe('an owner reading by id', () => {
  test.beforeEach(async ({ page }) => signIn(page, OWNER));

  for (const owner of OTHER_OWNERS) {
    test(`a principal of ${owner} answers 404 and its page names nothing of it`, async ({ page }) => {
      const principal = distinctivePrincipalOf(owner);
      // The raw response (HTML and the RSC payload inside it), not only what is rendered.
      const response = await page.request.get(`/principals/${principal.id}`);
      expect([403, 404]).toContain(response.status());
      const body = await response.text();
      expect(body).not.toContain(principal.arn);
      expect(body).not.toContain(principal.name);
      expect(body).not.toContain(owner);
    });
  }

  test('the principals export holds exactly own rows, whatever owner filter is sent', async ({ page }) => {
    const own = new Set(latestPrincipals().filter((row) => row.ownerEmail === OWNER).map((row) => row.arn));
    expect(own.size).toBeGreaterThan(0);
    const variants = [
      '',
      `?owner=${encodeURIComponent(OTHER_OWNER)}`,
      '?owner=',
      '?owner=*',
      '?owner=%25',
      `?owner=${encodeURIComponent(OWNER.toUpperCase())}`,
      `?owner=${encodeURIComponent(OWNER)}&owner=${encodeURIComponent(OTHER_OWNER)}`,
      `?owner[]=${encodeURIComponent(OTHER_OWNER)}`,
      `?owner=${encodeURIComponent(`${OTHER_OWNER}' OR '1'='1`)}`,
      '?pageSize=100000&page=1&sort=owner',
    ];
    let unfilteredCount = -1;
    for (const query of variants) {
      const response = await page.request.get(`/api/principals/export${query}`);
      expect(response.status(), query).toBe(200);
      const rows = parseCsv(await response.text()).filter((row) => row.length > 1);
      const header = rows[0];
      const arnColumn = header.indexOf('arn');
      const ownerColumn = header.indexOf('owner');
      for (const row of rows.slice(1)) {
        expect(row[ownerColumn], `${query}: ${row[arnColumn]}`).toBe(OWNER);
        expect(own.has(row[arnColumn]), `${query}: ${row[arnColumn]} is not OWNER's`).toBe(true);
      }
      if (query === '') unfilteredCount = rows.length - 1;
    }
    // The unfiltered export is not empty: the loop above checked real rows.
    expect(unfilteredCount).toBeGreaterThan(0);
  });

  test("another owner's revocation: page, status and script answer 404 without its principal", async ({ page }) => {
    const detail = await page.request.get(`/revocations/${foreignRevocationId}`);
    expect([403, 404]).toContain(detail.status());
    expect(await detail.text()).not.toContain(foreignRevokedPrincipalName);
    expect((await page.request.get(`/api/revocations/${foreignRevocationId}`)).status()).toBe(404);
    expect((await page.request.get(`/api/revocations/${foreignRevocationId}/script`)).status()).toBe(404);
    // Nor does the list show it.
    await page.goto('/revocations');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.content()).not.toContain(`/revocations/${foreignRevocationId}"`);
  });

  test("campaign evidence and the campaign page are refused for a real campaign id", async ({ page }) => {
    // matrix.spec.ts checks the roles with an id that does not exist; this one exists and has OWNER's items.
    for (const format of ['csv', 'json']) {
      const response = await page.request.get(`/api/campaigns/${campaignId}/evidence?format=${format}`);
      expect(response.status()).toBe(403);
      expect(await response.text()).not.toContain(OTHER_OWNER);
    }
    await page.goto(`/campaigns/${campaignId}`);
    await expect(page).toHaveURL(/\/forbidden/);
  });
});

test.describe('an owner deciding by crafted request', () => {
  test.beforeEach(async ({ page }) => signIn(page, OWNER));

  for (const decision of [
    { kind: 'attest', justification: 'still needed for the claims team' },
    { kind: 'revoke', justification: 'remove it, says someone else' },
    { kind: 'delegate', delegateTo: OWNER, note: 'taking this one over' },
  ]) {
    test(`a ${decision.kind} on another reviewer's item is refused and changes nothing`, async ({ page, baseURL }) => {
      const before = itemRow(foreignItem.id);
      const auditBefore = auditCountFor(foreignItem.id);
      const response = await page.request.post(`/api/inbox/items/${foreignItem.id}/decision`, {
        headers: sameOriginHeaders(baseURL),
        data: { version: foreignItem.version, decision },
      });
      expect([403, 404]).toContain(response.status());
      expect(itemRow(foreignItem.id)).toEqual(before);
      expect(decisionCount(foreignItem.id)).toBe(0);
      expect(auditCountFor(foreignItem.id)).toBe(auditBefore);
      expect(findRevocationIdForItem(foreignItem.id)).toBeNull();
    });
  }

  test('a bulk decision over own and foreign items applies only the own ones', async ({ page, baseURL }) => {
    const [own] = ownItems;
    const foreignBefore = itemRow(foreignItem.id);
    const response = await page.request.post('/api/inbox/bulk', {
      headers: sameOriginHeaders(baseURL),
      data: { items: [own, foreignItem], decision: { kind: 'attest', justification: 'reviewed with the team lead' } },
    });
    expect(response.status(), await response.text()).toBe(200);
    const result = (await response.json()) as { applied: { itemId: number }[]; skipped: { itemId: number; reason: string }[] };
    expect(result.applied.map((item) => item.itemId)).toEqual([own.id]);
    expect(result.skipped.map((item) => item.itemId)).toEqual([foreignItem.id]);
    // The reason must not confirm that the item exists for someone else.
    expect(result.skipped[0].reason).not.toContain(OTHER_OWNER);
    expect(itemRow(foreignItem.id)).toEqual(foreignBefore);
    expect(decisionCount(foreignItem.id)).toBe(0);
    expect(itemRow(own.id)).toMatchObject({ status: 'attested', version: own.version + 1 });
  });

  test('a bulk decision made only of foreign items applies nothing', async ({ page, baseURL }) => {
    const foreignIds = listCampaignItems(campaignId)
      .filter((item) => item.reviewerEmail !== OWNER)
      .slice(0, 5)
      .map(({ id, version }) => ({ id, version }));
    const before = foreignIds.map((item) => itemRow(item.id));
    const revocationsOf = () => queryE2eDatabase<{ count: number }>(`SELECT count(*) AS count FROM revocations WHERE campaign_item_id IN (${foreignIds.map(() => '?').join(',')})`, ...foreignIds.map((item) => item.id))[0].count;
    const revocationsBefore = revocationsOf();
    const response = await page.request.post('/api/inbox/bulk', {
      headers: sameOriginHeaders(baseURL),
      data: { items: foreignIds, decision: { kind: 'revoke', justification: 'remove all of these' } },
    });
    expect(response.status()).toBe(200);
    const result = (await response.json()) as { applied: unknown[]; skipped: unknown[] };
    expect(result.applied).toEqual([]);
    expect(result.skipped).toHaveLength(foreignIds.length);
    expect(foreignIds.map((item) => itemRow(item.id))).toEqual(before);
    expect(revocationsOf()).toBe(revocationsBefore);
  });

  test("revocation actions on another owner's revocation are refused and leave it as it was", async ({ page, baseURL }) => {
    const before = queryE2eDatabase<Record<string, unknown>>('SELECT * FROM revocations WHERE id = ?', foreignRevocationId)[0];
    for (const action of ['approve', 'execute', 'reject', 'rollback']) {
      const response = await page.request.post(`/api/revocations/${foreignRevocationId}/${action}`, { headers: sameOriginHeaders(baseURL), data: action === 'reject' ? { reason: 'no' } : {} });
      expect(response.status(), action).toBe(403);
    }
    expect(queryE2eDatabase<Record<string, unknown>>('SELECT * FROM revocations WHERE id = ?', foreignRevocationId)[0]).toEqual(before);
  });
});
