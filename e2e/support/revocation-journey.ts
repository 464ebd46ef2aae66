import { expect, type Page } from '@playwright/test';
import { findScanAfterRevocation, queryE2eDatabaseOfPort } from './database';

/**
 * What the two revocation journeys (IAM grant, Identity Center assignment) share: waiting for the
 * worker to move a revocation, and waiting for the scans the worker queues after a change, so one
 * journey never leaves a scan running into the next.
 */

// The worker polls every 2 s; a live scan of the demo organisation on a shared 2-core machine takes
// tens of seconds. Generous, so a slow machine does not fail the journey.
export const WORKER_TIMEOUT = 120_000;
export const SCAN_TIMEOUT = 240_000;

/** Waits, reloading, until the revocation page shows `status` (the page also refreshes itself while executing). */
export async function waitForRevocationStatus(page: Page, id: number, status: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^Revocation #${id}\\b`) });
  await expect(async () => {
    await page.goto(`/revocations/${id}`);
    await expect(heading).toContainText(status, { timeout: 1_000 });
  }).toPass({ timeout: WORKER_TIMEOUT, intervals: [2_000] });
  await expect(heading).toHaveText(`Revocation #${id} ${status}`);
}

/** Waits until the worker's scan after the revocation's last change is published; returns its id. */
export async function waitForScanAfter(port: string, revocationId: number, afterScanId: number): Promise<number> {
  let scanId = 0;
  await expect
    .poll(
      () => {
        const scan = findScanAfterRevocation(port, revocationId, afterScanId);
        // A failed scan would never publish: fail at once with its status rather than at the timeout.
        if (scan?.status === 'failed') throw new Error(`Scan ${scan.id} after revocation #${revocationId} failed.`);
        scanId = scan?.isPublished ? scan.id : 0;
        return scan ? `${scan.status}${scan.isPublished ? ' published' : ''}` : 'not queued';
      },
      { timeout: SCAN_TIMEOUT, intervals: [2_000] },
    )
    .toMatch(/^(complete|partial) published$/);
  return scanId;
}

/** Waits until no scan is queued or running on the server of `port` (a journey starts from a settled snapshot). */
export async function waitForNoScanInProgress(port: string): Promise<void> {
  await expect
    .poll(() => queryE2eDatabaseOfPort<{ count: number }>(port, `SELECT count(*) AS count FROM scans WHERE status IN ('queued', 'running')`)[0]?.count ?? 0, {
      timeout: SCAN_TIMEOUT,
      intervals: [2_000],
      message: 'a scan still queued or running on the journeys server',
    })
    .toBe(0);
}
