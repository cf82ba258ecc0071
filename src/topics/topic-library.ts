import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildBriefing } from '../core/briefing.js';
import type { Article, Briefing } from '../core/types.js';
import { articleExtensions, readArticleSet, type IngestProblem } from '../ingest/read-article-set.js';
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
  const [set, settingsResult] = await Promise.all([readArticleSet(dir), readSettings(dir)]);
  const problems = [...set.problems, ...(settingsResult.ok ? [] : [{ path: join(dir, 'topic.yml'), reason: settingsResult.reason }])];
  const settings = settingsResult.ok ? settingsResult.settings : defaultTopicSettings;
  return {
    name,
    title: settings.title ?? titleFromName(name),
    dir,
    settings,
    articles: set.articles,
    briefing: buildBriefing(set.articles),
    problems,
  };
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
  const topics = new Map<string, Topic>();
  for (const topic of await Promise.all(dirs.map((d) => loadTopic(d)))) topics.set(topic.name, topic);
  if (topics.size === 0) throw new Error(`No topic folders with articles in ${root}`);
  if (defaultTopic && !topics.has(defaultTopic)) {
    throw new Error(`DEFAULT_TOPIC "${defaultTopic}" is not a folder of ${root} (known: ${[...topics.keys()].join(', ')})`);
  }
  return {
    names: () => [...topics.keys()],
    defaultName: () => defaultTopic ?? (topics.size === 1 ? [...topics.keys()][0] : [...topics.keys()][0]),
    get: (name) => topics.get(name),
    async reload(name) {
      const current = topics.get(name);
      if (!current) return undefined;
      const next = await loadTopic(current.dir, name);
      topics.set(name, next);
      return next;
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
