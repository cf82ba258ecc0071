/**
 * Everything a build learns from one article on its own: sentences, term and concept ids, figures
 * with their speakers, and the features key points are weighed by. None of it depends on the other
 * articles of the set, so a briefing state computes it once per article and keeps it.
 */
import { extractFigures } from './figures.js';
import { sentenceFeatures } from './key-points.js';
import { conceptId, reserveSerials, termId, type Lexicon } from './lexicon.js';
import { sourceLabel } from './sources.js';
import { findAttributions, type Attribution } from './speakers.js';
import { concatIds } from './term-index.js';
import { articleSentences, tokenize } from './text.js';
import type { Article, Figure, Sentence } from './types.js';

export interface ArticleWork {
  readonly article: Article;
  readonly id: string;
  /** Serial of the first sentence; sentence k has serial `serial + k`. */
  readonly serial: number;
  readonly sentences: readonly Sentence[];
  /** Per sentence, term ids in order (repeats kept). */
  readonly tokens: readonly Int32Array[];
  /** Per sentence, its number of distinct terms; all sentences' distinct terms end to end. */
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
  /** Per sentence, 1 for a denial or negation. */
  readonly negated: Uint8Array;
  /** Per sentence, 1 when it holds a figure. */
  readonly hasFigure: Uint8Array;
  /** Per sentence, the key-point features of `sentenceFeatures`. */
  readonly flags: Int32Array;
  readonly trimmedWords: Int32Array;
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

const negation = /\b(?:not|no|never|deny|denies|denied|without)\b|n't\b/i;

export function analyzeArticle(article: Article, lexicon: Lexicon): ArticleWork {
  const parts = articleSentences(article.text);
  const serial = reserveSerials(lexicon, parts.length);
  const sentences: Sentence[] = [];
  const tokens: Int32Array[] = [];
  const unique: Int32Array[] = [];
  const negated = new Uint8Array(parts.length);
  const flags = new Int32Array(parts.length);
  const trimmedWords = new Int32Array(parts.length);
  const allTerms: Int32Array[] = [];
  const allConcepts: Int32Array[] = [];
  let tokenCount = 0;
  parts.forEach((part, index) => {
    const sentence: Sentence = { id: `${article.id}#${index}`, articleId: article.id, index, paragraph: part.paragraph, text: part.text };
    sentences.push(sentence);
    const words = tokenize(part.text);
    const ids = new Int32Array(words.length);
    for (let k = 0; k < words.length; k++) ids[k] = termId(lexicon, words[k]!);
    const pairs = new Int32Array(Math.max(0, ids.length - 1));
    for (let k = 1; k < ids.length; k++) pairs[k - 1] = conceptId(lexicon, ids[k - 1]!, ids[k]!);
    tokens.push(ids);
    unique.push(distinct(ids.slice()));
    allTerms.push(ids);
    allConcepts.push(pairs);
    tokenCount += ids.length;
    negated[index] = negation.test(part.text) ? 1 : 0;
    const features = sentenceFeatures(part.text, index);
    flags[index] = features.flags;
    trimmedWords[index] = features.trimmedWords;
  });
  const { figures, hasFigure } = figuresOf(sentences);
  const current = new Set<string>();
  const earlier = new Set<string>();
  for (const f of figures) (f.earlier ? earlier : current).add(`${f.quantity}|${f.kind}|${f.value}`);
  return {
    article,
    id: article.id,
    serial,
    sentences,
    tokens,
    uniqueLengths: Int32Array.from(unique, (u) => u.length),
    uniqueFlat: concatIds(unique),
    paragraph: Int32Array.from(sentences, (s) => s.paragraph),
    conceptFlat: concatIds(allConcepts),
    conceptStart: offsets(allConcepts),
    terms: firstAppearances(concatIds(allTerms)),
    conceptSet: distinct(concatIds(allConcepts)),
    negated,
    hasFigure,
    flags,
    trimmedWords,
    figures,
    currentKeys: [...current],
    earlierKeys: [...earlier],
    quantities: [...new Set(figures.map((f) => f.quantity))],
    published: article.published ? Date.parse(article.published) : NaN,
    label: sourceLabel(article),
    tokenCount,
  };
}

/** The distinct values of `ids`, ascending (sorts `ids` in place). */
function distinct(ids: Int32Array): Int32Array {
  ids.sort();
  let n = 0;
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[n++] = ids[k]!;
  return n === ids.length ? ids : ids.slice(0, n);
}

/** The distinct values of `ids` in order of first appearance. */
function firstAppearances(ids: Int32Array): Int32Array {
  const seen = new Set<number>();
  for (const id of ids) seen.add(id);
  return Int32Array.from(seen);
}

/** Where each of `parts` starts when they are laid end to end, and the total at the end. */
function offsets(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.length + 1);
  parts.forEach((p, k) => (out[k + 1] = out[k]! + p.length));
  return out;
}


/**
 * Figures of every sentence that has a digit. Speakers are found only there: a pronoun ("he
 * said") is resolved to the last speaker named in the few sentences before it. Each sentence's
 * attributions are found once, however many later sentences look back at them.
 */
function figuresOf(sentences: readonly Sentence[]): { figures: Figure[]; hasFigure: Uint8Array } {
  const figures: Figure[] = [];
  const hasFigure = new Uint8Array(sentences.length);
  const attributions: (readonly Attribution[] | undefined)[] = [];
  const attributionsOf = (i: number): readonly Attribution[] => (attributions[i] ??= findAttributions(sentences[i]!.text));
  sentences.forEach((s, i) => {
    if (!/\d/.test(s.text)) return;
    const found = extractFigures(s.text, { articleId: s.articleId, sentenceId: s.id, attributions: attributionsOf(i), previousSpeaker: previousSpeakerOf(i, attributionsOf) });
    if (found.length) {
      figures.push(...found);
      hasFigure[i] = 1;
    }
  });
  return { figures, hasFigure };
}

/** As `previousSpeaker` of speakers.ts, within one article's sentences. */
function previousSpeakerOf(i: number, attributionsOf: (i: number) => readonly Attribution[]): string {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const named = attributionsOf(k).find((a) => !/^[a-z]/.test(a.speaker));
    if (named) return named.speaker;
  }
  return '';
}
