/**
 * `tsx scripts/generate-demo-org.ts [--out DIR] [--seed S] [--accounts N --principals-per-account M] [--indent N]`
 *
 * Without --accounts: the committed demo organisation (Northwind Analytics) in demo/org.
 * With --accounts: scale mode for benchmarks, N accounts of about M principals each.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeOrganization } from './demo-org/write-organization';

function parsePositiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new RangeError(`${flag} must be a positive integer, got "${value}"`);
  return parsed;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'demo/org' },
      seed: { type: 'string' },
      accounts: { type: 'string' },
      'principals-per-account': { type: 'string' },
      indent: { type: 'string' },
    },
    strict: true,
  });
  const accountCount = parsePositiveInteger(values.accounts, '--accounts');
  const principalsPerAccount = parsePositiveInteger(values['principals-per-account'], '--principals-per-account');
  if (principalsPerAccount !== undefined && accountCount === undefined) throw new RangeError('--principals-per-account needs --accounts (scale mode)');
  const indent = values.indent === undefined ? 4 : Number(values.indent);
  const directory = path.resolve(values.out);
  const started = performance.now();
  const summary = writeOrganization({
    directory,
    seed: values.seed,
    accountCount,
    principalsPerAccount,
    indent,
    onAccount: (_accountId, index) => {
      if ((index + 1) % 100 === 0) console.log(`  ... ${index + 1} accounts`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote ${summary.accountCount} accounts (${summary.userCount} users, ${summary.roleCount} roles, ${summary.groupCount} groups) to ${directory}: ` +
      `${(summary.bytesWritten / 1024 / 1024).toFixed(1)} MB in ${seconds} s`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
