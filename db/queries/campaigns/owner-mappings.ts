import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { ownerMappings } from '../../schema';
import { appendAudit } from '../audit';
import { NotFoundError } from '../../../lib/http/errors';
import type { OwnerMappingRule } from '../../../lib/campaigns/reviewer';
import { inWriteTransaction } from '../../write-transaction';

export type OwnerMappingInput = Omit<OwnerMappingRule, 'id'>;

function normalise(input: OwnerMappingInput): OwnerMappingInput {
  return {
    priority: input.priority,
    accountId: input.accountId?.trim() || null,
    pathPrefix: input.pathPrefix?.trim() || null,
    namePattern: input.namePattern?.trim() || null,
    groupName: input.groupName?.trim() || null,
    permissionSetName: input.permissionSetName?.trim() || null,
    ownerEmail: input.ownerEmail.trim().toLowerCase(),
  };
}

/** Rules in the order they are tried: ascending priority, then id. */
export function listOwnerMappings(database: AppDatabase): OwnerMappingRule[] {
  return database.select().from(ownerMappings).orderBy(asc(ownerMappings.priority), asc(ownerMappings.id)).all();
}

export function createOwnerMapping(database: AppDatabase, input: OwnerMappingInput, actor: string, now = new Date()): OwnerMappingRule {
  return inWriteTransaction(database, () => {
    const rule = database.insert(ownerMappings).values(normalise(input)).returning().get();
    appendAudit(database, { actor, action: 'owner-mapping.create', objectType: 'owner_mapping', objectId: rule.id, after: rule }, now);
    return rule;
  });
}

export function updateOwnerMapping(database: AppDatabase, id: number, input: OwnerMappingInput, actor: string, now = new Date()): OwnerMappingRule {
  return inWriteTransaction(database, () => {
    const before = database.select().from(ownerMappings).where(eq(ownerMappings.id, id)).get();
    if (!before) throw new NotFoundError('No such owner-mapping rule.');
    const rule = database.update(ownerMappings).set(normalise(input)).where(eq(ownerMappings.id, id)).returning().get();
    appendAudit(database, { actor, action: 'owner-mapping.update', objectType: 'owner_mapping', objectId: id, before, after: rule }, now);
    return rule;
  });
}

export function deleteOwnerMapping(database: AppDatabase, id: number, actor: string, now = new Date()): void {
  inWriteTransaction(database, () => {
    const before = database.select().from(ownerMappings).where(eq(ownerMappings.id, id)).get();
    if (!before) throw new NotFoundError('No such owner-mapping rule.');
    database.delete(ownerMappings).where(eq(ownerMappings.id, id)).run();
    appendAudit(database, { actor, action: 'owner-mapping.delete', objectType: 'owner_mapping', objectId: id, before }, now);
  });
}
