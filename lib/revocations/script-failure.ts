import { z } from 'zod';
import type { RevocationStatus } from './statuses';

/** What an admin pastes when the offline script stopped: the AWS CLI's error output. */
export const reportScriptFailureSchema = z
  .object({ output: z.string().trim().min(10, 'Paste the error the AWS CLI printed (at least 10 characters).').max(4000, 'Paste at most 4,000 characters of the output.') })
  .strict();

/** Only a script handed over and not yet confirmed by an import can be reported as failed. */
export function canReportScriptFailure(input: { status: RevocationStatus; mode: 'live' | 'offline' }): boolean {
  return input.mode === 'offline' && input.status === 'awaiting-confirmation';
}

export interface ScriptFailure {
  /** AWS error code, e.g. `AccessDenied`, when the output has the AWS CLI's error line. */
  code: string | null;
  /** The IAM operation that failed, e.g. `DetachRolePolicy`. */
  operation: string | null;
  /** The sentence stored as the revocation's error. */
  summary: string;
}

// The AWS CLI prints service errors as: "An error occurred (AccessDenied) when calling the DetachRolePolicy operation: <message>".
const CLI_ERROR = /An error occurred \(([A-Za-z0-9.]+)\) when calling the ([A-Za-z0-9]+) operation(?: \(reached max retries: \d+\))?: ?(.*)/;

/**
 * Reads the AWS CLI output an admin reports: the first AWS error line gives the code, the
 * operation and AWS's message; any other text is kept as it was pasted.
 */
export function describeScriptFailure(output: string): ScriptFailure {
  const text = output.trim();
  const match = CLI_ERROR.exec(text);
  if (!match) return { code: null, operation: null, summary: `The AWS CLI script failed: ${text}` };
  const [, code, operation, message] = match;
  return { code, operation, summary: `The AWS CLI script failed at ${operation}: ${code}${message ? ` — ${message.trim()}` : ''}` };
}
