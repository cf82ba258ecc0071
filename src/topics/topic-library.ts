import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createBriefingState, reviseBriefing, type BriefingState } from '../core/briefing-builder.js';
import type { Article, Briefing } from '../core/types.js';
import { articleExtensions, articleFileNames, articleSetOf, readArticleFile, type IngestProblem } from '../ingest/read-article-set.js';
import { defaultTopicSettings, parseTopicSettings, type TopicSettings } from './topic-settings.js';

/** One story: its folder, its articles and their briefing. */
export interface Topic {
  readonly name: string;
  readonly title: string;
  readonly dir: string;
  readonly settings: TopicSettings;
  readonly articles: readonly Article[];
  readonly briefing: Briefing;
  /** Files that were skipped, and topic.yml problems. */
  readonly problems: readonly IngestProblem[];
}

/** The topics Sitrep knows. Adapters and commands only read it; ingest keeps it current. */
export interface TopicLibrary {
  names(): readonly string[];
  /** The topic used when a command names none. */
  defaultName(): string | undefined;
  get(name: string): Topic | undefined;
  /** Re-reads one topic folder (after files changed) and returns the new topic. */
  reload(name: string): Promise<Topic | undefined>;
  /** Replaces a topic with one built elsewhere (incremental updates). */
  put(topic: Topic): void;
}

/** Title from a folder name: `north-korea-troops` → `North korea troops`. */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Reads one topic folder into a `Topic`. Bad files and a bad topic.yml are reported, not fatal. */
export async function loadTopic(dir: string, name = basename(dir)): Promise<Topic> {
  return (await loadFolder(dir, name, undefined)).topic;
}

/** A loaded topic with what its next reload starts from: each file as it was read, and the briefing state. */
interface LoadedFolder {
  readonly topic: Topic;
  readonly state: BriefingState;
  /** File name → its stamp when read, and what it gave. */
  readonly files: ReadonlyMap<string, { readonly stamp: string; readonly read: Article | IngestProblem }>;
}

/**
 * Reads a topic folder. With the folder as last loaded, only files that are new or whose size,
 * modification time or inode changed are read again, and the briefing is updated rather than
 * rebuilt: a new article costs about what that article costs. Files are taken in file-name order,
 * as `readArticleSet` does.
 */
async function loadFolder(dir: string, name: string, previous: LoadedFolder | undefined): Promise<LoadedFolder> {
  const [files, settingsResult] = await Promise.all([readFiles(dir, previous?.files), readSettings(dir)]);
  const { articles, problems } = articleSetOf([...files.values()].map((file) => file.read));
  if (!settingsResult.ok) problems.push({ path: join(dir, 'topic.yml'), reason: settingsResult.reason });
  const settings = settingsResult.ok ? settingsResult.settings : defaultTopicSettings;
  const state = previous ? reviseBriefing(previous.state, articles) : createBriefingState(articles);
  const topic: Topic = { name, title: settings.title ?? titleFromName(name), dir, settings, articles, briefing: state.briefing, problems };
  return { topic, state, files };
}

async function readFiles(dir: string, known: LoadedFolder['files'] | undefined): Promise<LoadedFolder['files']> {
  const names = await articleFileNames(dir);
  // Stamps are taken synchronously: one stat is a few microseconds, and 2,000 of them through the
  // thread pool take five times as long as in a loop. Only new or changed files are then read.
  const stamps = names.map((file) => {
    try {
      const info = statSync(join(dir, file), { throwIfNoEntry: false });
      return info ? `${info.size}:${info.mtimeMs}:${info.ino}` : '';
    } catch {
      return ''; // unreadable: read again, and readArticleFile reports why
    }
  });
  const entries = await Promise.all(
    names.map(async (file, i) => {
      const stamp = stamps[i]!;
      const before = known?.get(file);
      const read = before && stamp && before.stamp === stamp ? before.read : await readArticleFile(join(dir, file));
      return [file, { stamp, read }] as const;
    }),
  );
  return new Map(entries);
}

async function readSettings(dir: string): Promise<ReturnType<typeof parseTopicSettings>> {
  try {
    return parseTopicSettings(await readFile(join(dir, 'topic.yml'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, settings: defaultTopicSettings };
    return { ok: false, reason: `cannot be read (${(error as Error).message})` };
  }
}

/**
 * Loads every topic folder below `root`. A root that itself holds article files is one topic.
 * Throws only when there is nothing to brief at all (missing or empty root).
 */
export async function createTopicLibrary(root: string, defaultTopic?: string): Promise<TopicLibrary> {
  const entries = await readdir(root, { withFileTypes: true });
  const hasArticles = entries.some((e) => e.isFile() && articleExtensions.has(extOf(e.name)));
  const dirs = hasArticles ? [root] : entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(root, e.name)).sort();
  const loaded = new Map<string, LoadedFolder>();
  for (const folder of await Promise.all(dirs.map((d) => loadFolder(d, basename(d), undefined)))) loaded.set(folder.topic.name, folder);
  const topics = new Map([...loaded].map(([name, folder]) => [name, folder.topic]));
  if (topics.size === 0) throw new Error(`No topic folders with articles in ${root}`);
  if (defaultTopic && !topics.has(defaultTopic)) {
    throw new Error(`DEFAULT_TOPIC "${defaultTopic}" is not a folder of ${root} (known: ${[...topics.keys()].join(', ')})`);
  }
  async function reloadNow(name: string): Promise<Topic | undefined> {
    const current = topics.get(name);
    if (!current) return undefined;
    const previous = loaded.get(name);
    const next = await loadFolder(current.dir, name, previous?.topic.dir === current.dir ? previous : undefined);
    loaded.set(name, next);
    topics.set(name, next.topic);
    return next.topic;
  }
  // Reloads of one topic run one after another, so a slower, older read never replaces a newer one.
  const reloading = new Map<string, Promise<unknown>>();
  return {
    names: () => [...topics.keys()],
    defaultName: () => defaultTopic ?? (topics.size === 1 ? [...topics.keys()][0] : [...topics.keys()][0]),
    get: (name) => topics.get(name),
    reload(name) {
      const run = (reloading.get(name) ?? Promise.resolve()).then(() => reloadNow(name));
      reloading.set(name, run.catch(() => undefined));
      return run;
    },
    put(topic) {
      topics.set(topic.name, topic);
    },
  };
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}
