/**
 * Worker thread of `TrailDigestPool`: reads, decompresses, parses and digests trail files it is
 * sent, and answers each with its `TrailFileResult` (plain data; errors are answers, not throws).
 */
import { parentPort } from 'node:worker_threads';
import { digestTrailFile, type TrailFileTask } from './digest-trail-file';

const port = parentPort;
if (port === null) throw new Error('trail-worker runs as a worker thread only');
port.on('message', (message: { id: number; task: TrailFileTask }) => {
  void digestTrailFile(message.task).then((result) => port.postMessage({ id: message.id, result }));
});
port.postMessage({ ready: true });
