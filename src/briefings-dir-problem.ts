import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { articleExtensions } from './ingest/read-article-set.js';

/**
 * Why `dir` cannot serve as BRIEFINGS_DIR, in a few words, or undefined when it can: it must be a
 * folder that holds article files itself (one topic) or sub-folders that do (one topic each), as
 * the topic library reads it. Runs once at start-up, synchronously, so config stays one call.
 */
export function briefingsDirProblem(dir: string): string | undefined {
  const path = resolve(dir);
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return `no folder at ${path}`;
  if (!info.isDirectory()) return `${path} is not a folder`;
  const entries = listFolder(path);
  if (!entries) return `${path} cannot be read`;
  if (entries.some(isArticleFile)) return undefined;
  const topics = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  if (topics.some((t) => listFolder(join(path, t.name))?.some(isArticleFile))) return undefined;
  return `${path} holds no topic folders with articles (.txt, .md or .html files)`;
}

function listFolder(path: string): Dirent[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

function isArticleFile(entry: Dirent): boolean {
  const dot = entry.name.lastIndexOf('.');
  return entry.isFile() && dot > 0 && articleExtensions.has(entry.name.slice(dot).toLowerCase());
}
