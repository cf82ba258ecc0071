/**
 * The real build worker, which exits (as a crash would end it) when asked to build a folder that
 * holds a `.crash-the-worker` file: for the tests of what the library does when its worker dies.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import '../../src/topics/build-worker.js';

// Runs right after the worker's own listener has started the build, before the build can answer.
parentPort!.on('message', (request: { dir: string }) => {
  if (existsSync(join(request.dir, '.crash-the-worker'))) process.exit(70);
});
