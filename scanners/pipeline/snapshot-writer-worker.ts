/**
 * Worker thread of the threaded snapshot writer (snapshot-writer.ts): writes the row batches it is
 * sent, in order, one transaction each, on its own connection, and answers each with its outcome
 * (errors are answers, not throws). Closes its connection when told to stop.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyConnectionSettings } from '../../db/client';
import { SNAPSHOT_ROW_SQL } from './persist-snapshot';
import { preparedStatements, writeRowBatch, type RowBatch } from './row-batch';

const port = parentPort;
if (port === null) throw new Error('snapshot-writer-worker runs as a worker thread only');
const client = new Database((workerData as { databasePath: string }).databasePath);
// The schema is migrated by the main thread: only the connection settings are applied here.
applyConnectionSettings(client);
const statementOf = preparedStatements(client, SNAPSHOT_ROW_SQL);

port.on('message', (message: { id: number; batch: RowBatch } | { stop: true }) => {
  if ('stop' in message) {
    client.close();
    port.close();
    return;
  }
  try {
    writeRowBatch(client, statementOf, message.batch);
    port.postMessage({ id: message.id });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
