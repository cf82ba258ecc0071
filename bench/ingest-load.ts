/**
 * Ack latency while a large article is ingested, for `npm run bench`: the real Bolt app in HTTP
 * mode with 50 slash commands in flight (the load worker of bench/slack-load.ts), while a
 * 300,000-character invented article is dropped into the topic folder and goes through the real
 * path (folder watcher → topic library → build). The baseline is the same load without ingestion,
 * in the same run; the same again with the build on the chat thread shows what the worker saves.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { createSlackAdapter } from '../src/adapters/slack/create-slack-adapter.js';
import { createFolderWatcher } from '../src/topics/create-folder-watcher.js';
import { silentLogger } from '../src/logger.js';
import type { TopicBuilder } from '../src/topics/create-build-worker.js';
import { createInProcessBuilder, createTopicLibrary } from '../src/topics/topic-library.js';
import { largeInventedArticle } from '../test/main/ingest-article.js';
import { signingSecret } from '../test/adapters/slack/slack-requests.js';
import { ms, nextMessage, percentiles, tsWorker } from './support.js';

const seedDir = fileURLToPath(new URL('../briefings/north-korea-troops', import.meta.url));
const articleChars = 300_000;
/** Rounds of 50 commands: enough to outlast the build of the article. */
const rounds = 40;
const commands: [string, string][] = [
  ['/brief', ''],
  ['/ask', 'how many troops were sent'],
];

interface LoadResult {
  /** Per command, in the order sent: when (epoch ms), and milliseconds to its ack and to its reply. */
  readonly sentAt: number[];
  readonly acks: number[];
  readonly concurrent: number[];
}

const line = (what: string, samples: readonly number[]): string => {
  const p = percentiles(samples);
  return `${what}: p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)} over ${samples.length} commands`;
};

export async function benchIngestLoad(print: (line: string) => void): Promise<void> {
  const load = tsWorker(new URL('./slack-load.ts', import.meta.url));
  try {
    const { apiUrl } = await nextMessage<{ apiUrl: string }>(load);
    await scenario(print, load, apiUrl, 'build worker', undefined);
    await scenario(print, load, apiUrl, 'built on the chat thread (before)', createInProcessBuilder());
  } finally {
    await load.terminate();
  }
}

async function scenario(print: (line: string) => void, load: Worker, apiUrl: string, label: string, builder: TopicBuilder | undefined): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-bench-ingest-'));
  const dir = join(root, 'seed');
  await cp(seedDir, dir, { recursive: true });
  const topics = await createTopicLibrary(root, undefined, builder ? { builder } : {});
  let built: (at: number) => void = () => undefined;
  const builtAt = new Promise<number>((resolve) => (built = resolve));
  const watcher = createFolderWatcher({ topics, logger: silentLogger, onUpdate: () => built(Date.now()) });
  await watcher.start();
  const adapter = createSlackAdapter({ config: { botToken: 'xoxb-test-bench', signingSecret, apiUrl, port: 0, restrictDigests: false }, deps: { topics, logger: silentLogger }, logger: silentLogger });
  await adapter.start();
  const run = (times = rounds): Promise<LoadResult> => {
    load.postMessage({ events: `http://127.0.0.1:${adapter.port}/slack/events`, commands, serial: 0, rounds: times, more: true });
    return nextMessage<LoadResult>(load);
  };
  try {
    await run(10); // warm-up: Bolt, the renderers and the new adapter's sockets
    const quiet = await run();
    const droppedAt = Date.now();
    const loaded = run();
    await writeFile(join(dir, '900_large-article.md'), largeInventedArticle(articleChars));
    const busy = await loaded;
    const done = await Promise.race([builtAt, new Promise<undefined>((resolve) => setTimeout(resolve, 60_000, undefined))]);
    const during = (samples: readonly number[]): number[] => samples.filter((_, i) => busy.sentAt[i]! >= droppedAt && (done === undefined || busy.sentAt[i]! <= done));
    print(`${label}, 50 in flight:`);
    print(`  ${line('acks, no ingestion (baseline)', quiet.acks)}`);
    const window = done === undefined ? 'the build did not finish within 60 s' : `built ${((done - droppedAt) / 1000).toFixed(1)} s after the drop`;
    print(`  ${line(`acks while the ${articleChars.toLocaleString('en-US')}-character article was read and built (${window})`, during(busy.acks))} (target p99 < 100 ms)`);
    const after = await run();
    print(`  ${line('acks once the article is in (the larger briefing)', after.acks)}`);
    print(`  ${line('replies (response_url), no ingestion', quiet.concurrent)}; while building: ${line('', during(busy.concurrent)).slice(2)}`);
  } finally {
    await adapter.stop();
    await watcher.stop();
    await rm(root, { recursive: true, force: true });
  }
}
