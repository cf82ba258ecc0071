import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article } from '../core/types.js';
import { isHtmlArticleFile, parseArticleFile, type HtmlReader } from './parse-article-file.js';
import { errorText } from '../shared/error-text.js';

/** A file that could not be used as an article, and why. */
export interface IngestProblem {
  readonly path: string;
  readonly reason: string;
  /** The article was still read; only what `reason` names was left out. */
  readonly kept?: true;
}

export interface ArticleSet {
  readonly articles: readonly Article[];
  readonly problems: readonly IngestProblem[];
}

export const articleExtensions = new Set(['.txt', '.md', '.html', '.htm']);
/** Larger files are not news articles (or are a mistake): reported, not read. */
export const maxArticleBytes = 2 * 1024 * 1024;

/** Whether a file name is an article's (by extension); a README is not. */
export function isArticleFileName(name: string): boolean {
  return articleExtensions.has(extname(name).toLowerCase()) && !/^readme\./i.test(name);
}

/** The article files of a folder, in file-name order (the order of an undated set). */
export async function articleFileNames(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(isArticleFileName).sort();
}

/**
 * Reads every article file of a folder, in file-name order. Files that cannot be used are reported
 * in `problems` with the reason and skipped; the rest are still returned.
 */
export async function readArticleSet(dir: string): Promise<ArticleSet> {
  const names = await articleFileNames(dir);
  return articleSetOf(await Promise.all(names.map((name) => readArticleFile(join(dir, name)))));
}

/** The set that file reads (in file-name order) make: the articles, with ids made unique, and the problems. */
export function articleSetOf(reads: Iterable<Article | IngestProblem>): { articles: Article[]; problems: IngestProblem[] } {
  const articles: Article[] = [];
  const problems: IngestProblem[] = [];
  for (const r of reads) {
    if ('reason' in r) problems.push(r);
    else {
      articles.push(r);
      for (const reason of r.warnings ?? []) problems.push({ path: r.origin, reason, kept: true });
    }
  }
  return { articles: withUniqueIds(articles), problems };
}

/**
 * Article ids are file names without the extension, so `a.txt` and `a.md` would share one. The
 * first (in the order given) keeps it; a later one is known by its whole file name instead.
 */
export function withUniqueIds(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.map((a) => {
    const id = seen.has(a.id) ? a.origin : a.id;
    seen.add(id);
    return id === a.id ? a : { ...a, id };
  });
}

/** Reads one article file; never throws for a bad file, it returns the problem instead. */
export async function readArticleFile(path: string): Promise<Article | IngestProblem> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { path, reason: 'not a regular file' };
    if (info.size > maxArticleBytes) return { path, reason: `too large (${info.size} bytes; the limit is ${maxArticleBytes})` };
    const bytes = await readFile(path);
    const name = basename(path);
    const parsed = parseArticleFile(name, bytes, isHtmlArticleFile(name, bytes) ? await loadHtmlReader() : undefined);
    return parsed.ok ? parsed.article : { path, reason: parsed.reason };
  } catch (error) {
    return { path, reason: `cannot be read (${errorText(error)})` };
  }
}

let htmlReader: Promise<HtmlReader> | undefined;

/**
 * Readability and linkedom, imported on the first HTML article: a set of plain text and Markdown
 * (the bundled story) never loads them, and they cost a quarter of a second or more of start-up.
 */
function loadHtmlReader(): Promise<HtmlReader> {
  return (htmlReader ??= import('./readable-html.js').then((m) => m.readableHtmlToText));
}
