import { extname } from 'node:path';
import { cleanArticle } from '../core/text.js';
import type { Article } from '../core/types.js';
import { splitFrontMatter } from './front-matter.js';
import { htmlToText, looksLikeHtml } from './html-to-text.js';
import { inferPublishedDate } from './published-date.js';

export type ParsedArticle = { readonly ok: true; readonly article: Article } | { readonly ok: false; readonly reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Turns an HTML body into plain paragraphs and its title. */
export type HtmlReader = (html: string) => { text: string; title?: string };

type Decoded = { readonly ok: false; readonly reason: string } | { readonly ok: true; readonly split: FrontMatterSplit; readonly ext: string; readonly isHtml: boolean };
type FrontMatterSplit = Extract<ReturnType<typeof splitFrontMatter>, { ok: true }>;

function decodeArticleFile(fileName: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let raw: string;
  try {
    raw = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  const split = splitFrontMatter(raw.replace(/^\ufeff/, ''));
  if (!split.ok) return { ok: false, reason: split.reason };
  const ext = extname(fileName).toLowerCase();
  const isHtml = ext === '.html' || ext === '.htm' || (ext === '.txt' && looksLikeHtml(split.body));
  return { ok: true, split, ext, isHtml };
}

/** Whether the file's body will be read as HTML (an .html/.htm file, or a .txt file holding HTML). */
export function isHtmlArticleFile(fileName: string, bytes: Uint8Array): boolean {
  if (extname(fileName).toLowerCase() === '.md') return false;
  const decoded = decodeArticleFile(fileName, bytes);
  return decoded.ok && decoded.isHtml;
}

/**
 * Turns the bytes of an article file into an `Article`, or says why it cannot. An HTML body goes
 * through `readHtml` (the plain pass of html-to-text.ts unless the caller gives Readability's).
 */
export function parseArticleFile(fileName: string, bytes: Uint8Array, readHtml: HtmlReader = htmlToText): ParsedArticle {
  const decoded = decodeArticleFile(fileName, bytes);
  if (!decoded.ok) return decoded;
  const { split, ext, isHtml } = decoded;
  const html = isHtml ? readHtml(split.body) : undefined;
  const body = html ? html.text : ext === '.md' ? stripMarkdown(split.body) : split.body;
  const { title, source, url, published } = split.meta;
  const givenTitle = title ?? html?.title;
  const cleaned = cleanArticle(body, { ...(givenTitle ? { title: givenTitle } : {}), ...(url ? { url } : {}), findHeadline: true });
  const text = cleaned.text;
  if (!/[A-Za-z]{2,}/.test(text)) return { ok: false, reason: 'no article text after removing markup and boilerplate' };
  const pageTitle = givenTitle ?? cleaned.headline;
  const inferred = published ? undefined : inferPublishedDate(body);
  const date = published ?? inferred;
  const warnings = [...split.warnings, ...(inferred ? [`published date inferred from the text: ${inferred}`] : [])];
  return {
    ok: true,
    article: {
      id: fileName.slice(0, fileName.length - ext.length),
      origin: fileName,
      text,
      ...(pageTitle ? { title: pageTitle } : {}),
      ...(source ? { source } : {}),
      ...(url ? { url } : {}),
      ...(date ? { published: date } : {}),
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

/** Markdown to plain text: headings, emphasis, links and images lose their markup (list markers go in cleanup, after hard wraps are rejoined). */
function stripMarkdown(md: string): string {
  return md
    .replace(/^#{1,6}\s+.*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1')
    .replace(/^(?:>\s?)+/gm, '');
}
