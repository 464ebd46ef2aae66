import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Read-only look-ups in the database an e2e server serves (data/e2e.db for port 3100, recreated by
 * scripts/e2e-server.ts; `data/e2e-<port>.db` for any other port). Specs use it to find ids the UI
 * does not print (another owner's principal, the revocation a decision created). It refuses
 * anything but that local file. The port is E2E_PORT by default; the journeys, served on their own
 * port, pass the port of their baseURL.
 */
const E2E_PORT = process.env.E2E_PORT ?? '3100';

function databasePathForPort(port: string): string {
  return path.join(process.cwd(), 'data', port === '3100' ? 'e2e.db' : `e2e-${port}.db`);
}

function assertLocalE2eDatabase(port: string): string {
  const expected = databasePathForPort(port);
  const configured = process.env.E2E_DATABASE_PATH;
  const target = path.resolve(configured ?? expected);
  if (target !== expected) throw new Error(`e2e refuses to read ${target}: only the local ${expected} is allowed.`);
  if (!fs.existsSync(target)) throw new Error(`${target} does not exist: start the suite with npx playwright test (its web server creates it).`);
  return target;
}

/** Runs one read-only query on the database of the server on `port` (it keeps writing in WAL mode). */
export function queryE2eDatabaseOfPort<Row>(port: string, sql: string, ...parameters: unknown[]): Row[] {
  const database = new Database(assertLocalE2eDatabase(port), { readonly: true, fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    return database.prepare(sql).all(...parameters) as Row[];
  } finally {
    database.close();
  }
}

/** Runs one read-only query on the database of the E2E_PORT server. */
export function queryE2eDatabase<Row>(sql: string, ...parameters: unknown[]): Row[] {
  return queryE2eDatabaseOfPort<Row>(E2E_PORT, sql, ...parameters);
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
export function findRevocationIdForItem(itemId: number, port = E2E_PORT): number | null {
  const rows = queryE2eDatabaseOfPort<{ id: number }>(port, `SELECT id FROM revocations WHERE campaign_item_id = ? ORDER BY id DESC LIMIT 1`, itemId);
  return rows[0]?.id ?? null;
}

/** A campaign item to revoke in a journey, with what the pages show of it. */
export interface RevocableItem {
  itemId: number;
  principalName: string;
  principalArn: string;
  accountId: string;
  policyName: string;
  /** Bedrock actions the entitlement grants in the campaign's snapshot. */
  actions: string[];
}

/**
 * A pending item of `campaignId` for `reviewerEmail` whose grant a live revocation removes with one
 * call and whose principal the /principals search finds unambiguously: a Bedrock managed policy
 * (by name: a general one such as AdministratorAccess is planned as an explicit Deny instead)
 * attached directly, so the plan detaches it; not an IAM Identity Center role (AWSReservedSSO_*,
 * which IAM refuses to change: it is fixed in the permission set); a principal whose name no other
 * principal of the snapshot has. The first by principal name, so runs pick the same one.
 */
export function findRevocableItem(port: string, campaignId: number, reviewerEmail: string): RevocableItem {
  const rows = queryE2eDatabaseOfPort<{ itemId: number; principalName: string; principalArn: string; accountId: string; policyName: string; actions: string }>(
    port,
    `SELECT ci.id AS itemId, ci.principal_name AS principalName, ci.principal_arn AS principalArn, ci.account_id AS accountId, e.policy_name AS policyName, l.list AS actions
     FROM campaign_items ci
     JOIN campaigns c ON c.id = ci.campaign_id
     JOIN entitlements e ON e.scan_id = c.scan_id AND e.entitlement_key = ci.entitlement_key
     JOIN action_lists l ON l.hash = e.actions_hash
     JOIN principals p ON p.scan_id = c.scan_id AND p.arn = ci.principal_arn
     WHERE ci.campaign_id = ? AND ci.reviewer_email = ? AND ci.status = 'pending'
       AND e.policy_kind = 'managed' AND e.attached_via = 'direct' AND e.policy_name LIKE '%Bedrock%'
       AND p.permission_set_name IS NULL
       AND (SELECT COUNT(*) FROM principals p WHERE p.scan_id = c.scan_id AND p.name = ci.principal_name) = 1
     ORDER BY ci.principal_name, ci.id LIMIT 1`,
    campaignId,
    reviewerEmail,
  );
  if (rows.length === 0) throw new Error(`Campaign ${campaignId} has no pending item for ${reviewerEmail} with a directly attached Bedrock managed policy on a uniquely named IAM principal.`);
  return { ...rows[0], actions: JSON.parse(rows[0].actions) as string[] };
}

/**
 * The newest scan the worker queued after `revocationId` changed IAM (requested by
 * "revocation #<id>"), newer than `afterScanId`, with its status; null while there is none.
 */
export function findScanAfterRevocation(port: string, revocationId: number, afterScanId: number): { id: number; status: string; isPublished: boolean } | null {
  const rows = queryE2eDatabaseOfPort<{ id: number; status: string; isPublished: number }>(
    port,
    `SELECT id, status, is_published AS isPublished FROM scans WHERE requested_by = ? AND id > ? ORDER BY id DESC LIMIT 1`,
    `revocation #${revocationId}`,
    afterScanId,
  );
  return rows[0] ? { ...rows[0], isPublished: rows[0].isPublished === 1 } : null;
}

/** The id of the newest published scan of the server on `port`. */
export function latestPublishedScanId(port: string): number {
  const rows = queryE2eDatabaseOfPort<{ id: number }>(port, `SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1`);
  if (rows.length === 0) throw new Error(`No published scan in the database of port ${port}.`);
  return rows[0].id;
}
