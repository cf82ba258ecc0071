import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createBuildWorker } from '../../src/topics/create-build-worker.js';
import { createTopicLibrary, loadTopic } from '../../src/topics/topic-library.js';
import { visible } from '../core/support/article-variations.js';
import { largeInventedArticle } from '../main/ingest-article.js';
import { seedDir, yukosDir } from '../support/seed.js';

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sitrep-worker-'));
  dir = join(root, 'troops');
  await cp(seedDir, dir, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The longest the calling thread went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return Math.max(longest, performance.now() - last);
}

it('builds a 300,000-character article off the calling thread, which keeps running its timers', async () => {
  const topics = await createTopicLibrary(root);
  await writeFile(join(dir, '009_alden-ledger.md'), largeInventedArticle(300_000));
  let articles = 0;
  const stall = await longestStall(async () => (articles = (await topics.reload('troops'))!.articles.length));
  expect(articles).toBe(6);
  // Built on this thread, the article stalls it for about a second.
  expect(stall).toBeLessThan(150);
  expect(visible(topics.get('troops')!.briefing)).toEqual(visible((await loadTopic(dir, 'troops')).briefing));
});

it('keeps serving the briefing it had when the worker dies, logs it, and builds in a new worker next time', async () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', write: (line) => lines.push(line) });
  const builder = createBuildWorker({ logger, entry: new URL('./crashing-build-worker.ts', import.meta.url) });
  const topics = await createTopicLibrary(root, undefined, { builder });
  const before = topics.get('troops')!;
  await cp(join(yukosDir, '01.md'), join(dir, '005_yukos.md'));
  await writeFile(join(dir, '.crash-the-worker'), '');

  await expect(topics.reload('troops')).rejects.toThrow(/build worker stopped \(exit code 70\)/);
  expect(topics.get('troops')).toBe(before);
  expect(lines.some((line) => line.includes('build worker stopped'))).toBe(true);

  await unlink(join(dir, '.crash-the-worker'));
  const after = await topics.reload('troops');
  expect(after!.articles).toHaveLength(before.articles.length + 1);
  expect(topics.get('troops')).toBe(after);
  expect(visible(after!.briefing)).toEqual(visible((await loadTopic(dir, 'troops')).briefing));
});
