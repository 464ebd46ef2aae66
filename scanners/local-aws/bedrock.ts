import { isCallError, type RawCallError, type RawControlsFile, type RawGuardrailRecord, type RawRegionControls } from '../../lib/controls/raw-controls';
import type { CallContext } from './call-context';
import { AwsApiError } from './errors';
import { pageOf } from './paging';

/**
 * Bedrock control-plane reads (REST JSON, `bedrock.<region>.amazonaws.com`), served from each
 * account's `controls/<accountId>.json`: GetModelInvocationLoggingConfiguration,
 * ListEnforcedGuardrailsConfiguration, ListGuardrails, GetGuardrail and GetResourcePolicy, with the
 * paths and query names of the SDK model. A call recorded as `{ error }` in the file is answered
 * with that error (AccessDeniedException: 403), so a denied read looks to the scanner exactly as
 * it does in AWS. A region the file does not hold is served as never configured.
 */

export interface RestCall {
  method: string;
  path: string;
  query: URLSearchParams;
  region: string;
}

export interface RestAnswer {
  status: number;
  body: Record<string, unknown>;
}

const STATUS_BY_CODE: Record<string, number> = {
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ThrottlingException: 429,
  ValidationException: 400,
  InternalServerException: 500,
};

function replay<T>(value: T | RawCallError): T {
  if (isCallError(value)) throw new AwsApiError(value.error.code, value.error.message, STATUS_BY_CODE[value.error.code] ?? 400);
  return value;
}

const EMPTY_REGION: RawRegionControls = { modelInvocationLogging: {}, enforcedGuardrails: { guardrailsConfig: [] }, guardrails: { guardrails: [] }, guardrailRecords: [] };

function regionOf(file: RawControlsFile | undefined, region: string): RawRegionControls {
  return file?.regions[region] ?? EMPTY_REGION;
}

function recordOf(region: RawRegionControls, identifier: string): RawGuardrailRecord {
  const record = region.guardrailRecords.find((candidate) => candidate.guardrailArn === identifier || candidate.guardrailArn.split('/').pop() === identifier);
  if (!record) throw new AwsApiError('ResourceNotFoundException', `The guardrail ${identifier} does not exist.`, 404);
  return record;
}

function paged<T>(query: URLSearchParams, items: T[]): { items: T[]; nextToken?: string } {
  const size = query.get('maxResults');
  return pageOf(items, query.get('nextToken') ?? undefined, size ? Number(size) : undefined, 100, 'ValidationException');
}

/** Answers one Bedrock REST call for the calling account. */
export function handleBedrockCall(context: CallContext, call: RestCall): RestAnswer {
  const file = context.state.controls.get(context.accountId);
  const region = regionOf(file, call.region);
  const path = call.path;
  if (call.method !== 'GET') throw new AwsApiError('UnknownOperationException', `The local endpoint serves Bedrock reads only, not ${call.method} ${path}.`, 404);
  if (path === '/logging/modelinvocations') return { status: 200, body: { ...replay(region.modelInvocationLogging) } };
  if (path === '/enforcedGuardrailsConfiguration') {
    const page = paged(call.query, replay(region.enforcedGuardrails).guardrailsConfig);
    return { status: 200, body: { guardrailsConfig: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
  }
  if (path === '/guardrails') {
    const identifier = call.query.get('guardrailIdentifier');
    const listing = identifier ? replay(recordOf(region, identifier).versions) : replay(region.guardrails);
    const page = paged(call.query, listing.guardrails);
    return { status: 200, body: { guardrails: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
  }
  const guardrailMatch = /^\/guardrails\/([^/]+)$/.exec(path);
  if (guardrailMatch) {
    const record = recordOf(region, decodeURIComponent(guardrailMatch[1]));
    const version = call.query.get('guardrailVersion') ?? 'DRAFT';
    const definition = record.definitions.find((candidate) => candidate.version === version);
    if (!definition) throw new AwsApiError('ResourceNotFoundException', `The guardrail ${record.guardrailArn} has no version ${version}.`, 404);
    return { status: 200, body: { ...replay(definition) } };
  }
  const policyMatch = /^\/resource-policy\/(.+)$/.exec(path);
  if (policyMatch) {
    const record = recordOf(region, decodeURIComponent(policyMatch[1]));
    return { status: 200, body: { ...replay(record.resourcePolicy) } };
  }
  throw new AwsApiError('UnknownOperationException', `No Bedrock operation at GET ${path}.`, 404);
}
