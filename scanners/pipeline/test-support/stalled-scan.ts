/**
 * Test support for scanners/pipeline/faults.test.ts: runs a real offline scan (runScan, the
 * same code the CLI and the worker use) that stops, deterministically, in the middle of
 * persisting: the first account is committed, the second account's transaction has written its
 * rows but not committed. It then prints STALLED and waits to be killed.
 *
 * The pause is a TEMP trigger on this connection only (it never reaches the database file):
 * each account's transaction ends with its scan_accounts row, whose insert calls a function
 * that blocks the (synchronous) process on the second call.
 *
 *   node --import tsx scanners/pipeline/test-support/stalled-scan.ts DATABASE DIRECTORY
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../db/client';
import { runScan } from '../run-scan';

const [databasePath, directory] = process.argv.slice(2);
if (!databasePath || !directory) throw new Error('usage: stalled-scan.ts DATABASE DIRECTORY');

const database = openDatabase(databasePath);
let accountsWritten = 0;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
database.$client.function('fault_test_account_written', () => {
  accountsWritten += 1;
  if (accountsWritten === 2) {
    // writeSync: process.stdout.write to a pipe is asynchronous and would never flush while blocked.
    writeSync(1, 'STALLED\n');
    Atomics.wait(sleeper, 0, 0, 120_000);
  }
  return accountsWritten;
});
database.$client.exec('CREATE TEMP TRIGGER fault_test_stall AFTER INSERT ON main.scan_accounts BEGIN SELECT fault_test_account_written(); END');

void runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'fault-test' }).then((outcome) => {
  // Reaching this line means the stall did not happen: the test sees it and fails.
  writeSync(1, `FINISHED ${outcome.status}\n`);
});
