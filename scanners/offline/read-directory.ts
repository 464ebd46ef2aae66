import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileTooLargeError, OfflineDirectoryError, OfflineFileError, type FileError } from './errors';
import { decodeFileText, parseOfflineFileText, type ParsedFile } from './parse-offline-file';

/** 100 MB: well above the largest real accounts (a 10 MB export is common for big ones). */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface ReadDirectoryOptions {
  /** Files above this size are refused with a `too-large` error instead of being read. */
  maxFileBytes?: number;
}

export interface ReadDirectoryResult {
  files: ParsedFile[];
  errors: FileError[];
}

/**
 * The candidate files of an import directory: `*.json` at the top and in `credentials/`,
 * sorted for a stable order. Dot-files and other folders are ignored.
 */
export async function listOfflineFiles(directory: string): Promise<string[]> {
  let entries: string[];
  try {
    const info = await stat(directory);
    if (!info.isDirectory()) throw new OfflineDirectoryError(directory, 'not a directory');
    entries = await readdir(directory);
  } catch (cause) {
    if (cause instanceof OfflineDirectoryError) throw cause;
    throw new OfflineDirectoryError(directory, `cannot read the import directory (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  const isCandidate = (name: string) => name.endsWith('.json') && !name.startsWith('.');
  const files = entries.filter(isCandidate).map((name) => path.join(directory, name));
  const credentialsDirectory = path.join(directory, 'credentials');
  const credentialEntries = await readdir(credentialsDirectory).catch((cause: NodeJS.ErrnoException) => {
    // No credentials folder is normal (credential data is optional); anything else is not.
    if (cause.code === 'ENOENT' || cause.code === 'ENOTDIR') return [];
    throw new OfflineDirectoryError(credentialsDirectory, `cannot read (${cause.message})`, { cause });
  });
  files.push(...credentialEntries.filter(isCandidate).map((name) => path.join(credentialsDirectory, name)));
  const filesOnly: string[] = [];
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (info === null || info.isFile()) filesOnly.push(file); // an unreadable entry is reported when read
  }
  return filesOnly.sort();
}

/**
 * Reads and recognises one file. Throws `OfflineFileError` for anything wrong with it; the
 * size is checked before reading so a huge file is never loaded.
 */
export async function readOfflineFile(file: string, options: ReadDirectoryOptions = {}): Promise<ParsedFile> {
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > limit) throw new FileTooLargeError(file, info.size, limit);
    bytes = await readFile(file);
  } catch (cause) {
    if (cause instanceof OfflineFileError) throw cause;
    throw new OfflineFileError(file, 'unreadable', `cannot read (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  return parseOfflineFileText(file, decodeFileText(bytes));
}

function toFileError(error: unknown, file: string): FileError {
  if (error instanceof OfflineFileError) return error.toFileError();
  // Not one of ours: still a per-file problem, still named, never swallowed silently.
  return { file, code: 'unreadable', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Reads an offline import directory: every `*.json` (authorization details, one account per
 * file, and an optional organisation file, recognised by shape) and `credentials/*.json`.
 * Never throws for a bad file: each problem becomes a `FileError` naming the file, and the
 * good files are kept. A second file for the same account or a second organisation file is
 * an error on the later file (in name order). A directory without any authorization-details
 * file yields a `no-authorization-details` error. Throws `OfflineDirectoryError` only when the
 * directory itself cannot be read.
 */
export async function readOfflineDirectory(directory: string, options: ReadDirectoryOptions = {}): Promise<ReadDirectoryResult> {
  const result: ReadDirectoryResult = { files: [], errors: [] };
  const authorizationFileByAccount = new Map<string, string>();
  const credentialFileByAccount = new Map<string, string>();
  let organizationFile: string | null = null;
  let identityCenterFile: string | null = null;

  for (const file of await listOfflineFiles(directory)) {
    let parsed: ParsedFile;
    try {
      parsed = await readOfflineFile(file, options);
    } catch (error) {
      result.errors.push(toFileError(error, file));
      continue;
    }
    if (parsed.kind === 'organization') {
      if (organizationFile !== null) {
        result.errors.push({ file, code: 'duplicate-organization', message: `a second organisation file; ${organizationFile} is used` });
        continue;
      }
      organizationFile = file;
    } else if (parsed.kind === 'identity-center') {
      if (identityCenterFile !== null) {
        result.errors.push({ file, code: 'duplicate-identity-center', message: `a second Identity Center file; ${identityCenterFile} is used` });
        continue;
      }
      identityCenterFile = file;
    } else {
      const seen = parsed.kind === 'authorization-details' ? authorizationFileByAccount : credentialFileByAccount;
      const earlier = seen.get(parsed.accountId);
      if (earlier !== undefined) {
        result.errors.push({ file, code: 'duplicate-account', message: `account ${parsed.accountId} is already imported from ${earlier}` });
        continue;
      }
      seen.set(parsed.accountId, file);
    }
    result.files.push(parsed);
  }

  if (authorizationFileByAccount.size === 0) {
    result.errors.push({ file: directory, code: 'no-authorization-details', message: 'no readable output of `aws iam get-account-authorization-details` in this directory' });
  }
  return result;
}
