/**
 * Generated organisations for the benchmarks, written once and reused while the parameters are
 * the same: a marker file beside the data records what was asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeOrganization, type WriteOrganizationSummary } from '../scripts/demo-org/write-organization';
import { diverseParameters } from '../scripts/demo-org/diverse/diverse-parameters';
import { writeDiverseOrganization } from '../scripts/demo-org/diverse/write-diverse-organization';
import type { OrganizationShape } from './organization-shape';

export const BENCH_OUTPUT_DIRECTORY = path.join(process.cwd(), 'bench', 'out');

const MARKER_FILE = 'bench-parameters.json';

interface OrganizationParameters {
  accountCount: number;
  principalsPerAccount: number;
  /** Template when absent (markers written before shapes existed have none). */
  shape?: OrganizationShape;
}

export interface EnsuredOrganization {
  directory: string;
  isReused: boolean;
  summary: WriteOrganizationSummary | null;
  seconds: number;
}

function readMarker(directory: string): (OrganizationParameters & { summary?: WriteOrganizationSummary }) | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(directory, MARKER_FILE), 'utf8')) as OrganizationParameters & { summary?: WriteOrganizationSummary };
  } catch {
    return null;
  }
}

/**
 * Writes `accountCount` x `principalsPerAccount` into `directory` unless an earlier run wrote the
 * same parameters there (compact JSON: the files are read, never looked at).
 */
export function ensureOrganization(directory: string, parameters: OrganizationParameters, options: { isFresh?: boolean } = {}): EnsuredOrganization {
  const marker = readMarker(directory);
  if (!options.isFresh && marker && marker.accountCount === parameters.accountCount && marker.principalsPerAccount === parameters.principalsPerAccount && (marker.shape ?? 'template') === (parameters.shape ?? 'template')) {
    return { directory, isReused: true, summary: marker.summary ?? null, seconds: 0 };
  }
  const started = performance.now();
  fs.rmSync(path.join(directory, MARKER_FILE), { force: true });
  const summary =
    parameters.shape === 'diverse'
      ? writeDiverseOrganization(directory, diverseParameters({ accountCount: parameters.accountCount, principalsPerAccount: parameters.principalsPerAccount }))
      : writeOrganization({ directory, accountCount: parameters.accountCount, principalsPerAccount: parameters.principalsPerAccount, indent: 0 });
  fs.writeFileSync(path.join(directory, MARKER_FILE), `${JSON.stringify({ ...parameters, summary }, null, 2)}\n`);
  return { directory, isReused: false, summary, seconds: (performance.now() - started) / 1000 };
}

/** Removes a SQLite file with its WAL and shared-memory companions. */
export function removeDatabaseFiles(databasePath: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
}

export function hasFlag(argv: string[], name: string): boolean {
  return argv.includes(`--${name}`);
}
