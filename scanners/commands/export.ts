import type { AppDatabase } from '../../db/client';
import { mapCanDisableControls } from '../../db/queries/export-can-disable-controls';
import { listExportedControls } from '../../db/queries/export-controls';
import { findLatestPublishedScan, iterateExportedPrincipals } from '../../db/queries/export-snapshot';
import { getExportedUsage } from '../../db/queries/usage-export';
import { getExportedPersonUsage } from '../../db/queries/usage-export-people';
import { iterateExportedPeople, loadExportedRolePeople } from '../../db/queries/people/export-people';
import { stringFlag, UsageError, type ParsedArguments } from '../cli-args';

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/**
 * `export --format json`: the latest snapshot's analysis on stdout, streamed principal by
 * principal. Principals without any Bedrock permission are not listed.
 */
export async function exportCommand(database: AppDatabase, parsed: ParsedArguments): Promise<number> {
  const format = stringFlag(parsed, 'format') ?? 'json';
  if (format !== 'json') throw new UsageError('--format must be json');
  const scan = findLatestPublishedScan(database);
  if (!scan) throw new UsageError('No published snapshot yet: run `npm run cli -- scan --from demo/org` (or a live scan) first.');
  // Controls (issue #20): the posture per account and region, and per principal what it can switch off.
  // Usage (issue #18): provenance of the snapshot's Bedrock calls, and per principal its usage evidence.
  // SSO role principals gain their permission set and the people behind them, and a top-level people array (#14).
  const usage = getExportedUsage(database, scan.id);
  await write(`{"scan":${JSON.stringify(scan)},"controls":${JSON.stringify(listExportedControls(database, scan.id))},"provenance":${JSON.stringify(usage.provenance)},"principals":[`);
  const canDisable = mapCanDisableControls(database, scan.id);
  const rolePeople = loadExportedRolePeople(database, scan.id);
  let isFirst = true;
  for (const principal of iterateExportedPrincipals(database, scan.id)) {
    const people = rolePeople.get(principal.arn);
    await write(`${isFirst ? '' : ','}\n${JSON.stringify({ ...principal, ...(people ?? {}), usage: usage.byPrincipal.get(principal.arn) ?? usage.emptyUsage, canDisableControls: canDisable.get(principal.arn) ?? [] })}`);
    isFirst = false;
  }
  await write('\n],"people":[');
  isFirst = true;
  // Per person (#18): the calls CloudTrail attributed to the person's Identity Center UserId.
  const personUsage = getExportedPersonUsage(database, scan.id);
  for (const person of iterateExportedPeople(database, scan.id)) {
    await write(`${isFirst ? '' : ','}\n${JSON.stringify({ ...person, usage: personUsage.get(person.userId) ?? usage.emptyUsage })}`);
    isFirst = false;
  }
  await write('\n]}\n');
  return 0;
}
