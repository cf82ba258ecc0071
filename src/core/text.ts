/**
 * Text handling shared by the whole core: normalization, boilerplate removal, sentence splitting
 * and the tokenizer (terms for matching and ranking).
 */
import { unwrapHardWraps, withoutListMarkers } from './hard-wraps.js';
import { type ArticleHints, dropRepeatedHeadlines, headlineKeys, leadHeadline, stripDatelines } from './lead-lines.js';
import { monthPattern, writtenDatePattern } from './written-dates.js';

export type { ArticleHints } from './lead-lines.js';

/** Straight quotes, one kind of dash, single spaces, no stray double periods. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/Â([£€©®°±·])/g, '$1') // UTF-8 read as Latin-1
    .replace(/\u200c|\u200d|\ufeff/g, '')
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/(\d)\s*[–‒]\s*(\d)/g, '$1-$2')
    .replace(/\s*(?:--|[–—―])\s*/g, ' — ')
    .replace(/([.!?]"?)\s+(?:…|\.\.\.)\s+/g, '$1 ')
    .replace(/([.!?]")\.(?!\.)/g, '$1')
    .replace(/(?<![.\s])\.\.(?!\.)/g, '.')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const publishedDate = `(?:${writtenDatePattern}|${monthPattern} \\d{1,2}(?:st|nd|rd|th)?)`;
const clockTime = '\\d{1,2}(?::\\d{2})?\\s*[AaPp]\\.?[Mm]\\.?(?: [A-Z]{2,4})?';

const boilerplateLine: readonly RegExp[] = [
  /^[A-Z][A-Z '’&-]{2,40}\s*\|/, // RELATED STORY | …, WATCH | …
  /^(?:[>»›]+\s*)?(related|read more|see also|more on this|more from|recommended|most read|top stories)\b.{0,160}$/i,
  /^(advertisement|advert|sponsored( content)?|skip (to|advert)\b.*)$/i,
  /^(subscribe|sign up|follow us|click here|download (the|our) app|newsletter)\b.{0,120}$/i,
  /^share(?: this(?: article| story| page)?)?[.:!]?$/i, // not "Share prices fell"
  /^(photo|image|picture|video|credit|caption|image caption|image source|media caption)s?\b\s*[:|(-].{0,200}$/i,
  /^\(?(getty images|ap photo|afp|reuters|epa|shutterstock)[^.]{0,80}\)?$/i,
  /^(?:copyright\b|©|\(c\) \d{4}).{0,200}$/i,
  /^.{0,80}\ball rights reserved\.?$/i,
  // Published: May 3, 2021 at 9:15 AM EDT|Updated: … · Posted May 3, 2021 9:15 AM CDT · Posted on 05/03/21 | …
  new RegExp(`^(?:published|posted|updated|last updated|first published)(?: on)?:?\\s*${publishedDate}(?:,? (?:at )?${clockTime})?\\s*(?:\\|.{0,160})?$`, 'i'),
  new RegExp(`^\\[?${writtenDatePattern}\\]?$`, 'i'), // [May 3, 2021]
  /^By(?: (?:[A-Z][\p{L}.'’-]*|and),?){1,6}$/u, // By Ann Reyes, Valley Courier Staff · By Staff, Agencies
  /^(?:email this( link| article| story)?|send (?:a|this) link to a friend|print this (?:article|page|story))$/i,
  /^share (?:on|via|to) [\p{L}\d ,/&+]{1,40}$/iu, // Share on X, Share on LinkedIn
  /^(?:key points|key takeaways|highlights|at a glance|in brief)[:.]?$/i,
  /^[|•·*#~_=—-]+$/, // a lone "|" left by a page's layout
  /^(?:[Ss]ources?|SOURCES?)\s*:\s*[A-Z0-9][\p{L}\d&.'’-]*(?: (?:[A-Z0-9][\p{L}\d&.'’-]*|of|and|the|de|via|&)){0,6}\.?$/u, // Source: <outlet>, not "Source: a senior official said …"
  /^this (?:content|article|story) (?:was )?(?:originally|first) (?:published|posted|appeared) (?:in|on|at|by)\b.{0,200}$/i,
  /^[\p{L} .'’-]{2,60}\s*✉$/u, // an author's name with a mail link
];

/** Widget text a page glues to the front of a line. */
const linePrefix = /^free website hit counter\b\s*/i;
/** Notes a wire service puts between updates, which are not reporting. */
const wireNote = /\s*(?:\bTHIS IS A BREAKING NEWS UPDATE\.|\b(?:[A-Z][\w&.'-]* ){0,3}[A-Z][\w&.'-]*'s earlier story (?:follows|is) below\.|\bThis is a developing story\.)/g;

/** Whether a (normalized) line is navigation, a prompt, a credit or a date stamp rather than reporting. */
export function isBoilerplateLine(line: string): boolean {
  return boilerplateLine.some((re) => re.test(line));
}

/** Drops lines that are navigation, prompts or credits rather than reporting. */
export function stripBoilerplate(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\((?:photo|image|credit)s?:[^)]{0,120}\)/gi, '').replace(linePrefix, '').replace(wireNote, '').trim())
    .filter((line) => line.length > 0 && !isBoilerplateLine(line))
    .join('\n');
}

/** An article body after cleanup, with the headline found at its top when it had no title. */
export interface CleanedArticle {
  readonly text: string;
  readonly headline?: string;
}

/** Options of `cleanArticle`: what the file says about the article, and whether a title-less article's headline line becomes its title. */
export interface CleanupOptions extends ArticleHints {
  readonly findHeadline?: boolean;
}

/**
 * Cleans an article body: rejoins hard-wrapped paragraphs (before blank lines are lost), takes
 * bullets off list items, normalizes, and removes boilerplate, the headline and dek lines that
 * repeat the title at the top, and the dateline in front of the first sentence. With
 * `findHeadline` and no title, a headline line at the top is taken out and returned as `headline`.
 */
export function cleanArticle(raw: string, options: CleanupOptions = {}): CleanedArticle {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => normalizeText(line).replace(linePrefix, ''))
    .filter((line) => line === '' || !isBoilerplateLine(line));
  let body = stripBoilerplate(normalizeText(withoutListMarkers(unwrapHardWraps(lines.join('\n'))))).split('\n');
  const headline = options.findHeadline && !options.title ? leadHeadline(body) : undefined;
  if (headline) body = body.slice(1);
  const keys = headlineKeys({ ...options, ...(headline ? { title: headline } : {}) });
  const text = stripDatelines(dropRepeatedHeadlines(body, keys)).join('\n');
  return headline ? { text, headline } : { text };
}

/** Normalizes an article body and removes its boilerplate (see `cleanArticle`). */
export function cleanArticleText(raw: string, hints: ArticleHints = {}): string {
  return cleanArticle(raw, hints).text;
}

const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'st',
  'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'est', 'dept', 'univ', 'fig', 'al', 'pres',
]);

/**
 * Splits one paragraph into sentences. A sentence ends at `.`, `!`, `?` or `…` (with any closing
 * quote) followed by a space and a capital, digit or opening quote, unless the period belongs to an
 * abbreviation, an initial or a dotted acronym (`U.S.`).
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const boundary = /([.!?…]+)(["')\]]*)\s+(?=["'([]?[A-Z0-9])/g;
  let start = 0;
  for (const m of paragraph.matchAll(boundary)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && isAbbreviation(paragraph, m.index)) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  // A word is short: the look back stops after 20 characters, however long a run of letters and dots.
  while (i > 0 && dot - i < 20 && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: John F. Kennedy
  if (word.includes('.')) return true; // U.S., a.m.
  return abbreviations.has(word.toLowerCase());
}

/**
 * The longest sentence read as one. News sentences run to a few hundred characters; a longer run
 * without a full stop (a table, a list, a page flattened to one line) is read in pieces of about
 * this size, cut after a comma, semicolon or space, so that every later stage stays linear in
 * the text however it is written.
 */
export const maxSentenceChars = 1200;

/** Paragraphs of a cleaned article, each split into sentences, none longer than `maxSentenceChars`. */
export function articleSentences(text: string): { paragraph: number; text: string }[] {
  const out: { paragraph: number; text: string }[] = [];
  text.split('\n').forEach((para, paragraph) => {
    for (const s of splitSentences(para)) for (const piece of boundedPieces(s)) out.push({ paragraph, text: piece });
  });
  return out;
}

function boundedPieces(sentence: string): string[] {
  if (sentence.length <= maxSentenceChars) return [sentence];
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > maxSentenceChars) {
    const window = rest.slice(0, maxSentenceChars);
    const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
    const at = cut > maxSentenceChars / 2 ? cut + 1 : window.lastIndexOf(' ') > maxSentenceChars / 2 ? window.lastIndexOf(' ') : maxSentenceChars;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

export const stopwords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves said says say told according while however yet may might must shall us per via mr mrs ms ' +
    'one two three many much well still even since around among upon within without across whether'
  ).split(' '),
);

/** Reduces a lowercase word to a crude stem so that `troops`/`troop` and `traveled`/`travel` match. */
export function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ss|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

const wordPattern = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;

/** The tokenizer: lowercase content-word stems of a text, in order, stopwords removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(wordPattern)) {
    const word = m[0];
    if (stopwords.has(word)) continue;
    if (word.includes('-')) {
      for (const part of word.split('-')) if (part && !stopwords.has(part)) out.push(stem(part));
      continue;
    }
    out.push(stem(word));
  }
  return out;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
