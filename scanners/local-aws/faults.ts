import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LocalAwsDataError } from './errors';

const failCallSchema = z
  .object({
    /** Action name as in the request (`DetachRolePolicy`, `AssumeRole`, `ListAccounts`). */
    action: z.string().min(1),
    /** 1-based, counted from when the faults were set: which call of that action is refused (retries count as calls). */
    nth: z.number().int().min(1),
    /** `AccessDenied` (403, not retried by SDKs) or `InternalFailure` (500, retried). */
    error: z.enum(['AccessDenied', 'InternalFailure']).default('AccessDenied'),
  })
  .strict();

/**
 * Fault injection, from `--faults FILE` or `setFaults()` in tests. Every field is optional; an
 * empty object means a well-behaved endpoint.
 */
export const faultConfigSchema = z
  .object({
    /** AssumeRole into these accounts answers AccessDenied, as if their trust policy did not trust us. */
    denyAssumeRoleForAccounts: z.array(z.string().regex(/^\d{12}$/)).default([]),
    /**
     * About one call in n (counted over all services) answers a throttling error; 0 or absent: never.
     * A retried request keeps counting from the number its first attempt drew, so with n of 2 or more
     * the retry right after a throttle passes, however many other requests arrive in between; with 1,
     * every call is throttled.
     */
    throttleEveryNthCall: z.number().int().min(0).default(0),
    /** Delay before every answer. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** These actions answer 200 with the body cut in half (Content-Length matches the cut body). */
    truncateResponseForActions: z.array(z.string()).default([]),
    /** These actions answer 200 with a body that is not the protocol's format. */
    malformedResponseForActions: z.array(z.string()).default([]),
    /** Every AssumeRole session lasts at most this many seconds (0: as requested), so tests see credentials expire. */
    sessionDurationSeconds: z.number().int().min(0).default(0),
    /** Refuse the nth call of an action (one rule or several). */
    failCallNumber: z.union([failCallSchema, z.array(failCallSchema)]).optional(),
  })
  .strict();

/** Fault configuration as written (fields optional). */
export type FaultConfigInput = z.input<typeof faultConfigSchema>;
/** Fault configuration with defaults applied. */
export type FaultConfig = z.output<typeof faultConfigSchema>;

/** Validates a fault configuration; the error names the offending field. */
export function parseFaultConfig(input: unknown, source = 'faults'): FaultConfig {
  const result = faultConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new LocalAwsDataError(`${source}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

/** Reads and validates a fault configuration file. */
export function loadFaultConfig(file: string): FaultConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new LocalAwsDataError(`Cannot read faults file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFaultConfig(parsed, file);
}

/** What the router must do with one call before (or instead of) handling it. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'throttle' }
  | { kind: 'fail'; error: 'AccessDenied' | 'InternalFailure' };

/** Counts calls and decides which ones a fault applies to. */
export class FaultController {
  private config: FaultConfig;
  private readonly callsByAction = new Map<string, number>();
  private callsSinceConfigured = 0;
  /** Call number each request drew on its first attempt, kept while that request is being throttled. */
  private readonly throttledRequests = new Map<string, number>();
  /** Calls received so far, over all services (faulted ones included); never reset. */
  callCount = 0;

  constructor(config: FaultConfigInput = {}) {
    this.config = parseFaultConfig(config);
  }

  /**
   * Replaces the configuration and restarts the counters the rules use, so `nth` and
   * `throttleEveryNthCall` count from this moment ("the second DetachRolePolicy from now fails").
   */
  set(config: FaultConfigInput): void {
    this.config = parseFaultConfig(config);
    this.callsByAction.clear();
    this.callsSinceConfigured = 0;
    this.throttledRequests.clear();
  }

  get current(): FaultConfig {
    return this.config;
  }

  /**
   * Registers one call of `action` and says whether a fault replaces it. `requestKey` names the
   * request across retries (caller, action, body); without it every call counts as a new request.
   */
  registerCall(action: string, requestKey?: string): FaultDecision {
    this.callCount += 1;
    this.callsSinceConfigured += 1;
    const actionCount = (this.callsByAction.get(action) ?? 0) + 1;
    this.callsByAction.set(action, actionCount);
    const rules = this.config.failCallNumber === undefined ? [] : [this.config.failCallNumber].flat();
    const rule = rules.find((candidate) => candidate.action === action && candidate.nth === actionCount);
    if (rule) return { kind: 'fail', error: rule.error };
    if (this.isThrottled(requestKey)) return { kind: 'throttle' };
    return { kind: 'none' };
  }

  /**
   * Counting calls over all concurrent requests alone let one unlucky request draw a multiple of n
   * on every attempt and exhaust its retries (a flaky test, not a real service's behaviour): its
   * attempts are numbered from its first draw instead, so consecutive attempts get consecutive numbers.
   */
  private isThrottled(requestKey: string | undefined): boolean {
    const every = this.config.throttleEveryNthCall;
    if (every === 0) return false;
    const previous = requestKey === undefined ? undefined : this.throttledRequests.get(requestKey);
    const number = previous === undefined ? this.callsSinceConfigured : previous + 1;
    const throttled = number % every === 0;
    if (requestKey !== undefined) {
      if (throttled) this.throttledRequests.set(requestKey, number);
      else this.throttledRequests.delete(requestKey);
    }
    return throttled;
  }

  isAssumeRoleDenied(accountId: string): boolean {
    return this.config.denyAssumeRoleForAccounts.includes(accountId);
  }

  shouldTruncate(action: string): boolean {
    return this.config.truncateResponseForActions.includes(action);
  }

  shouldMalform(action: string): boolean {
    return this.config.malformedResponseForActions.includes(action);
  }
}
