/**
 * "Who said '…'?": the sentence holding the quotation (matched word by word, so a quote cut
 * short, re-punctuated or running over two sentences is still found), then its speaker: named
 * in the sentence, or in the sentence the quote runs on from.
 */
import type { Answer } from '../types.js';
import { candidateSentences, coverage, type AskContext } from './ask-context.js';
import { namedSpeaker, speakerAt } from './attribution.js';
import { found } from './answer-parts.js';
import type { Question } from './question.js';
import { words } from './words.js';

/** Longest run of consecutive quote words found in order in the sentence words. */
function longestRun(quote: readonly string[], sentence: readonly string[]): number {
  let best = 0;
  for (let i = 0; i < sentence.length; i++) {
    for (let j = 0; j < quote.length; j++) {
      let k = 0;
      while (i + k < sentence.length && j + k < quote.length && sentence[i + k] === quote[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

export function answerQuote(context: AskContext, q: Question): Answer | undefined {
  const quote = words(q.quote).map((w) => w.norm);
  if (quote.length < 2) return undefined;
  const needed = Math.min(quote.length, Math.max(3, Math.ceil(quote.length * 0.5)));
  const matches: { i: number; run: number }[] = [];
  // Retrieval first (the quote's own words), then a word-by-word match on what it found.
  for (const i of candidateSentences(context, words(q.quote).filter((w) => !w.stop), 150)) {
    const run = longestRun(quote, context.wordsOf(i).map((w) => w.norm));
    if (run >= needed) matches.push({ i, run });
  }
  matches.sort((a, b) => b.run - a.run || a.i - b.i);
  for (const { i } of matches) {
    const s = context.sentences[i]!;
    const title = context.briefing.sources.find((x) => x.articleId === s.articleId)?.title;
    const speaker = namedSpeaker(context, i, s.text.length, title) || continuedFrom(context, i);
    if (speaker) return found(`${speaker}.`, [s]);
  }
  if (matches.length || /["“]/.test(q.text)) return undefined;
  // "Who said the papers were backdated?" (not a quotation): the speaker of the sentence that says it in other words.
  const said = words(q.quote).filter((w) => !w.stop);
  for (const i of candidateSentences(context, said, 50)) {
    if (coverage(context, said, context.wordsOf(i)) < 0.66) continue;
    const s = context.sentences[i]!;
    const speaker = speakerAt(context, i, s.text.length);
    if (speaker && !/^(?:he|she|they|it|its|we|i|his|her|their|the|this)$/i.test(speaker)) return found(`${speaker}.`, [s]);
  }
  return undefined;
}

/** A quotation that opens a sentence after a sentence that started it: the earlier sentence's speaker. */
function continuedFrom(context: AskContext, i: number): string {
  const { sentences } = context;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (sentences[k]!.articleId !== sentences[i]!.articleId) break;
    const title = context.briefing.sources.find((x) => x.articleId === sentences[k]!.articleId)?.title;
    const speaker = namedSpeaker(context, k, sentences[k]!.text.length, title);
    if (speaker && !/^(?:he|she|they|we|i)$/i.test(speaker)) return speaker;
  }
  return '';
}
