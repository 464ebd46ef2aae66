import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface TrailFileEntry {
  /** Absolute path. */
  file: string;
  /** Path under the `cloudtrail/` folder with `/` separators: the ledger key. */
  key: string;
}

const TRAIL_FILE = /\.json(\.gz)?$/;
/** `123456789012_CloudTrail_us-east-1_20261011T2155Z_abcdEFGH.json.gz` -> `20261011T2155Z`. */
const DELIVERY_TIME = /_(\d{8}T\d{4}Z)_/;

/** The delivery time in a trail file name, for chronological order; '' when the name has none. */
export function deliveryTimeOf(key: string): string {
  return DELIVERY_TIME.exec(path.posix.basename(key))?.[1] ?? '';
}

/**
 * Every `*.json` / `*.json.gz` under `root` at any depth (an organisation trail's
 * `AWSLogs/<org>/<account>/CloudTrail/<region>/YYYY/MM/DD/` layout, or a flat folder), sorted by
 * delivery time then path, so AssumeRole events are normally seen before the calls they enable.
 * A missing folder is an empty list; an unreadable one throws.
 */
export async function listTrailFiles(root: string): Promise<TrailFileEntry[]> {
  let names: string[];
  try {
    names = await readdir(root, { recursive: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw cause;
  }
  const entries = names
    .filter((name) => TRAIL_FILE.test(name) && !path.basename(name).startsWith('.'))
    .map((name) => ({ file: path.join(root, name), key: name.split(path.sep).join('/'), time: deliveryTimeOf(name) }));
  entries.sort((a, b) => (a.time === b.time ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.time < b.time ? -1 : 1));
  return entries.map(({ file, key }) => ({ file, key }));
}
