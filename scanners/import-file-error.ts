/**
 * Thrown while reading one file of an import (authorization details, CloudTrail, Access Advisor):
 * the message names the file, so a log line says which one; the importer records the error
 * against the file and goes on with the others.
 */
export class ImportFileError<Code extends string> extends Error {
  override name = 'ImportFileError';

  constructor(
    readonly file: string,
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }

  /** The message without the file prefix, for where the file is shown beside it. */
  get detail(): string {
    return this.message.slice(this.file.length + 2);
  }
}
