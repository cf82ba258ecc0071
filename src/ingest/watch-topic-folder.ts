import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import type { Topic, TopicLibrary } from '../topics/topic-library.js';
import { isArticleFileName } from './read-article-set.js';

/** File names (within the topic folder) that changed between two loads of a topic. */
export interface FolderChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export interface FolderWatcherOptions {
  readonly topics: TopicLibrary;
  readonly logger: Logger;
  /** Quiet time after the last file event before the folder is looked at; also the gap between the two stability checks. Default 300 ms. */
  readonly debounceMs?: number;
  /** Called after the topic was reloaded, with the topic as it was before (for diffs). */
  readonly onUpdate?: (topic: Topic, changes: FolderChanges, previous: Topic | undefined) => void | Promise<void>;
}

export interface FolderWatcher {
  /** Takes a snapshot of every topic folder and starts watching them. */
  start(): Promise<void>;
  /** Stops watching and waits for a reload in progress. */
  stop(): Promise<void>;
}

/** Size and modification time: a file is complete when this is the same at two checks in a row. */
type Stamp = string;

interface Watched {
  readonly name: string;
  readonly dir: string;
  readonly committed: Map<string, Stamp>;
  /** Stamps seen at the last check for files not yet committed. */
  readonly pending: Map<string, Stamp>;
  watcher?: FSWatcher;
  timer?: NodeJS.Timeout;
  scanning?: Promise<void> | undefined;
  rescan: boolean;
}

/** Article files and topic.yml; never dot-files (feed state, temporary files) or READMEs. */
function isWatched(file: string): boolean {
  if (file.startsWith('.')) return false;
  if (file === 'topic.yml') return true;
  return isArticleFileName(file);
}

async function listStamps(dir: string): Promise<Map<string, Stamp>> {
  const out = new Map<string, Stamp>();
  for (const file of (await readdir(dir)).filter(isWatched)) {
    const info = await stat(join(dir, file)).catch(() => undefined); // it may vanish between readdir and stat
    if (info?.isFile()) out.set(file, `${info.size}:${info.mtimeMs}`);
  }
  return out;
}

/**
 * Watches every topic folder while Sitrep runs: new, changed and removed article files (and
 * topic.yml) reload the topic. Events are debounced, and a new or changed file is used only once
 * its size and modification time are the same at two checks `debounceMs` apart, so a file still
 * being written or copied is not read half-way. Removals apply at once.
 */
export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const { topics, logger } = options;
  const debounceMs = options.debounceMs ?? 300;
  const watched = new Map<string, Watched>();
  let stopped = false;

  function schedule(w: Watched): void {
    if (stopped) return;
    clearTimeout(w.timer);
    w.timer = setTimeout(() => void runScan(w), debounceMs);
  }

  async function runScan(w: Watched): Promise<void> {
    if (w.scanning) {
      w.rescan = true;
      return;
    }
    w.scanning = scan(w)
      .catch((error: unknown) => logger.error('topic folder check failed', { topic: w.name, dir: w.dir, error }))
      .finally(() => (w.scanning = undefined));
    await w.scanning;
    if (w.rescan) {
      w.rescan = false;
      schedule(w);
    }
  }

  async function scan(w: Watched): Promise<void> {
    const current = await listStamps(w.dir);
    const changes = { added: [] as string[], changed: [] as string[], removed: [] as string[] };
    for (const file of [...w.committed.keys()]) {
      if (current.has(file)) continue;
      w.committed.delete(file);
      changes.removed.push(file);
    }
    let unsettled = false;
    for (const [file, stamp] of current) {
      if (w.committed.get(file) === stamp) {
        w.pending.delete(file);
        continue;
      }
      if (w.pending.get(file) !== stamp) {
        w.pending.set(file, stamp);
        unsettled = true;
        continue;
      }
      (w.committed.has(file) ? changes.changed : changes.added).push(file);
      w.committed.set(file, stamp);
      w.pending.delete(file);
    }
    for (const file of [...w.pending.keys()]) if (!current.has(file)) w.pending.delete(file);
    if (unsettled) schedule(w);
    if (changes.added.length || changes.changed.length || changes.removed.length) await reload(w, changes);
  }

  async function reload(w: Watched, changes: FolderChanges): Promise<void> {
    const previous = topics.get(w.name);
    // Only the files that changed are read again, and the briefing is updated, not rebuilt.
    const topic = await topics.reload(w.name);
    if (!topic || stopped) return;
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
        if (!topic || watched.has(name)) continue;
        const w: Watched = { name, dir: topic.dir, committed: new Map(), pending: new Map(), rescan: false };
        w.watcher = watch(topic.dir, { persistent: false }, () => schedule(w));
        w.watcher.on('error', (error) => logger.warn('cannot watch topic folder any more', { topic: name, dir: topic.dir, error }));
        for (const [file, stamp] of await listStamps(topic.dir)) w.committed.set(file, stamp);
        watched.set(name, w);
      }
    },
    async stop() {
      stopped = true;
      for (const w of watched.values()) {
        clearTimeout(w.timer);
        w.watcher?.close();
      }
      await Promise.all([...watched.values()].map((w) => w.scanning));
      watched.clear();
    },
  };
}
