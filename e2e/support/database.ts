import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Read-only look-ups in the database the e2e server serves (data/e2e.db, recreated by
 * scripts/e2e-server.ts; `data/e2e-<port>.db` when E2E_PORT is not 3100). Specs use it to find ids the UI does not print (another owner's
 * principal, the revocation a decision created). It refuses anything but that local file.
 */
const E2E_PORT = process.env.E2E_PORT ?? '3100';
const E2E_DATABASE = path.join(process.cwd(), 'data', E2E_PORT === '3100' ? 'e2e.db' : `e2e-${E2E_PORT}.db`);

function assertLocalE2eDatabase(): string {
  const configured = process.env.E2E_DATABASE_PATH;
  const target = path.resolve(configured ?? E2E_DATABASE);
  if (target !== E2E_DATABASE) throw new Error(`e2e refuses to read ${target}: only the local ${E2E_DATABASE} is allowed.`);
  if (!fs.existsSync(target)) throw new Error(`${target} does not exist: start the suite with npx playwright test (its web server creates it).`);
  return target;
}

/** Runs one read-only query and closes the connection (the server keeps writing in WAL mode). */
export function queryE2eDatabase<Row>(sql: string, ...parameters: unknown[]): Row[] {
  const database = new Database(assertLocalE2eDatabase(), { readonly: true, fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    return database.prepare(sql).all(...parameters) as Row[];
  } finally {
    database.close();
  }
}

/** A Bedrock-holding principal of the latest published snapshot owned by `ownerEmail`. */
export function findPrincipalIdOwnedBy(ownerEmail: string): number {
  const rows = queryE2eDatabase<{ id: number }>(
    `SELECT p.id FROM principals p
     WHERE p.scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)
       AND p.owner_email = ? AND p.has_bedrock = 1
     ORDER BY p.id LIMIT 1`,
    ownerEmail,
  );
  if (rows.length === 0) throw new Error(`No principal owned by ${ownerEmail} in the latest snapshot.`);
  return rows[0].id;
}

/** Items of one campaign, with their reviewer. */
export function listCampaignItems(campaignId: number): { id: number; reviewerEmail: string; status: string; version: number }[] {
  return queryE2eDatabase(`SELECT id, reviewer_email AS reviewerEmail, status, version FROM campaign_items WHERE campaign_id = ? ORDER BY id`, campaignId);
}

/** The revocation request a revoke decision on a campaign item created. */
export function findRevocationIdForItem(itemId: number): number | null {
  const rows = queryE2eDatabase<{ id: number }>(`SELECT id FROM revocations WHERE campaign_item_id = ? ORDER BY id DESC LIMIT 1`, itemId);
  return rows[0]?.id ?? null;
}
