/** Why one usage file (CloudTrail or Access Advisor) was not used. */
export type UsageFileErrorCode = 'unreadable' | 'too-large' | 'bad-gzip' | 'malformed-json' | 'not-cloudtrail' | 'invalid-record' | 'not-access-advisor' | 'no-principal';

/** Thrown while reading one usage file; the importer records it against the file and goes on. */
export class UsageFileError extends Error {
  override name = 'UsageFileError';
  constructor(
    readonly file: string,
    readonly code: UsageFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }

  get detail(): string {
    return this.message.slice(this.file.length + 2);
  }
}
