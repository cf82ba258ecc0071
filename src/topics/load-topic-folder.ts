/**
 * Reading a topic folder and building its briefing: the work the build worker does off the thread
 * that answers chat (and the CLI does in-process, where nothing else waits).
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBriefingState, reviseBriefing, type BriefingState } from '../core/briefing-builder.js';
import type { Article, Briefing } from '../core/types.js';
import { articleFileNames, articleSetOf, readArticleFile, type IngestProblem } from '../ingest/read-article-set.js';
import { defaultTopicSettings, parseTopicSettings, type TopicSettings } from './topic-settings.js';
import { errorText } from '../shared/error-text.js';

/** One story: its folder, its articles and their briefing. A plain value: it crosses threads by structured clone. */
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

/** A loaded topic with what its next reload starts from: each file as it was read, and the briefing state. */
export interface LoadedFolder {
  readonly topic: Topic;
  readonly state: BriefingState;
  /** File name → its stamp when read, and what it gave. */
  readonly files: ReadonlyMap<string, { readonly stamp: string; readonly read: Article | IngestProblem }>;
  /** topic.yml as it was read. */
  readonly settingsResult: SettingsResult;
}

type SettingsResult = ReturnType<typeof parseTopicSettings>;

/** Title from a folder name: `north-korea-troops` → `North korea troops`. */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Reads a topic folder. With the folder as last loaded, only files that are new or whose size,
 * modification time or inode changed are read again, and the briefing is updated rather than
 * rebuilt: a new article costs about what that article costs. When nothing changed (a reload after
 * a feed's own), `previous` itself comes back and nothing is built. Files are taken in file-name order,
 * as `readArticleSet` does.
 */
export async function loadTopicFolder(dir: string, name: string, previous: LoadedFolder | undefined): Promise<LoadedFolder> {
  const [files, settingsResult] = await Promise.all([readFiles(dir, previous?.files), readSettings(dir)]);
  if (previous && sameFiles(previous.files, files) && JSON.stringify(settingsResult) === JSON.stringify(previous.settingsResult)) return previous;
  const { articles, problems } = articleSetOf([...files.values()].map((file) => file.read));
  if (!settingsResult.ok) problems.push({ path: join(dir, 'topic.yml'), reason: settingsResult.reason });
  const settings = settingsResult.ok ? settingsResult.settings : defaultTopicSettings;
  const state = previous ? reviseBriefing(previous.state, articles) : createBriefingState(articles);
  const topic: Topic = { name, title: settings.title ?? titleFromName(name), dir, settings, articles, briefing: state.briefing, problems };
  return { topic, state, files, settingsResult };
}

/** Whether a folder read again gave what it gave before: the same files, each read the same (or not read at all). */
function sameFiles(before: LoadedFolder['files'], after: LoadedFolder['files']): boolean {
  if (before.size !== after.size) return false;
  for (const [file, { read }] of after) {
    const old = before.get(file)?.read;
    if (!old || (old !== read && JSON.stringify(old) !== JSON.stringify(read))) return false;
  }
  return true;
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

async function readSettings(dir: string): Promise<SettingsResult> {
  try {
    return parseTopicSettings(await readFile(join(dir, 'topic.yml'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, settings: defaultTopicSettings };
    return { ok: false, reason: `cannot be read (${errorText(error)})` };
  }
}
