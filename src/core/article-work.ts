/**
 * Everything a build learns from one article on its own: sentences, term and concept ids, figures
 * with their speakers. None of it depends on the other articles of the set, so a briefing state
 * computes it once per article and keeps it. (What key points weigh a sentence by, and whether it
 * negates, is found only for the few sentences that need it: see sentence-features.ts, negations.ts.)
 */
import { figuresOf } from './article-figures.js';
import { hasMeasureWord, hasNumberWord } from './figure-measures.js';
import { articleIds, type ArticleIds } from './article-ids.js';
import { reserveConcepts, reserveSerials, termId, type Lexicon } from './lexicon.js';
import { sourceLabel } from './sources.js';
import { articleSentences, tokenize } from './text.js';
import { deckLines, maxDeckLines } from './sentence-features.js';
import type { Article, Figure, Sentence } from './types.js';

export interface ArticleWork {
  readonly article: Article;
  readonly id: string;
  /** Serial of the first sentence; sentence k has serial `serial + k`. */
  readonly serial: number;
  readonly sentences: readonly Sentence[];
  /** Per sentence, term ids in order (repeats kept). */
  readonly tokens: readonly Int32Array[];
  /** Per sentence, its number of distinct terms; all sentences' distinct terms (each sentence's in order of first appearance) end to end. */
  readonly uniqueLengths: Int32Array;
  readonly uniqueFlat: Int32Array;
  /** Per sentence, its paragraph number. */
  readonly paragraph: Int32Array;
  /** Concept ids (adjacent term pairs) of every sentence in order, end to end; `conceptStart[k]` is where sentence k's begin (n + 1 entries). */
  readonly conceptFlat: Int32Array;
  readonly conceptStart: Int32Array;
  /** Distinct term ids of the whole article in order of first appearance, and its distinct concept ids. */
  readonly terms: Int32Array;
  readonly conceptSet: Int32Array;
  /** Per sentence, 1 when it holds a figure. */
  readonly hasFigure: Uint8Array;
  readonly figures: readonly Figure[];
  /** Distinct `quantity|kind|value` keys of the figures the article reports as current, and as earlier. */
  readonly currentKeys: readonly string[];
  readonly earlierKeys: readonly string[];
  /** Distinct quantities of its figures. */
  readonly quantities: readonly string[];
  /** Milliseconds since the epoch of `published`, or NaN. */
  readonly published: number;
  readonly label: string;
  readonly tokenCount: number;
}

/**
 * The work of each article, in order. Concepts are interned once every article is tokenized, in
 * one pass that keeps the concept table warm; ids come out as they would article by article.
 */
export function analyzeArticles(articles: readonly Article[], lexicon: Lexicon): ArticleWork[] {
  const read = articles.map((a) => readArticle(a, lexicon));
  // Most adjacent term pairs of news text are new concepts (two in three, in a set of 2,000 articles).
  reserveConcepts(lexicon, read.reduce((n, r) => n + r.tokenCount, 0) * 0.7);
  return read.map((r) => withIds(r, articleIds(lexicon, r.tokens, r.tokenCount, r.termsBefore, r.uniqueLengths, r.conceptStart)));
}

/** An article read on its own, before its concepts are interned. */
type ReadArticle = Omit<ArticleWork, keyof ArticleIds> & {
  /** The vocabulary size before its terms were added. */
  readonly termsBefore: number;
};

function readArticle(article: Article, lexicon: Lexicon): ReadArticle {
  const parts = articleSentences(article.text);
  const count = parts.length;
  const serial = reserveSerials(lexicon, count);
  const termsBefore = lexicon.vocabulary.size;
  const sentences: Sentence[] = [];
  const tokens: Int32Array[] = [];
  const perSentence = perSentenceArrays(count);
  const { paragraph } = perSentence;
  let tokenCount = 0;
  // Sentences with a digit (those with a term that holds one: the tokenizer keeps every digit), or with a number word and a measure.
  const withDigits: number[] = [];
  for (let index = 0; index < count; index++) {
    const part = parts[index]!;
    sentences.push({ id: `${article.id}#${index}`, articleId: article.id, index, paragraph: part.paragraph, text: part.text });
    const words = tokenize(part.text);
    const ids = new Int32Array(words.length);
    let numeric = 0;
    for (let k = 0; k < words.length; k++) {
      const id = termId(lexicon, words[k]!);
      ids[k] = id;
      numeric |= lexicon.numeric[id]!;
    }
    if (numeric || (hasNumberWord(part.text) && hasMeasureWord(part.text))) withDigits.push(index);
    tokens.push(ids);
    tokenCount += ids.length;
    paragraph[index] = part.paragraph;
  }
  // "The first paragraph" is the body's: a deck above the lead counts as the lead's paragraph.
  const lead = deckLines(parts.slice(0, maxDeckLines + 1).map((p) => p.text));
  if (lead > 0) for (let index = 0; index < count; index++) paragraph[index] = Math.max(0, paragraph[index]! - parts[lead]!.paragraph);
  const published = article.published ? Date.parse(article.published) : NaN;
  const figures = figuresOf(sentences, withDigits, perSentence.hasFigure, Number.isNaN(published) ? undefined : new Date(published).getUTCFullYear(), published);
  const current = new Set<string>();
  const earlier = new Set<string>();
  for (const f of figures) (f.earlier ? earlier : current).add(`${f.quantity}|${f.kind}|${f.value}`);
  return {
    article,
    id: article.id,
    serial,
    termsBefore,
    sentences,
    tokens,
    uniqueLengths: perSentence.uniqueLengths,
    paragraph,
    conceptStart: perSentence.conceptStart,
    hasFigure: perSentence.hasFigure,
    figures,
    currentKeys: [...current],
    earlierKeys: [...earlier],
    quantities: [...new Set(figures.map((f) => f.quantity))],
    published,
    label: sourceLabel(article),
    tokenCount,
  };
}

function withIds(r: ReadArticle, ids: ArticleIds): ArticleWork {
  return {
    article: r.article,
    id: r.id,
    serial: r.serial,
    sentences: r.sentences,
    tokens: r.tokens,
    uniqueLengths: r.uniqueLengths,
    uniqueFlat: ids.uniqueFlat,
    paragraph: r.paragraph,
    conceptFlat: ids.conceptFlat,
    conceptStart: r.conceptStart,
    terms: ids.terms,
    conceptSet: ids.conceptSet,
    hasFigure: r.hasFigure,
    figures: r.figures,
    currentKeys: r.currentKeys,
    earlierKeys: r.earlierKeys,
    quantities: r.quantities,
    published: r.published,
    label: r.label,
    tokenCount: r.tokenCount,
  };
}

/** The per-sentence arrays of an article, views of one buffer. */
function perSentenceArrays(count: number): Pick<ArticleWork, 'hasFigure' | 'paragraph' | 'uniqueLengths' | 'conceptStart'> {
  const ints = 3 * count + 1;
  const buffer = new ArrayBuffer(4 * ints + count);
  return {
    paragraph: new Int32Array(buffer, 0, count),
    uniqueLengths: new Int32Array(buffer, 4 * count, count),
    conceptStart: new Int32Array(buffer, 8 * count, count + 1),
    hasFigure: new Uint8Array(buffer, 4 * ints, count),
  };
}
