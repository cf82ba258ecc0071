/**
 * HTML to plain paragraphs, without a DOM: enough for article files people save from a browser.
 * Scripts, styles, navigation, headers, footers, asides and forms are dropped; line breaks in the
 * source are spaces, as a browser shows them; block elements end paragraphs, which are separated
 * by blank lines; entities are decoded.
 */
import { decodeHTML } from 'entities';

const dropped = /<(script|style|noscript|nav|header|footer|aside|form|figure|figcaption|svg|iframe|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const blockTag = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|tr|table|pre|hr)\b[^>]*>/gi;

export function htmlToText(html: string): { text: string; title?: string } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = titleMatch ? decodeEntities(stripTags(titleMatch[1] ?? '')).trim() : undefined;
  const bodyMatch = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const body = (bodyMatch?.[1] ?? html)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(dropped, ' ')
    .replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, ' ')
    .replace(/\s+/g, ' ')
    .replace(blockTag, '\n');
  const text = decodeEntities(stripTags(body))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return title ? { text, title } : { text };
}

/**
 * Whether the text of a file is HTML rather than plain text: it opens with a doctype, `<html>`,
 * `<head>` or `<body>`, or paragraph and div tags outnumber half its lines.
 */
export function looksLikeHtml(text: string): boolean {
  if (/^\s*<(?:!doctype html|html|head|body)\b/i.test(text)) return true;
  // Elements of an article's markup, block or inline: a fragment of <article>, <h2> and <span> is HTML too.
  const tags = text.match(/<\/?(?:p|div|br|article|section|header|footer|main|aside|nav|h[1-6]|span|em|strong|b|i|u|a|ul|ol|li|blockquote|figure|figcaption|img|table|tr|td|th)\b[^>]*>/gi)?.length ?? 0;
  const lines = text.split('\n').filter((l) => l.trim()).length;
  return tags >= 3 && tags * 2 >= lines;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/** Every HTML entity, named or numeric (`&eacute;`, `&#x2014;`), through the `entities` package that htmlparser2 uses; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return decodeHTML(text);
}
