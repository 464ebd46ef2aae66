/**
 * `npm run bench -- <name> [flags]`: analysis | scan | import | identity-center | web | load | usage. Benchmarks print figures; they
 * are not timed tests and never fail on a slow machine.
 */
import { benchAnalysis } from './analysis';

const BENCHMARKS: Record<string, (argv: string[]) => Promise<void>> = {
  analysis: benchAnalysis,
  scan: async (argv) => (await import('./scan')).benchScan(argv),
  web: async (argv) => (await import('./web')).benchWeb(argv),
  load: async (argv) => (await import('./load')).benchLoad(argv),
  usage: async (argv) => (await import('./usage')).benchUsage(argv),
  import: async (argv) => (await import('./import')).benchImport(argv),
  'identity-center': async (argv) => (await import('./identity-center')).benchIdentityCenter(argv),
};

// Benchmark databases are demo databases: their audit chain uses the demo key (db/audit-key.ts).
process.env.DEMO_MODE ??= 'true';

const [name, ...rest] = process.argv.slice(2);
const benchmark = name ? BENCHMARKS[name] : undefined;
if (!benchmark) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [flags]`);
  process.exit(2);
}
benchmark(rest).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Benchmark failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
