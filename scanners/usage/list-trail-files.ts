import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface TrailFileEntry {
  /** Absolute path. */
  file: string;
  /** Path under the `cloudtrail/` folder with `/` separators: the ledger key. */
  key: string;
}

export interface TrailListingOptions {
  /**
   * Day folders (`…/YYYY/MM/DD`, relative to the root, `/` separators) not to open: an incremental
   * import passes those it has settled (see `settledDayFolders`). Their files are neither listed
   * nor counted as skipped.
   */
  skipFolders?: ReadonlySet<string>;
}

const TRAIL_FILE = /\.json(\.gz)?$/;
/** `123456789012_CloudTrail_us-east-1_20261011T2155Z_abcdEFGH.json.gz` -> `20261011T2155Z`. */
const DELIVERY_TIME = /_(\d{8}T\d{4}Z)_/;
/** A day folder of the trail layout, as a path relative to the root: `…/2026/11/30`. */
const DAY_FOLDER = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})$/;
/** Folders opened at once: enough to keep the disk and libuv's threads busy on 100,000 folders. */
const OPEN_FOLDERS = 32;

/** The delivery time in a trail file name, for chronological order; '' when the name has none. */
export function deliveryTimeOf(key: string): string {
  return DELIVERY_TIME.exec(path.posix.basename(key))?.[1] ?? '';
}

/**
 * The day folders an incremental import need not open again: those it has imported files from
 * (in `importedKeys`, the ledger) dated before `cutoffDay` (`YYYY-MM-DD`). CloudTrail names a
 * folder by the day it delivered the files in it and never adds to it later, so such a folder
 * holds nothing new; a folder never imported from (a back-filled account or day) is still read.
 * `cutoffDay` is the day before the last import's high-water mark, as for the S3 source.
 */
export function settledDayFolders(importedKeys: Iterable<string>, cutoffDay: string): Set<string> {
  const settled = new Set<string>();
  for (const key of importedKeys) {
    const folder = path.posix.dirname(key);
    if (settled.has(folder)) continue;
    const day = DAY_FOLDER.exec(folder);
    if (day !== null && `${day[1]}-${day[2]}-${day[3]}` < cutoffDay) settled.add(folder);
  }
  return settled;
}

/**
 * Every `*.json` / `*.json.gz` under `root` at any depth (an organisation trail's
 * `AWSLogs/<org>/<account>/CloudTrail/<region>/YYYY/MM/DD/` layout, or a flat folder), sorted by
 * delivery time then path, so AssumeRole events are normally seen before the calls they enable.
 * Folders are read several at a time (an organisation trail has one per account, region and
 * day). A missing root is an empty list; an unreadable folder throws.
 */
export async function listTrailFiles(root: string, options: TrailListingOptions = {}): Promise<TrailFileEntry[]> {
  const skip = options.skipFolders ?? new Set<string>();
  const found: Array<TrailFileEntry & { time: string }> = [];
  const pending: string[] = [''];
  const readFolder = async (relative: string): Promise<void> => {
    const entries = await readdir(relative === '' ? root : path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skip.has(key)) pending.push(key);
      } else if (TRAIL_FILE.test(entry.name) && !entry.name.startsWith('.')) {
        found.push({ file: path.join(root, key), key, time: deliveryTimeOf(entry.name) });
      }
    }
  };
  try {
    await readFolder(pending.pop() as string);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw cause;
  }
  const inFlight = new Set<Promise<void>>();
  while (pending.length > 0 || inFlight.size > 0) {
    while (pending.length > 0 && inFlight.size < OPEN_FOLDERS) {
      const reading: Promise<void> = readFolder(pending.pop() as string).finally(() => inFlight.delete(reading));
      inFlight.add(reading);
    }
    await Promise.race(inFlight);
  }
  found.sort((a, b) => (a.time === b.time ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.time < b.time ? -1 : 1));
  return found.map(({ file, key }) => ({ file, key }));
}
