import { randomBytes } from 'node:crypto';
import { access, link, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** What an article file written from the web records, besides its text. */
export interface ArticleFileMeta {
  readonly title?: string;
  readonly source?: string;
  readonly url: string;
  /** ISO date or date-time. */
  readonly published: string;
}

/** `Floods hit the valley: 40 schools shut` → `floods-hit-the-valley-40-schools-shut` (at most 60 characters). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'article';
  const cut = slug.slice(0, 61);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 30)).replace(/-+$/, '');
}

/** `<published-date>_<slug>.md`: files sort by date, and a person can tell them apart by name. */
export function articleFileName(meta: ArticleFileMeta, suffix = ''): string {
  return `${meta.published.slice(0, 10)}_${slugify(meta.title ?? new URL(meta.url).pathname)}${suffix}.md`;
}

/** The file's content: YAML front matter (title, source, url, published), then one paragraph a line pair. */
export function renderArticleFile(meta: ArticleFileMeta, text: string): string {
  const front = stringify(
    { ...(meta.title ? { title: meta.title } : {}), ...(meta.source ? { source: meta.source } : {}), url: meta.url, published: meta.published },
    { lineWidth: 0 },
  );
  return `---\n${front}---\n\n${text.split('\n').join('\n\n')}\n`;
}

/**
 * Writes an article file into `dir` under a new name (`-2`, `-3`, … when taken) and returns the
 * name. The content is written to a dot-file first and linked into place, so a reader or watcher
 * never sees a half-written article and an existing file is never overwritten.
 */
export async function writeArticleFile(dir: string, meta: ArticleFileMeta, text: string): Promise<string> {
  const tmp = join(dir, `.sitrep-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, renderArticleFile(meta, text), { flag: 'wx' });
  try {
    for (let n = 1; n < 1000; n++) {
      const name = articleFileName(meta, n === 1 ? '' : `-${n}`);
      if (await placed(tmp, join(dir, name))) return name;
    }
    throw new Error(`no free file name for ${articleFileName(meta)} in ${dir}`);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Links `tmp` to `target` unless `target` exists; falls back to rename where hard links are not supported. */
async function placed(tmp: string, target: string): Promise<boolean> {
  try {
    await link(tmp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
  }
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists) return false;
  await rename(tmp, target);
  return true;
}
