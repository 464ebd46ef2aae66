import { z } from 'zod';
import { ATTRIBUTION_BASES, CALLER_KINDS, UNATTRIBUTED_REASONS, type Caller, type SessionOrigin } from '../../lib/usage/types';
import { readStoredJson } from './read-stored-json';
import type { ShapeOf } from './shape-of';

const callerSchema = z.object({
  kind: z.enum(CALLER_KINDS),
  name: z.string(),
  identityCenterUserId: z.string().nullable(),
  basis: z.enum(ATTRIBUTION_BASES),
  reason: z.enum(UNATTRIBUTED_REASONS).nullable(),
} satisfies ShapeOf<Caller>);

const sessionOriginSchema = z.object({
  accessKeyId: z.string(),
  caller: callerSchema,
  isStandingCredential: z.boolean(),
  expiration: z.string().nullable(),
} satisfies ShapeOf<SessionOrigin>);

/** `usage_sessions.origin` of one row (keyed by scan and access key): who stands behind the session's calls. */
export function readSessionOrigin(text: string, row: { scanId: number; accessKeyId: string }): SessionOrigin {
  return readStoredJson(sessionOriginSchema, text, { column: 'usage_sessions.origin', row: `scan ${row.scanId}, access key ${row.accessKeyId}` });
}
