/**
 * A "best sentence" baseline for `npm run eval`: BM25 (k1 1.2, b 0.75) over the sentences of a set's
 * articles, answering every question with the text of the best-ranked sentence. It never abstains
 * (found is always true), so on unanswerable questions it scores 0 by construction; it has no brief.
 * Its tokenizer is deliberately plain and its own (lowercase words, a small stopword list, a light
 * plural stem), so the baseline stays fixed while the engine's text handling changes.
 */
import { articleSentences } from '../src/core/text.js';
import { readArticleSet } from '../src/ingest/read-article-set.js';
import { scoreAnswers, type AnswerScore, type AskOutcome, type EvalSet } from './score-sets.js';

const k1 = 1.2;
const b = 0.75;

const stopwords = new Set(
  (
    'a an and are as at be been but by did do does for from had has have how i in is it its me my of on or so ' +
    'that the their there they this to was were what when where which who whom why will with you your ' +
    'just only number figure latest please tell give'
  ).split(' '),
);

/** Lowercase words and numbers (thousands separators dropped), stopwords out, a trailing plural "s" off. */
export function bm25Tokens(text: string): string[] {
  const words = text.toLowerCase().replace(/(\d),(?=\d{3}\b)/g, '$1').match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  return words
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => !stopwords.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

export interface Bm25Index {
  readonly sentences: readonly string[];
  /** The index of the best sentence for a query (the first on a tie, the first sentence when nothing matches). */
  best(query: string): number;
}

export function bm25Index(sentences: readonly string[]): Bm25Index {
  const docs = sentences.map((s) => {
    const tf = new Map<string, number>();
    const tokens = bm25Tokens(s);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { tf, length: tokens.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const avgdl = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n);
  const idf = (t: string): number => {
    const f = df.get(t) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };
  return {
    sentences,
    best(query) {
      const terms = [...new Set(bm25Tokens(query))].filter((t) => df.has(t));
      let best = 0;
      let bestScore = -Infinity;
      docs.forEach((d, i) => {
        let score = 0;
        for (const t of terms) {
          const f = d.tf.get(t) ?? 0;
          if (f) score += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / Math.max(avgdl, 1e-9)));
        }
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      });
      return best;
    },
  };
}

/** The BM25 index of a set folder's sentences, read as the engine reads them. */
export async function bm25IndexOf(dir: string): Promise<Bm25Index> {
  const { articles } = await readArticleSet(dir);
  return bm25Index(articles.flatMap((a) => articleSentences(a.text).map((s) => s.text)));
}

/** Scores the baseline on a set's questions and unanswerable questions, by the scorer's rules. */
export async function scoreBm25(set: EvalSet): Promise<AnswerScore> {
  const index = await bm25IndexOf(set.dir);
  const ask = async (question: string): Promise<AskOutcome> => ({ reply: { found: true, answer: index.sentences[index.best(question)] ?? '' } });
  return scoreAnswers(set, ask);
}
