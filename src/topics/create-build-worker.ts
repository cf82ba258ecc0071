import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../core/types.js';
import type { Logger } from '../logger.js';
import { fromArticleRefs } from './article-refs.js';
import type { BuildReply, BuildRequest } from './build-messages.js';
import type { Topic } from './load-topic-folder.js';

/** Builds topics somewhere other than the calling thread. */
export interface TopicBuilder {
  /**
   * Reads `dir` as topic `name`: an update of the last build of `name` unless `fresh`. `kept`: the
   * articles this thread already holds for it; an equal article comes back as the same value.
   * When the folder is as the last build of `name` read it, that very topic comes back, unbuilt.
   */
  build(dir: string, name: string, fresh: boolean, kept?: readonly Article[]): Promise<Topic>;
}

export interface BuildWorkerOptions {
  /** Where a crash of the worker is reported. */
  readonly logger?: Logger;
  /** The worker's entry module; by default build-worker.js beside this file (build-worker.ts under tsx or vitest). */
  readonly entry?: URL;
}

/**
 * One build worker thread, started on first use. A crash of the worker fails the builds it was
 * doing (the library keeps serving the briefings it has) and is logged; the next build starts a
 * fresh worker, which builds each topic from nothing once. The worker does not keep the process
 * alive while idle.
 */
export function createBuildWorker(options: BuildWorkerOptions = {}): TopicBuilder {
  const entry = options.entry ?? new URL(import.meta.url.endsWith('.ts') ? './build-worker.ts' : './build-worker.js', import.meta.url);
  const pending = new Map<number, { resolve: (topic: Topic) => void; reject: (error: Error) => void; kept: readonly Article[] | undefined }>();
  let worker: Worker | undefined;
  /** Per topic, the articles last received: what the worker's article references point into. */
  const received = new Map<string, readonly Article[]>();
  /** Per topic, the topic last built: what a build that found nothing changed gives back. */
  const built = new Map<string, Topic>();
  let nextId = 1;

  function start(): Worker {
    const started = spawnWorker(entry);
    started.on('message', (reply: BuildReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if ('error' in reply) return waiting?.reject(new Error(reply.error));
      if ('unchanged' in reply) {
        const last = built.get(reply.name);
        return last ? waiting?.resolve(last) : waiting?.reject(new Error(`the build worker has no earlier build of ${reply.name}`));
      }
      try {
        const previous = received.get(reply.name);
        const read = fromArticleRefs(reply.articles, previous);
        // The worker's first build of a topic sends every article: those this thread has are kept as they are.
        const articles = previous || !waiting?.kept ? read : sameValues(read, waiting.kept);
        received.set(reply.name, articles);
        const topic = { ...reply.topic, articles };
        built.set(reply.name, topic);
        waiting?.resolve(topic);
      } catch (error) {
        waiting?.reject(error as Error);
      }
    });
    started.on('error', (error) => options.logger?.error('the build worker crashed', { error }));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      received.clear(); // a new worker sends every article again
      built.clear();
      options.logger?.error('build worker stopped; the briefings built before are still served, and the next build starts a new worker', { code, builds: pending.size });
      for (const waiting of pending.values()) waiting.reject(new Error(`the build worker stopped (exit code ${code}) before the build finished`));
      pending.clear();
    });
    return started;
  }

  return {
    build(dir, name, fresh, kept) {
      worker ??= start();
      const id = nextId++;
      const request: BuildRequest = { id, dir, name, fresh };
      const result = new Promise<Topic>((resolve, reject) => pending.set(id, { resolve, reject, kept }));
      worker.ref(); // a build in progress keeps the process alive, as reading files on this thread would
      worker.postMessage(request);
      return result;
    },
  };
}

/**
 * Compiled (dist/, `npm start`), the entry is plain JavaScript. From TypeScript sources (vitest, tsx)
 * the worker thread gets no loader of its own, so it registers tsx before importing the entry.
 */
function spawnWorker(entry: URL): Worker {
  // The worker inherits the process's flags; --input-type (of `node --input-type=module -e …`) fails a file entry.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { execArgv });
  const tsx = tsxEsmApi();
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, execArgv });
}

/** The ES module of `tsx/esm/api` (require.resolve would give its CommonJS twin, whose register() fails in a worker). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), pkg.exports['./esm/api']!.import.default)).href;
}

/** `read`, with each article equal to one of `kept` replaced by that one. */
function sameValues(read: readonly Article[], kept: readonly Article[]): Article[] {
  const byId = new Map(kept.map((a) => [a.id, a]));
  return read.map((a) => {
    const old = byId.get(a.id);
    return old && equalArticles(old, a) ? old : a;
  });
}

function equalArticles(a: Article, b: Article): boolean {
  return a.text === b.text && a.origin === b.origin && a.title === b.title && a.source === b.source && a.url === b.url && a.published === b.published && JSON.stringify(a.warnings) === JSON.stringify(b.warnings);
}
