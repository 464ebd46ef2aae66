import { ImportFileError } from '../import-file-error';

/** Why one usage file (CloudTrail or Access Advisor) was not used. */
export type UsageFileErrorCode = 'unreadable' | 'too-large' | 'bad-gzip' | 'malformed-json' | 'not-cloudtrail' | 'invalid-record' | 'not-access-advisor' | 'no-principal';

/** Thrown while reading one usage file; the importer records it against the file and goes on. */
export class UsageFileError extends ImportFileError<UsageFileErrorCode> {
  override name = 'UsageFileError';
}
