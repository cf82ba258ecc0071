import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from '../logger.js';
import { articleExtensions } from '../ingest/read-article-set.js';
import { createBuildWorker, type TopicBuilder } from './create-build-worker.js';
import { loadTopicFolder, type LoadedFolder, type Topic } from './load-topic-folder.js';
import { createSerialQueue } from '../shared/create-serial-queue.js';

export { titleFromName, type Topic } from './load-topic-folder.js';

/** The topics Sitrep knows. Adapters and commands only read it; the folder watcher and feeds keep it current. */
export interface TopicLibrary {
  names(): readonly string[];
  /** The topic used when a command names none. */
  defaultName(): string | undefined;
  get(name: string): Topic | undefined;
  /**
   * Re-reads one topic folder (after files changed) and returns the new topic: the current one
   * itself, at the cost of a stat per file, when every file is as the last reload read it.
   */
  reload(name: string): Promise<Topic | undefined>;
  /** As `reload`, with the topic it replaced: `previous` is `topic` itself when nothing changed. */
  update(name: string): Promise<TopicUpdate | undefined>;
  /** Replaces a topic with one built elsewhere (incremental updates). */
  put(topic: Topic): void;
}

/** Reads one topic folder into a `Topic`, on this thread (one-shot commands). Bad files and a bad topic.yml are reported, not fatal. */
export async function loadTopic(dir: string, name = basename(dir)): Promise<Topic> {
  return (await loadTopicFolder(dir, name, undefined)).topic;
}

/** A builder that reads and builds on this thread, keeping each topic's state for the next update (scripts, tests). */
export function createInProcessBuilder(): TopicBuilder {
  const folders = new Map<string, LoadedFolder>();
  return {
    async build(dir, name, fresh) {
      const previous = folders.get(name);
      const next = await loadTopicFolder(dir, name, !fresh && previous?.topic.dir === dir ? previous : undefined);
      folders.set(name, next);
      return next.topic;
    },
  };
}

/** A topic after a reload, and before it. */
export interface TopicUpdate {
  readonly topic: Topic;
  readonly previous: Topic;
}

export interface TopicLibraryOptions {
  /** Where a crash of the build worker is reported. */
  readonly logger?: Logger;
  /** Where folders are read and briefings built: by default a worker thread (`createBuildWorker`). */
  readonly builder?: TopicBuilder;
}

/**
 * Loads every topic folder below `root`. A root that itself holds article files is one topic.
 * Throws only when there is nothing to brief at all (missing or empty root).
 */
export async function createTopicLibrary(root: string, defaultTopic?: string, options: TopicLibraryOptions = {}): Promise<TopicLibrary> {
  // Reloads are built off this thread (a worker started at the first reload); the first build of
  // each topic is read here, before any platform is connected, so start-up does not wait for a
  // worker thread to load the engine a second time.
  const builder = options.builder ?? createBuildWorker(options.logger ? { logger: options.logger } : {});
  const first = (dir: string, name: string): Promise<Topic> => (options.builder ? options.builder.build(dir, name, true) : loadTopic(dir, name));
  const dirs = await topicFolders(root);
  // Reloads are read and built off this thread, so commands are answered while a large article is
  // analyzed; the worker keeps each topic's state from its first reload on, so later reloads are updates.
  const topics = new Map((await Promise.all(dirs.map((d) => first(d, basename(d))))).map((topic) => [topic.name, topic]));
  if (topics.size === 0) throw new Error(`No topic folders with articles in ${root}`);
  if (defaultTopic && !topics.has(defaultTopic)) {
    throw new Error(`DEFAULT_TOPIC "${defaultTopic}" is not a folder of ${root} (known: ${[...topics.keys()].join(', ')})`);
  }
  async function updateNow(name: string): Promise<TopicUpdate | undefined> {
    const previous = topics.get(name);
    if (!previous) return undefined;
    // On failure (the worker crashed) the topic keeps the briefing it had; the caller logs why.
    const topic = await builder.build(previous.dir, name, false, previous.articles);
    topics.set(name, topic);
    return { topic, previous };
  }
  // Reloads of one topic run one after another, so a slower, older read never replaces a newer one.
  const reloads = createSerialQueue();
  const update = (name: string): Promise<TopicUpdate | undefined> => reloads.run(name, () => updateNow(name));
  return {
    names: () => [...topics.keys()],
    defaultName: () => defaultTopic ?? (topics.size === 1 ? [...topics.keys()][0] : [...topics.keys()][0]),
    get: (name) => topics.get(name),
    reload: async (name) => (await update(name))?.topic,
    update,
    put(topic) {
      topics.set(topic.name, topic);
    },
  };
}

/**
 * The topic folders below `root`, in name order: `root` itself when it holds article files, else
 * each folder in it that is not a dot-folder.
 */
export async function topicFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const hasArticles = entries.some((e) => e.isFile() && articleExtensions.has(extOf(e.name)));
  return hasArticles ? [root] : entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(root, e.name)).sort();
}

/** A library of topics already loaded, which a reload leaves as they are (one-shot commands). */
export function fixedTopicLibrary(...list: readonly Topic[]): TopicLibrary {
  const topics = new Map(list.map((topic) => [topic.name, topic]));
  const update = async (name: string): Promise<TopicUpdate | undefined> => {
    const topic = topics.get(name);
    return topic && { topic, previous: topic };
  };
  return {
    names: () => [...topics.keys()],
    defaultName: () => list[0]?.name,
    get: (name) => topics.get(name),
    reload: async (name) => (await update(name))?.topic,
    update,
    put: (topic) => void topics.set(topic.name, topic),
  };
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}
