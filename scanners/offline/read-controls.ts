import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RawControlsFile } from '../../lib/controls/raw-controls';
import { parseControlsFile } from './controls-schema';
import type { FileError } from './errors';

export interface ReadControlsResult {
  files: RawControlsFile[];
  errors: FileError[];
}

/**
 * Reads `DIR/controls/*.json` (optional: no folder means no controls were exported). Each bad
 * file is reported by name and the others are kept; a second file for one account is an error
 * on the later file (in name order).
 */
export async function readControlsDirectory(directory: string): Promise<ReadControlsResult> {
  const folder = path.join(directory, 'controls');
  const names = await readdir(folder).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT' || cause.code === 'ENOTDIR') return [];
    throw cause;
  });
  const result: ReadControlsResult = { files: [], errors: [] };
  const seen = new Map<string, string>();
  for (const name of names.filter((entry) => entry.endsWith('.json') && !entry.startsWith('.')).sort()) {
    const file = path.join(folder, name);
    try {
      const parsed = parseControlsFile(JSON.parse(await readFile(file, 'utf8')) as unknown);
      const earlier = seen.get(parsed.accountId);
      if (earlier) {
        result.errors.push({ file, code: 'duplicate-account', message: `controls of account ${parsed.accountId} are already imported from ${earlier}` });
        continue;
      }
      seen.set(parsed.accountId, file);
      result.files.push(parsed);
    } catch (error) {
      const message = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).slice(0, 3).join('; ') : error instanceof Error ? error.message : String(error);
      result.errors.push({ file, code: 'invalid-shape', message: `not a controls file: ${message}` });
    }
  }
  return result;
}
