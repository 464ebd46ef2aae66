/**
 * `npm run bench -- analysis [--shape template|diverse] [--accounts 1000 --principals-per-account 100]`:
 * the engine over a generated organisation (template: policies shared across accounts; diverse:
 * policies drawn per account and a dense cross-account trust graph, see bench/organization-shape.ts). Prints wall
 * time, principals per second and peak RSS, then the naive design (one simulation call per
 * principal x action, with the AGPL oracle iam-simulate, dev-only) on a 1,000-principal slice.
 */
import { generateShapedAccounts, generateShapedOrganizationFile, shapeOf } from './organization-shape';
import { buildSnapshot, type AccountSource } from '../scanners/map/build-snapshot';
import { analyzeSnapshot } from '../lib/analysis/analyze-snapshot';
import { loadActionCatalogue } from '../lib/analysis/catalogue/load-catalogue';
import { DEFAULT_SOD_RULES } from '../lib/analysis/sod/default-rules';
import { flagValue, megabytes, startPeakRssSampler } from './measure';
import { runNaiveSlice } from './naive-simulation';

export async function benchAnalysis(argv: string[]): Promise<void> {
  const accountCount = flagValue(argv, 'accounts', 1000);
  const principalsPerAccount = flagValue(argv, 'principals-per-account', 100);
  const shape = shapeOf(argv);
  const now = new Date('2026-11-01T00:00:00Z');

  console.log(`Generating the ${shape} organisation: ${accountCount} accounts x ${principalsPerAccount} principals ...`);
  const generationStarted = performance.now();
  const sources: AccountSource[] = [];
  for (const account of generateShapedAccounts({ shape, accountCount, principalsPerAccount })) {
    // Through JSON, as a scan or an import reads it: the generator builds its strings by
    // concatenation, and V8 keeps those as ropes that a parsed document never has.
    sources.push(JSON.parse(JSON.stringify({ accountId: account.accountId, details: account.authorizationDetails, credentials: account.credentials })));
  }
  const organization = generateShapedOrganizationFile({ shape, accountCount, principalsPerAccount });
  const { snapshot } = buildSnapshot({ capturedAt: now.toISOString(), organization, accounts: sources });
  sources.length = 0;
  const principalCount = snapshot.accounts.reduce((sum, account) => sum + account.users.length + account.roles.length, 0);
  console.log(`  ${principalCount} principals generated and mapped in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s`);

  const catalogue = await loadActionCatalogue();
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const sampler = startPeakRssSampler();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const analysis = analyzeSnapshot(snapshot, catalogue, { now, sodRules: [...DEFAULT_SOD_RULES] });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRss = sampler.stop();
  const holders = analysis.principals.filter((principal) => principal.grants.length > 0).length;
  const grantCount = analysis.principals.reduce((sum, principal) => sum + principal.grants.length, 0);

  console.log('\nanalysis (compiled policies, shared across principals)');
  console.log(`  principals analysed:   ${analysis.principals.length} (${holders} hold Bedrock access, ${grantCount} grants)`);
  console.log(`  wall time:             ${seconds.toFixed(2)} s`);
  console.log(`  CPU time:              ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (the machine is shared: CPU time is the steadier figure)`);
  console.log(`  principals per second: ${Math.round(analysis.principals.length / seconds)}`);
  console.log(`  peak RSS:              ${megabytes(peakRss)} (process, including the generated snapshot; ${megabytes(baselineRss)} before analysis)`);
  console.log(`  target:                100,000 principals in <= 10 s and <= 1.5 GB`);

  if (argv.includes('--skip-naive')) return;
  const naive = await runNaiveSlice(snapshot, catalogue, flagValue(argv, 'naive-principals', 1000));
  console.log('\nnaive design: one simulation call per (principal, action), iam-simulate as the simulator');
  console.log(`  slice:                 ${naive.principalCount} principals x ${naive.actionCount} actions = ${naive.callCount} calls`);
  console.log(`  wall time:             ${naive.seconds.toFixed(2)} s (${((naive.seconds / naive.callCount) * 1e6).toFixed(1)} µs per call)`);
  console.log(`  projected for ${analysis.principals.length}: ${((naive.seconds / naive.principalCount) * analysis.principals.length / 60).toFixed(1)} min`);
}
