/**
 * `npm run bench -- import [--shape template|diverse] [--accounts 200 --principals-per-account 100]`:
 * the offline import end to end (read, map, analyse, persist, publish) into a fresh database,
 * beside its physical floor: the time Node takes to read and JSON.parse the same files. One
 * import per process, so the peak RSS is this import's; run it several times for a median.
 */
import fs from 'node:fs';
import path from 'node:path';
import { flagValue, megabytes } from './measure';
import { shapeOf } from './organization-shape';
import { BENCH_OUTPUT_DIRECTORY, ensureOrganization, hasFlag } from './organization-cache';
import { seconds, timeScan } from './scan';

/** Reads and parses every JSON file of the organisation directory: what any importer must at least do. */
function measureReadAndParseFloor(directory: string): { seconds: number; bytes: number } {
  const files = [...fs.readdirSync(directory).map((name) => path.join(directory, name)), ...fs.readdirSync(path.join(directory, 'credentials')).map((name) => path.join(directory, 'credentials', name))].filter((file) => file.endsWith('.json') && !file.endsWith('bench-parameters.json'));
  const started = performance.now();
  let bytes = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    JSON.parse(text);
  }
  return { seconds: (performance.now() - started) / 1000, bytes };
}

export async function benchImport(argv: string[]): Promise<void> {
  const accountCount = flagValue(argv, 'accounts', 200);
  const principalsPerAccount = flagValue(argv, 'principals-per-account', 100);
  const shape = shapeOf(argv);
  const directory = path.join(BENCH_OUTPUT_DIRECTORY, `import-${shape}-${accountCount}x${principalsPerAccount}`);
  const organization = ensureOrganization(directory, { accountCount, principalsPerAccount, shape }, { isFresh: hasFlag(argv, 'fresh') });
  console.log(organization.isReused ? `Reusing ${path.relative(process.cwd(), directory)}` : `Generated the ${shape} organisation into ${path.relative(process.cwd(), directory)} in ${organization.seconds.toFixed(1)} s`);
  if (hasFlag(argv, 'generate-only')) return;

  const floor = measureReadAndParseFloor(directory);
  const run = await timeScan(path.join(BENCH_OUTPUT_DIRECTORY, `import-${shape}-${accountCount}x${principalsPerAccount}.db`), { kind: 'offline', directory });
  const analysing = run.phases.at('Analysing');
  const persistStart = run.phases.persistStart();
  console.log(`\noffline import, ${shape} shape: ${run.outcome.accountCount} accounts, ${run.outcome.principalCount} principals (${run.outcome.bedrockPrincipalCount} hold Bedrock access)`);
  console.log(`  wall time:             ${run.seconds.toFixed(2)} s`);
  console.log(`  CPU time:              ${run.cpuSeconds.toFixed(2)} s`);
  console.log(`  peak RSS:              ${megabytes(run.peakRss)}`);
  console.log(`  floor (read + JSON.parse of the same ${(floor.bytes / 1e6).toFixed(0)} MB): ${floor.seconds.toFixed(2)} s; import / floor = ${(run.seconds / floor.seconds).toFixed(1)}x`);
  console.log(`  read + map:            ${seconds(analysing?.seconds)}`);
  const persistStartCpu = run.phases.persistStartCpu();
  console.log(`  read + map (CPU):      ${seconds(analysing?.cpuSeconds)}`);
  if (analysing && persistStart !== undefined && persistStartCpu !== undefined) {
    console.log(`  analysis:              ${seconds(persistStart - analysing.seconds)} (CPU ${seconds(persistStartCpu - analysing.cpuSeconds)})`);
    console.log(`  persist + publish:     ${seconds(run.seconds - persistStart)} (CPU ${seconds(run.cpuSeconds - persistStartCpu)})`);
  }
}
