import { ImportFileError } from '../import-file-error';

/** Why one file of an offline import was not used. */
export type FileErrorCode =
  | 'unreadable'
  | 'too-large'
  | 'malformed-json'
  | 'not-authorization-details'
  | 'invalid-shape'
  | 'no-account-id'
  | 'mixed-accounts'
  | 'duplicate-account'
  | 'duplicate-organization'
  | 'duplicate-identity-center'
  | 'no-authorization-details';

/** A per-file problem as plain data: what the scan records and shows; it always names the file. */
export interface FileError {
  file: string;
  code: FileErrorCode;
  message: string;
}

/** Thrown while reading one file; the directory reader turns it into a `FileError` and goes on. */
export class OfflineFileError extends ImportFileError<FileErrorCode> {
  override name = 'OfflineFileError';

  /** The plain-data form, with the message without the file prefix (the file is its own field). */
  toFileError(): FileError {
    return { file: this.file, code: this.code, message: this.detail };
  }
}

/** The file exceeds the configured size limit. */
export class FileTooLargeError extends OfflineFileError {
  override name = 'FileTooLargeError';
  constructor(file: string, readonly sizeBytes: number, readonly limitBytes: number) {
    super(file, 'too-large', `${sizeBytes} bytes is over the limit of ${limitBytes} bytes (raise maxFileBytes to import it)`);
  }
}

/** The file is not valid JSON. */
export class MalformedJsonError extends OfflineFileError {
  override name = 'MalformedJsonError';
  constructor(file: string, cause: unknown) {
    super(file, 'malformed-json', `not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

/** The ARNs inside an authorization-details file name more than one account. */
export class MixedAccountsError extends OfflineFileError {
  override name = 'MixedAccountsError';
  constructor(file: string, readonly accountIds: string[]) {
    super(file, 'mixed-accounts', `ARNs name several accounts (${accountIds.join(', ')}); export one account per file`);
  }
}

/** The directory itself cannot be read: not a per-file problem, so it is thrown. */
export class OfflineDirectoryError extends Error {
  override name = 'OfflineDirectoryError';
  constructor(readonly directory: string, message: string, options?: { cause?: unknown }) {
    super(`${directory}: ${message}`, options);
  }
}
