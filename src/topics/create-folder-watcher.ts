import { readdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../logger.js';
import { isArticleFileName } from '../ingest/read-article-set.js';
import type { Topic, TopicLibrary } from './topic-library.js';

/** File names (within the topic folder) that changed between two loads of a topic. */
export interface FolderChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export interface FolderWatcherOptions {
  readonly topics: TopicLibrary;
  readonly logger: Logger;
  /** A new or changed file is used once its size has stayed the same for twice this long. Default 300 ms. */
  readonly debounceMs?: number;
  /**
   * Poll the folders (stat every `pollIntervalMs`) instead of asking the OS for events: for network
   * and virtual-machine mounts (NFS, SMB, some Docker Desktop bind mounts) that deliver none.
   */
  readonly poll?: boolean;
  /** How often each file is looked at when polling. Default 1,000 ms. */
  readonly pollIntervalMs?: number;
  /**
   * Called after the topic was reloaded, with the topic as it was before (for diffs); not when the
   * reload found nothing new (a feed that wrote the file had the library read it already).
   */
  readonly onUpdate?: (topic: Topic, changes: FolderChanges, previous: Topic | undefined) => void | Promise<void>;
}

export interface FolderWatcher {
  /** Takes a snapshot of every topic folder and starts watching them. */
  start(): Promise<void>;
  /** Stops watching and waits for a reload in progress. */
  stop(): Promise<void>;
}

interface Watched {
  readonly name: string;
  /** The files the topic was last loaded with. */
  readonly known: Set<string>;
  /** Files with events since the last reload, and whether each is there after its last event. */
  readonly touched: Map<string, boolean>;
  timer?: NodeJS.Timeout;
  reloading?: Promise<void> | undefined;
}

/** Article files and topic.yml; never dot-files (feed state, temporary files) or READMEs. */
function isWatched(file: string): boolean {
  if (file.startsWith('.')) return false;
  if (file === 'topic.yml') return true;
  return isArticleFileName(file);
}

/**
 * Watches every topic folder while Sitrep runs: new, changed and removed article files (and
 * topic.yml) reload the topic. chokidar does the watching: OS events where they work, polling
 * where they do not (`poll`), and `awaitWriteFinish`, so a file still being written or copied is
 * reported only once its size has settled and is never read half-way. Removals apply at once.
 */
export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const { topics, logger } = options;
  const debounceMs = options.debounceMs ?? 300;
  // How often a file being written is looked at, and how long settled files are gathered into one
  // reload (files copied together settle within this of each other).
  const settleCheckMs = Math.min(50, debounceMs);
  const byDir = new Map<string, Watched>();
  let watcher: FSWatcher | undefined;
  let stopped = false;

  function touch(path: string, present: boolean): void {
    const w = byDir.get(dirname(path));
    if (!w || stopped) return;
    w.touched.set(basename(path), present);
    clearTimeout(w.timer);
    w.timer = setTimeout(() => void flush(w), settleCheckMs);
  }

  async function flush(w: Watched): Promise<void> {
    if (w.reloading) return void (await w.reloading.then(() => flush(w)));
    const changes = { added: [] as string[], changed: [] as string[], removed: [] as string[] };
    for (const [file, present] of w.touched) {
      if (present) (w.known.has(file) ? changes.changed : changes.added).push(file);
      else if (w.known.has(file)) changes.removed.push(file);
      if (present) w.known.add(file);
      else w.known.delete(file);
    }
    w.touched.clear();
    if (!changes.added.length && !changes.changed.length && !changes.removed.length) return;
    w.reloading = reload(w, changes)
      .catch((error: unknown) => logger.error('topic reload failed', { topic: w.name, error }))
      .finally(() => (w.reloading = undefined));
    await w.reloading;
  }

  async function reload(w: Watched, changes: FolderChanges): Promise<void> {
    // Only the files that changed are read again, and the briefing is updated, not rebuilt.
    const update = await topics.update(w.name);
    if (!update || stopped) return;
    const { topic, previous } = update;
    // The files are as the library last read them (a feed that wrote one had it read already).
    if (topic === previous) return logger.debug('topic folder already read', { topic: w.name, ...changes });
    logger.info('topic folder changed', { topic: w.name, ...changes, articles: topic.articles.length });
    for (const p of topic.problems) logger.warn(p.kept ? 'article file read with a warning' : 'skipped article file', { topic: w.name, path: p.path, reason: p.reason });
    try {
      await options.onUpdate?.(topic, changes, previous);
    } catch (error) {
      logger.error('onUpdate callback failed', { topic: w.name, error });
    }
  }

  return {
    async start() {
      stopped = false;
      for (const name of topics.names()) {
        const topic = topics.get(name);
        const dir = topic && resolve(topic.dir);
        if (!dir || byDir.has(dir)) continue;
        byDir.set(dir, { name, known: new Set((await readdir(dir)).filter(isWatched)), touched: new Map() });
      }
      if (watcher || byDir.size === 0) return;
      const created = watch([...byDir.keys()], {
        ignoreInitial: true,
        persistent: false,
        depth: 0,
        // Only the topic folders themselves and the files in them that are articles or topic.yml.
        ignored: (path) => !byDir.has(path) && !(byDir.has(dirname(path)) && isWatched(basename(path))),
        awaitWriteFinish: { stabilityThreshold: 2 * debounceMs, pollInterval: settleCheckMs },
        ...(options.poll ? { usePolling: true, interval: options.pollIntervalMs ?? 1000, binaryInterval: options.pollIntervalMs ?? 1000 } : {}),
      });
      watcher = created;
      created.on('add', (path) => touch(path, true));
      created.on('change', (path) => touch(path, true));
      created.on('unlink', (path) => touch(path, false));
      created.on('error', (error) => logger.warn('cannot watch topic folders any more', { error }));
      await new Promise<void>((ready) => created.once('ready', ready));
    },
    async stop() {
      stopped = true;
      for (const w of byDir.values()) clearTimeout(w.timer);
      await watcher?.close();
      watcher = undefined;
      await Promise.all([...byDir.values()].map((w) => w.reloading));
      byDir.clear();
    },
  };
}
