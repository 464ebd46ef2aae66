import { desc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { computeDrift, loadDriftEntitlements, type DriftChange, type DriftEntitlement } from '../../db/queries/drift';
import { scans } from '../../db/schema';
import { integerFlag, UsageError, type ParsedArguments } from '../cli-args';

function publishedScanIds(database: AppDatabase): number[] {
  return database.select({ id: scans.id }).from(scans).where(eq(scans.isPublished, true)).orderBy(desc(scans.id)).limit(2).all().map((row) => row.id);
}

function assertPublished(database: AppDatabase, scanId: number): void {
  const scan = database.select({ isPublished: scans.isPublished }).from(scans).where(eq(scans.id, scanId)).get();
  if (!scan?.isPublished) throw new UsageError(`scan ${scanId} is not a published snapshot`);
}

function describeEntitlement(entry: DriftEntitlement): string {
  return `${entry.principalName} via ${entry.policyName} (${entry.actions.length} actions)`;
}

function describeChange(change: DriftChange): string {
  const parts = [change.gained.length ? `+${change.gained.join(', +')}` : '', change.lost.length ? `-${change.lost.join(', -')}` : ''].filter(Boolean);
  return `${change.principalName} via ${change.policyName}: ${parts.join(' ')}`;
}

/** `diff [--from ID --to ID]`: drift between two snapshots, the last two by default. */
export function diffCommand(database: AppDatabase, parsed: ParsedArguments): number {
  let from = integerFlag(parsed, 'from');
  let to = integerFlag(parsed, 'to');
  if (from === undefined || to === undefined) {
    const [latest, previous] = publishedScanIds(database);
    if (latest === undefined || previous === undefined) throw new UsageError('Drift needs two published snapshots; give --from ID --to ID or scan twice.');
    from ??= previous;
    to ??= latest;
  }
  assertPublished(database, from);
  assertPublished(database, to);
  const drift = computeDrift(loadDriftEntitlements(database, from), loadDriftEntitlements(database, to));
  console.log(`Drift from snapshot ${from} to ${to}`);
  const sections: Array<[string, string[]]> = [
    ['Principals that gained Bedrock access', drift.principalsAdded.map((principal) => principal.principalArn)],
    ['Principals that lost all Bedrock access', drift.principalsRemoved.map((principal) => principal.principalArn)],
    ['Entitlements added', drift.entitlementsAdded.map(describeEntitlement)],
    ['Entitlements removed', drift.entitlementsRemoved.map(describeEntitlement)],
    ['Entitlements widened', drift.widened.map(describeChange)],
    ['Entitlements narrowed', drift.narrowed.map(describeChange)],
  ];
  for (const [title, lines] of sections) {
    console.log(`\n${title}: ${lines.length}`);
    for (const line of lines) console.log(`  ${line}`);
  }
  console.log(`\nUnchanged entitlements: ${drift.unchangedCount}`);
  return 0;
}
