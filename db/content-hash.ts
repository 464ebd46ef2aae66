import { createHash } from 'node:crypto';

/**
 * The key of a content-addressed text (`policy_documents.hash`, `action_lists.hash`): the sha256
 * of the text exactly as stored, in hex. The same function is registered in SQLite as
 * `sha256_hex(text)` (db/client.ts), so a migration keys moved texts as the writers do.
 */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
