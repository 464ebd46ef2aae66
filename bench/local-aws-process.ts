/**
 * The local AWS endpoint in its own process, for `bench scan`: the scanner's CPU time and peak RSS
 * are then its own, not the endpoint's. Started with `fork` (IPC); sends `{ url }` once listening,
 * answers `stats` with the call count and its CPU time, stops on `stop`.
 *
 * argv: <dataDir> <baseIdentityArn> <latencyMs>
 */
import { startLocalAws } from '../scanners/local-aws/start-local-aws';

export interface LocalAwsStats {
  callCount: number;
  peakInFlight: number;
  callsByAction: Record<string, number>;
  failedCalls: number;
  cpuSeconds: number;
}

export type LocalAwsMessage = { type: 'ready'; url: string } | { type: 'stats'; stats: LocalAwsStats } | { type: 'error'; message: string };

async function main(): Promise<void> {
  const [dataDir, baseIdentityArn, latencyMs] = process.argv.slice(2);
  const send = (message: LocalAwsMessage) => process.send?.(message);
  const aws = await startLocalAws({ dataDir, port: 0, baseIdentityArn, faults: { latencyMs: Number(latencyMs) } });
  process.on('message', (message: unknown) => {
    if (message === 'stats') {
      const callsByAction: Record<string, number> = {};
      let failedCalls = 0;
      for (const entry of aws.callLog) {
        callsByAction[entry.action] = (callsByAction[entry.action] ?? 0) + 1;
        if (entry.status >= 400) failedCalls += 1;
      }
      const cpu = process.cpuUsage();
      send({ type: 'stats', stats: { callCount: aws.callCount, peakInFlight: aws.peakInFlight, callsByAction, failedCalls, cpuSeconds: (cpu.user + cpu.system) / 1e6 } });
    } else if (message === 'stop') {
      void aws.stop().finally(() => process.exit(0));
    }
  });
  // The parent went away: do not outlive it.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: aws.url });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: (error as Error).stack ?? String(error) } satisfies LocalAwsMessage);
  process.exit(1);
});
