/**
 * The id lists of one article, from its sentences' term ids: concept ids, each sentence's distinct
 * terms, the article's distinct terms and concepts. They are found in the lexicon's scratch space
 * and then laid out in one buffer: an article costs two allocations rather than one a list.
 */
import { conceptId, marker, type Lexicon } from './lexicon.js';

export interface ArticleIds {
  /** Concept ids (adjacent term pairs) of every sentence in order, end to end. */
  readonly conceptFlat: Int32Array;
  /** Each sentence's distinct term ids in order of first appearance, end to end. */
  readonly uniqueFlat: Int32Array;
  /** Distinct term ids of the article in order of first appearance. */
  readonly terms: Int32Array;
  /** Distinct concept ids of the article. */
  readonly conceptSet: Int32Array;
}

/**
 * The id lists of an article whose sentences have the term ids `tokens` (`tokenCount` in all).
 * `termsBefore` is the vocabulary size before the article's terms were added. Fills
 * `uniqueLengths` (per sentence, its number of distinct terms) and `conceptStart` (where each
 * sentence's concepts begin, n + 1 entries).
 */
export function articleIds(lexicon: Lexicon, tokens: readonly Int32Array[], tokenCount: number, termsBefore: number, uniqueLengths: Int32Array, conceptStart: Int32Array): ArticleIds {
  const conceptsBefore = lexicon.conceptCount;
  // Concepts and distinct terms of sentences, of the article: four lists of at most `tokenCount` ids.
  if (lexicon.scratch.length < 4 * tokenCount) lexicon.scratch = new Int32Array(Math.max(4 * tokenCount, 2 * lexicon.scratch.length));
  const scratch = lexicon.scratch;
  let n = 0;
  for (let index = 0; index < tokens.length; index++) {
    const ids = tokens[index]!;
    for (let k = 1; k < ids.length; k++) scratch[n++] = conceptId(lexicon, ids[k - 1]!, ids[k]!);
    conceptStart[index + 1] = n;
  }
  const conceptEnd = n;
  const stamp = marker(lexicon, tokens.length + 1);
  const termMarks = lexicon.termMarks;
  // Each sentence's distinct terms, with a stamp of its own.
  for (let index = 0; index < tokens.length; index++) {
    const ids = tokens[index]!;
    const from = n;
    const mark = stamp + 1 + index;
    for (let k = 0; k < ids.length; k++) {
      const t = ids[k]!;
      if (termMarks[t] === mark) continue;
      termMarks[t] = mark;
      scratch[n++] = t;
    }
    uniqueLengths[index] = n - from;
  }
  const uniqueEnd = n;
  // The article's distinct terms. Terms new with this article got their ids in order of first
  // appearance, so a new term is met for the first time exactly when it is the next new id;
  // only terms known before need marks.
  let nextNew = termsBefore;
  for (const ids of tokens) {
    for (let k = 0; k < ids.length; k++) {
      const t = ids[k]!;
      if (t >= termsBefore) {
        if (t === nextNew) {
          scratch[n++] = t;
          nextNew++;
        }
      } else if (termMarks[t] !== stamp) {
        termMarks[t] = stamp;
        scratch[n++] = t;
      }
    }
  }
  const termsEnd = n;
  // The article's distinct concepts, likewise.
  const conceptMarks = lexicon.conceptMarks;
  nextNew = conceptsBefore;
  for (let k = 0; k < conceptEnd; k++) {
    const c = scratch[k]!;
    if (c >= conceptsBefore) {
      if (c === nextNew) {
        scratch[n++] = c;
        nextNew++;
      }
    } else if (conceptMarks[c] !== stamp) {
      conceptMarks[c] = stamp;
      scratch[n++] = c;
    }
  }
  const all = scratch.slice(0, n);
  return {
    conceptFlat: all.subarray(0, conceptEnd),
    uniqueFlat: all.subarray(conceptEnd, uniqueEnd),
    terms: all.subarray(uniqueEnd, termsEnd),
    conceptSet: all.subarray(termsEnd, n),
  };
}
