/**
 * `npm run bench -- identity-center [--runs 3] [--accounts 1000 --principals-per-account 20 --people 20000 --groups 2000 --assignments 200000] [--parts]`:
 * the offline import of an organisation with Identity Center at the issue's scale (#14: 20,000
 * people, 300 permission sets, 200,000 assignments across 1,000 accounts) against the import of the
 * same IAM files without `identity-center.json`. Each import runs in its own process, alternating,
 * and the medians are compared: the target is at most 2x. `--parts` also times the pure steps
 * Identity Center adds (mapping, linking, person analysis) on synthetic data.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ISSUE_SCALE, writeIdentityCenterBenchOrganization, type IdentityCenterBenchFolders } from './identity-center-organization';
import { flagValue, megabytes } from './measure';
import { BENCH_OUTPUT_DIRECTORY, ensureOrganization, hasFlag, removeDatabaseFiles } from './organization-cache';

interface RunFigures {
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  principals: number;
  status: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function runImport(directory: string, databasePath: string): RunFigures {
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', path.join(__dirname, 'identity-center-run.ts'), directory, databasePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const line = output.trim().split('\n').at(-1) ?? '';
  const figures = JSON.parse(line) as RunFigures;
  removeDatabaseFiles(databasePath);
  return figures;
}

function ensureFolders(argv: string[]): IdentityCenterBenchFolders {
  const parameters = { ...ISSUE_SCALE, accountCount: flagValue(argv, 'accounts', ISSUE_SCALE.accountCount), principalsPerAccount: flagValue(argv, 'principals-per-account', ISSUE_SCALE.principalsPerAccount), people: flagValue(argv, 'people', ISSUE_SCALE.people), groups: flagValue(argv, 'groups', ISSUE_SCALE.groups), assignments: flagValue(argv, 'assignments', ISSUE_SCALE.assignments) };
  const base = path.join(BENCH_OUTPUT_DIRECTORY, `identity-center-base-${parameters.accountCount}x${parameters.principalsPerAccount}`);
  const target = path.join(BENCH_OUTPUT_DIRECTORY, `identity-center-${parameters.accountCount}x${parameters.principalsPerAccount}-${parameters.people}p-${parameters.assignments}a`);
  const marker = path.join(target, 'bench-parameters.json');
  const organization = ensureOrganization(base, { accountCount: parameters.accountCount, principalsPerAccount: parameters.principalsPerAccount, shape: 'template' }, { isFresh: hasFlag(argv, 'fresh') });
  if (organization.isReused && fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, 'utf8')) as { parameters: typeof parameters; folders: IdentityCenterBenchFolders };
    if (JSON.stringify(saved.parameters) === JSON.stringify(parameters)) return saved.folders;
  }
  const started = performance.now();
  const folders = writeIdentityCenterBenchOrganization(base, target, parameters);
  fs.writeFileSync(marker, `${JSON.stringify({ parameters, folders }, null, 2)}\n`);
  console.log(`Generated the Identity Center organisation in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return folders;
}

export async function benchIdentityCenter(argv: string[]): Promise<void> {
  if (hasFlag(argv, 'parts')) await import('./identity-center-parts');
  const runs = flagValue(argv, 'runs', 3);
  const folders = ensureFolders(argv);
  if (hasFlag(argv, 'generate-only')) return;
  const identityCenterBytes = fs.statSync(path.join(folders.withIdentityCenter, 'identity-center.json')).size;
  console.log(`Identity Center: ${folders.permissionSetCount} permission sets as ${folders.ssoRoleCount} SSO roles, ${folders.assignmentCount} assignments (identity-center.json ${(identityCenterBytes / 1e6).toFixed(0)} MB)`);
  const without: RunFigures[] = [];
  const withIdentityCenter: RunFigures[] = [];
  for (let run = 0; run < runs; run += 1) {
    without.push(runImport(folders.withoutIdentityCenter, path.join(BENCH_OUTPUT_DIRECTORY, 'identity-center-without.db')));
    withIdentityCenter.push(runImport(folders.withIdentityCenter, path.join(BENCH_OUTPUT_DIRECTORY, 'identity-center-with.db')));
    console.log(`  run ${run + 1}: without ${without[run].seconds.toFixed(1)} s (CPU ${without[run].cpuSeconds.toFixed(1)} s), with ${withIdentityCenter[run].seconds.toFixed(1)} s (CPU ${withIdentityCenter[run].cpuSeconds.toFixed(1)} s)`);
  }
  const row = (label: string, figures: RunFigures[]) =>
    console.log(`  ${label.padEnd(28)} wall ${median(figures.map((run) => run.seconds)).toFixed(1)} s, CPU ${median(figures.map((run) => run.cpuSeconds)).toFixed(1)} s, peak RSS ${megabytes(median(figures.map((run) => run.peakRss)))}, ${figures[0].principals} principals, ${figures[0].status}`);
  console.log(`\noffline import, medians of ${runs} runs each:`);
  row('without identity-center.json', without);
  row('with identity-center.json', withIdentityCenter);
  const wallRatio = median(withIdentityCenter.map((run) => run.seconds)) / median(without.map((run) => run.seconds));
  const cpuRatio = median(withIdentityCenter.map((run) => run.cpuSeconds)) / median(without.map((run) => run.cpuSeconds));
  console.log(`  with / without: wall ${wallRatio.toFixed(2)}x, CPU ${cpuRatio.toFixed(2)}x (target <= 2x: ${Math.max(wallRatio, cpuRatio) <= 2 ? 'met' : 'MISSED'})`);
}
