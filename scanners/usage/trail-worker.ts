/**
 * Worker thread of `TrailDigestPool`: reads, decompresses, parses and digests trail files it is
 * sent, and answers each with its `TrailFileResult` (plain data; errors are answers, not throws).
 */
import { parentPort } from 'node:worker_threads';
import { digestTrailFile, type TrailFileTask } from './digest-trail-file';

/**
 * Files digested at once: two, so that one file's read overlaps another's parsing. The pool hands
 * a worker hundreds of files ahead (so that it keeps reading while the main thread stores a
 * batch); started all at once, they would all be read into memory together.
 */
const CONCURRENT_FILES = 2;

const port = parentPort;
if (port === null) throw new Error('trail-worker runs as a worker thread only');
const queue: { id: number; task: TrailFileTask }[] = [];
let running = 0;

function startNext(): void {
  while (running < CONCURRENT_FILES && queue.length > 0) {
    const { id, task } = queue.shift() as { id: number; task: TrailFileTask };
    running += 1;
    void digestTrailFile(task).then((result) => {
      running -= 1;
      port?.postMessage({ id, result });
      startNext();
    });
  }
}

port.on('message', (message: { id: number; task: TrailFileTask }) => {
  queue.push(message);
  startNext();
});
port.postMessage({ ready: true });
