import type { FaultController } from './faults';
import type { LocalAwsState } from './state';
import type { LocalTrailEvents } from './cloudtrail';
import type { XmlValue } from './xml';

/** Who is calling and against which account, resolved from the SigV4 scope of the request. */
export interface CallContext {
  state: LocalAwsState;
  faults: FaultController;
  /** The account the call is served by: the one encoded in a temporary key, else the management account. */
  accountId: string;
  accessKeyId: string;
  /** Signing region of the request, when signed. */
  region?: string;
  /** CloudTrail events the endpoint serves (LookupEvents, Access Advisor). */
  trail?: LocalTrailEvents;
}

/** The `<XResult>` fields of a Query answer, or null for actions that return no result element. */
export type QueryResult = { [key: string]: XmlValue } | null;

/** A handler of one IAM or STS action (AWS Query protocol: form-encoded parameters). */
export type QueryHandler = (context: CallContext, params: URLSearchParams) => QueryResult;

/** A handler of one Organizations action (JSON 1.1). */
export type JsonHandler = (context: CallContext, input: Record<string, unknown>) => Record<string, unknown>;
