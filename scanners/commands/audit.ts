import fs from 'node:fs';
import { CheckpointFormatError, parseCheckpoint, type AuditCheckpoint } from '../../lib/audit/chain';
import { getAuditKey } from '../../db/audit-key';
import type { AppDatabase } from '../../db/client';
import { createAuditCheckpoint, verifyAgainstCheckpoints, verifyAuditChain } from '../../db/queries/audit';
import { stringFlag, UsageError, type ParsedArguments } from '../cli-args';

export const AUDIT_USAGE = 'usage: audit verify [--checkpoint FILE] | audit checkpoint [--to FILE] [--as EMAIL]';

function readCheckpoints(file: string): AuditCheckpoint[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the checkpoint file ${file}: ${(error as Error).message}`);
  }
  const checkpoints: AuditCheckpoint[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      checkpoints.push(parseCheckpoint(line, index + 1));
    } catch (error) {
      if (error instanceof CheckpointFormatError) throw new UsageError(`${file}: ${error.message}`);
      throw error;
    }
  }
  if (checkpoints.length === 0) throw new UsageError(`${file} holds no checkpoint`);
  return checkpoints;
}

/** `audit verify [--checkpoint FILE]`: the chain, then each checkpoint of FILE (one JSON object a line). */
export function auditVerifyCommand(database: AppDatabase, parsed: ParsedArguments, print: (line: string) => void = console.log): number {
  const checkpointFile = stringFlag(parsed, 'checkpoint');
  const checkpoints = checkpointFile ? readCheckpoints(checkpointFile) : [];
  const { key, source } = getAuditKey();
  const result = verifyAuditChain(database, { key });
  if (!result.isIntact) {
    print(`Audit log BROKEN at entry ${result.firstBrokenId}: ${result.problem}`);
    return 1;
  }
  const legacy = key && result.legacyEntryCount > 0 ? ` (the first ${result.legacyEntryCount} written before the chain was keyed)` : '';
  print(`Audit log intact: ${result.entryCount} entries${legacy}; ${key ? `key ${key.id} from ${source}` : `UNKEYED, ${source}`}.`);
  let isConsistent = true;
  for (const { checkpoint, problem } of verifyAgainstCheckpoints(database, checkpoints, key)) {
    if (problem) isConsistent = false;
    print(problem ? `Checkpoint of ${checkpoint.at} (entry ${checkpoint.headId}) FAILS: ${problem}` : `Checkpoint of ${checkpoint.at} (entry ${checkpoint.headId}, ${checkpoint.entryCount} entries) holds.`);
  }
  return isConsistent ? 0 : 1;
}

/**
 * `audit checkpoint [--to FILE] [--as EMAIL]`: appends one signed checkpoint line to FILE, or
 * prints it on stdout (for syslog or a SIEM). Keep FILE where the database's writers cannot
 * rewrite it (another host, an append-only bucket).
 */
export function auditCheckpointCommand(database: AppDatabase, parsed: ParsedArguments, now = new Date(), print: (line: string) => void = console.log): number {
  const file = stringFlag(parsed, 'to');
  const actor = stringFlag(parsed, 'as') ?? 'cli';
  const checkpoint = createAuditCheckpoint(database, { actor, now });
  const line = JSON.stringify(checkpoint);
  if (file) {
    fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
    console.error(`Checkpoint of entry ${checkpoint.headId} (${checkpoint.entryCount} entries) appended to ${file}.`);
  } else {
    print(line);
  }
  return 0;
}

export function auditCommand(database: AppDatabase, parsed: ParsedArguments): number {
  const subcommand = parsed.positionals[1];
  if (subcommand === 'verify') return auditVerifyCommand(database, parsed);
  if (subcommand === 'checkpoint') return auditCheckpointCommand(database, parsed);
  throw new UsageError(AUDIT_USAGE);
}
