import path from 'node:path';
import { loadFaultConfig } from './faults';
import { startLocalAws } from './start-local-aws';

/**
 * `npm run aws:local [-- --data DIR] [--faults FILE] [--caller-arn ARN] [--trail DIR]`: the local AWS endpoint on PORT (default
 * 4566). `--caller-arn` says who the base credentials are (default a management-account user;
 * the demo organisation trusts `arn:aws:iam::318274650192:role/access-review-scanner`). Point the SDK at it with AWS_ENDPOINT_URL_IAM / _STS / _ORGANIZATIONS=http://127.0.0.1:4566.
 */
function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = path.resolve(flag('data') ?? 'demo/org');
  const faultsFile = flag('faults');
  const handle = await startLocalAws({ dataDir, faults: faultsFile ? loadFaultConfig(faultsFile) : {}, baseIdentityArn: flag('caller-arn'), trailDir: path.resolve(flag('trail') ?? path.join(dataDir, 'cloudtrail')), port: Number(process.env.PORT ?? 4566), host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Local AWS endpoint on ${handle.url} serving ${handle.state.accounts.size} accounts from ${dataDir}`);
  console.log(`  export AWS_ENDPOINT_URL_IAM=${handle.url} AWS_ENDPOINT_URL_STS=${handle.url} AWS_ENDPOINT_URL_ORGANIZATIONS=${handle.url} AWS_ENDPOINT_URL_BEDROCK=${handle.url} AWS_ENDPOINT_URL_SSO_ADMIN=${handle.url} AWS_ENDPOINT_URL_IDENTITYSTORE=${handle.url}`);
  const shutdown = () => {
    handle.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
