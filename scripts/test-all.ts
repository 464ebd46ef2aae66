/**
 * `npm test`: every suite in order (typecheck, lint, unit and integration with vitest, end-to-end
 * with Playwright against a production build), then one line "N passed, N failed" summing them.
 * A suite that cannot run at all (typecheck errors, a failed build) counts as one failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const results: SuiteResult[] = [];
const only = process.argv.slice(2);

function shouldRun(name: string): boolean {
  return only.length === 0 || only.includes(name);
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return outcome.status ?? 1;
}

function runCheck(name: string, command: string, args: string[]): void {
  if (!shouldRun(name)) return;
  console.log(`\n== ${name}`);
  const status = run(command, args);
  results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function runVitest(): void {
  if (!shouldRun('unit')) return;
  console.log('\n== unit and integration tests (vitest)');
  const report = path.join(os.tmpdir(), `vitest-${process.pid}.json`);
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const json = readJson(report) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (!json) {
    results.push({ name: 'unit', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const failed = (json.numFailedTests ?? 0) + (status !== 0 && (json.numFailedTests ?? 0) === 0 ? 1 : 0);
  results.push({ name: 'unit', passed: json.numPassedTests ?? 0, failed, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) });
}

function runPlaywright(): void {
  if (!shouldRun('e2e')) return;
  console.log('\n== production build for end-to-end tests');
  if (run('npx', ['next', 'build']) !== 0) {
    results.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  console.log('\n== end-to-end tests (playwright)');
  const report = path.join(os.tmpdir(), `playwright-${process.pid}.json`);
  const status = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const json = readJson(report) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  if (!json?.stats) {
    results.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const failed = (json.stats.unexpected ?? 0) + (status !== 0 && (json.stats.unexpected ?? 0) === 0 ? 1 : 0);
  results.push({ name: 'e2e', passed: (json.stats.expected ?? 0) + (json.stats.flaky ?? 0), failed, skipped: json.stats.skipped ?? 0 });
}

runCheck('typecheck', 'npx', ['tsc', '--noEmit']);
runCheck('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
runVitest();
runPlaywright();

console.log('\n== summary');
for (const result of results) console.log(`${result.name}: ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
