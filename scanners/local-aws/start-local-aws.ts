import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { accountOfAccessKeyId, parseAuthorizationHeader } from './access-keys';
import type { CallContext, JsonHandler, QueryHandler } from './call-context';
import { handleBedrockCall } from './bedrock';
import { AwsApiError } from './errors';
import { FaultController, type FaultConfigInput } from './faults';
import { iamReadHandlers } from './iam-read';
import { iamWriteHandlers } from './iam-write';
import { iamEntityWriteHandlers } from './iam-entity-writes';
import { assertSessionCurrent } from './sessions';
import { loadManagedPolicyCatalog } from './managed-policy-catalog';
import { loadOrganizationData, type LocalOrganizationData } from './organization-data';
import { organizationsHandlers } from './organizations';
import { LocalAwsState } from './state';
import { stsHandlers } from './sts';
import { cloudTrailHandlers, isCloudTrailTarget, LocalTrailEvents } from './cloudtrail';
import { handleS3Request, type LocalTrailBucket } from './s3';
import { accessAdvisorHandlers } from './iam-access-advisor';
import { identityStoreReadHandlers } from './identitystore';
import { ssoAdminReadHandlers } from './sso-admin';
import { identityStoreWriteHandlers, ssoAdminWriteHandlers } from './identity-center-write';
import { writeQueryError, writeQueryResponse } from './xml';

const NAMESPACES = { iam: 'https://iam.amazonaws.com/doc/2010-05-08/', sts: 'https://sts.amazonaws.com/doc/2011-06-15/' } as const;
const QUERY_HANDLERS: Record<'iam' | 'sts', Record<string, QueryHandler>> = { iam: { ...iamReadHandlers, ...iamWriteHandlers, ...iamEntityWriteHandlers, ...accessAdvisorHandlers }, sts: stsHandlers };
const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.';
/** JSON 1.1 services by X-Amz-Target prefix, and their handlers. */
const JSON_SERVICES: Record<string, { service: 'sso-admin' | 'identitystore'; handlers: Record<string, JsonHandler> }> = {
  'SWBExternalService.': { service: 'sso-admin', handlers: { ...ssoAdminReadHandlers, ...ssoAdminWriteHandlers } },
  'AWSIdentityStore.': { service: 'identitystore', handlers: { ...identityStoreReadHandlers, ...identityStoreWriteHandlers } },
};

/** Options of `startLocalAws`. */
export interface LocalAwsOptions {
  /** Directory in the demo/org layout; default `demo/org` under the working directory. */
  dataDir?: string;
  /** In-memory data instead of a directory (deep-copied). */
  data?: LocalOrganizationData;
  faults?: FaultConfigInput;
  /** 0 picks a free port (tests). Default 4566. */
  port?: number;
  host?: string;
  /**
   * Who the base credentials are (IAM user or role ARN); their calls are served by that account.
   * Default: a user of the management account.
   */
  baseIdentityArn?: string;
  /**
   * CloudTrail files (any depth) LookupEvents and Access Advisor answer from, e.g. the demo's
   * `demo/org/cloudtrail`. Absent: no events (every account looks idle).
   */
  trailDir?: string;
  /** S3 bucket name under which `trailDir` is served as an organisation trail bucket; default `aws-cloudtrail-logs-<management account>-org`. */
  trailBucket?: string;
  /** AWS managed policies that may be attached (`aws iam get-policy-version` files); default demo/aws-managed-policies. */
  managedPolicyDir?: string;
}

/** One call as the endpoint saw it (no secrets: access key ids are identifiers, not secrets). */
export interface CallLogEntry {
  sequence: number;
  service: 'iam' | 'sts' | 'organizations' | 'bedrock' | 'cloudtrail' | 'sso-admin' | 'identitystore' | 's3' | 'unknown';
  action: string;
  accountId: string;
  accessKeyId: string;
  status: number;
  fault?: 'throttle' | 'fail' | 'truncate' | 'malformed';
  /** Request parameters (form or JSON), for tests that assert what a client sent. */
  params: Record<string, unknown>;
}

/** A running endpoint. */
export interface LocalAwsHandle {
  url: string;
  port: number;
  state: LocalAwsState;
  callLog: CallLogEntry[];
  /** Calls received so far, faulted ones included. */
  readonly callCount: number;
  /** Highest number of requests handled at the same time (concurrency tests). */
  readonly peakInFlight: number;
  setFaults(faults: FaultConfigInput): void;
  stop(): Promise<void>;
}

interface ParsedCall {
  service: CallLogEntry['service'];
  action: string;
  params: URLSearchParams | null;
  input: Record<string, unknown> | null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Names a request across the SDK's retries: same caller, action, path and query, and body. */
function requestKeyOf(accessKeyId: string, action: string, url: string | undefined, body: string): string {
  return createHash('sha256').update(`${accessKeyId}\n${action}\n${url ?? ''}\n`).update(body).digest('base64');
}

function parseCall(request: IncomingMessage, body: string, signedService: string | null): ParsedCall {
  // Bedrock is REST JSON: the method and path name the operation, the SigV4 scope the service.
  if (signedService === 'bedrock') {
    const url = new URL(request.url ?? '/', 'http://local');
    return { service: 'bedrock', action: `${request.method ?? 'GET'} ${url.pathname}`, params: url.searchParams, input: null };
  }
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') {
    let input: Record<string, unknown> = {};
    try {
      const parsed = body ? (JSON.parse(body) as unknown) : {};
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
    } catch {
      throw new AwsApiError('SerializationException', 'The request body is not valid JSON.', 400);
    }
    const jsonService = Object.entries(JSON_SERVICES).find(([prefix]) => target.startsWith(prefix))?.[1].service;
    const service = target.startsWith(ORGANIZATIONS_TARGET_PREFIX) ? 'organizations' : isCloudTrailTarget(target) ? 'cloudtrail' : (jsonService ?? 'unknown');
    return { service, action: target.slice(target.indexOf('.') + 1), params: null, input };
  }
  const params = new URLSearchParams(body);
  const version = params.get('Version');
  // The SigV4 scope names the service; the API version is the fallback for unsigned calls.
  const service = signedService === 'iam' || version === '2010-05-08' ? 'iam' : signedService === 'sts' || version === '2011-06-15' ? 'sts' : 'unknown';
  return { service, action: params.get('Action') ?? '', params, input: null };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * Starts the local AWS endpoint: IAM and STS over the AWS Query protocol, Organizations over
 * JSON 1.1, all on one port. Point SDK clients at it with `endpoint` or
 * `AWS_ENDPOINT_URL_IAM` / `_STS` / `_ORGANIZATIONS`. Signatures are not verified; the access key
 * id of the SigV4 scope selects the account (see access-keys.ts); base credentials are served as
 * `baseIdentityArn`'s account, the management account by default.
 */
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAwsHandle> {
  const data = options.data ?? loadOrganizationData(options.dataDir ?? path.resolve('demo/org'));
  const state = new LocalAwsState(data, loadManagedPolicyCatalog(options.managedPolicyDir ?? path.resolve('demo/aws-managed-policies')), options.baseIdentityArn);
  const faults = new FaultController(options.faults ?? {});
  // CloudTrail events (the demo's generated activity), read on first use.
  const trail = new LocalTrailEvents(options.trailDir ?? null);
  const trailBucket: LocalTrailBucket | null =
    options.trailDir === undefined ? null : { bucket: options.trailBucket ?? `aws-cloudtrail-logs-${state.managementAccountId}-org`, folder: options.trailDir, readerAccountIds: new Set([state.managementAccountId, state.baseIdentity.accountId]) };
  const callLog: CallLogEntry[] = [];
  let inFlight = 0;
  let peakInFlight = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const scope = parseAuthorizationHeader(request.headers.authorization);
    const accessKeyId = scope?.accessKeyId ?? '';
    let call: ParsedCall = { service: 'unknown', action: '', params: null, input: null };
    const entry: CallLogEntry = { sequence: callLog.length + 1, service: 'unknown', action: '', accountId: '', accessKeyId, status: 0, params: {} };
    callLog.push(entry);
    if (scope?.service === 's3') {
      // S3 is REST-XML with binary bodies: answered by its own handler (the organisation trail bucket).
      Object.assign(entry, { service: 's3', action: `${request.method ?? 'GET'} ${request.url ?? '/'}`, accountId: accountOfAccessKeyId(accessKeyId) ?? state.baseIdentity.accountId });
      if (trailBucket === null) response.writeHead(404).end();
      else handleS3Request(request, response, trailBucket, entry.accountId);
      entry.status = response.statusCode;
      return;
    }
    const isRest = scope?.service === 'bedrock';
    const isJson = isRest || typeof request.headers['x-amz-target'] === 'string';
    const send = (status: number, text: string, errorType?: string) => {
      entry.status = status;
      const contentType = isRest ? 'application/json' : isJson ? 'application/x-amz-json-1.1' : 'text/xml';
      response.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(text), ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
      response.end(text);
    };
    const sendError = (error: AwsApiError) => {
      if (isRest) send(error.status, JSON.stringify({ message: error.message }), error.code);
      else if (isJson) send(error.status, JSON.stringify({ __type: error.code, message: error.message }));
      else send(error.status, writeQueryError(call.service === 'sts' ? NAMESPACES.sts : NAMESPACES.iam, error.fault, error.code, error.message));
    };
    try {
      call = parseCall(request, body, scope?.service ?? null);
      entry.service = call.service;
      entry.action = call.action;
      entry.params = call.input ?? Object.fromEntries(call.params ?? []);
      const accountId = accountOfAccessKeyId(accessKeyId) ?? state.baseIdentity.accountId;
      entry.accountId = accountId;
      const decision = faults.registerCall(call.action, requestKeyOf(accessKeyId, call.action, request.url, body));
      if (faults.current.latencyMs > 0) await sleep(faults.current.latencyMs);
      if (!state.accounts.has(accountId)) throw new AwsApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      assertSessionCurrent(state, accessKeyId, isJson);
      if (decision.kind === 'throttle') {
        entry.fault = 'throttle';
        if (isRest) throw new AwsApiError('ThrottlingException', 'Rate exceeded', 429);
        // Identity Center answers throttling with ThrottlingException (400); Organizations with HTTP 429
        // (its model's TooManyRequestsException); IAM and STS with 400 Throttling.
        if (call.service === 'sso-admin' || call.service === 'identitystore') throw new AwsApiError('ThrottlingException', 'Rate exceeded', 400);
        throw isJson ? new AwsApiError('TooManyRequestsException', 'You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.', 429) : new AwsApiError('Throttling', 'Rate exceeded', 400);
      }
      if (decision.kind === 'fail') {
        entry.fault = 'fail';
        if (decision.error === 'InternalFailure') throw new AwsApiError(isJson ? 'ServiceException' : 'InternalFailure', 'The request processing has failed because of an unknown error.', 500);
        throw new AwsApiError(isJson ? 'AccessDeniedException' : 'AccessDenied', `User is not authorized to perform: ${call.service}:${call.action} (injected fault)`, 403);
      }
      const context: CallContext = { state, faults, accountId, accessKeyId, region: scope?.region, trail };
      let text: string;
      if (call.service === 'bedrock' && call.params) {
        const answer = handleBedrockCall(context, { method: request.method ?? 'GET', path: new URL(request.url ?? '/', 'http://local').pathname, query: call.params, region: scope?.region ?? 'us-east-1' });
        text = JSON.stringify(answer.body);
      } else if (call.service === 'organizations' && call.input) {
        const handler: JsonHandler | undefined = organizationsHandlers[call.action];
        if (!handler) throw new AwsApiError('UnknownOperationException', `Unknown operation ${call.action}`, 400);
        text = JSON.stringify(handler(context, call.input));
      } else if (call.service === 'cloudtrail' && call.input) {
        const handler: JsonHandler | undefined = cloudTrailHandlers[call.action];
        if (!handler) throw new AwsApiError('UnknownOperationException', `Unknown operation ${call.action}`, 400);
        text = JSON.stringify(handler(context, call.input));
      } else if ((call.service === 'sso-admin' || call.service === 'identitystore') && call.input) {
        const jsonService = Object.values(JSON_SERVICES).find((candidate) => candidate.service === call.service);
        const handler = jsonService?.handlers[call.action];
        if (!handler) throw new AwsApiError('UnknownOperationException', `Unknown operation ${call.action}`, 400);
        text = JSON.stringify(handler(context, call.input));
      } else if ((call.service === 'iam' || call.service === 'sts') && call.params) {
        const handler = QUERY_HANDLERS[call.service][call.action];
        if (!handler) throw new AwsApiError('InvalidAction', `Could not find operation ${call.action} for version ${call.params.get('Version') ?? ''}`, 400);
        text = writeQueryResponse(call.action, NAMESPACES[call.service], handler(context, call.params));
      } else {
        throw new AwsApiError('InvalidAction', 'The endpoint cannot tell which service this request is for.', 400);
      }
      if (faults.shouldMalform(call.action)) {
        entry.fault = 'malformed';
        text = isJson ? '{"this is": not json' : '<html><body><h1>502 Bad Gateway</h1>';
      } else if (faults.shouldTruncate(call.action)) {
        entry.fault = 'truncate';
        text = text.slice(0, Math.floor(text.length / 2));
      }
      send(200, text);
    } catch (error) {
      sendError(error instanceof AwsApiError ? error : new AwsApiError(isJson ? 'ServiceException' : 'ServiceFailure', error instanceof Error ? error.message : String(error), 500));
    }
  }

  const server = createServer((request, response) => {
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
    });
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    state,
    callLog,
    get callCount() {
      return faults.callCount;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    setFaults: (next) => faults.set(next),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
