import { articleSentences } from '../../../src/core/text.js';
import type { Article, Briefing } from '../../../src/core/types.js';
import { answerQuestion } from '../../../src/core/answer.js';

/** A small deterministic pseudo-random sequence (mulberry32), so a failing order can be replayed. */
export function randomSequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Articles recombined from the sentences of `sources`: near-duplicates of their sentences across
 * many articles (so rare terms become common as the set grows), some figures revised, some dated.
 */
export function variationsOf(sources: readonly Article[], count: number, seed: number): Article[] {
  const random = randomSequence(seed);
  const pool = sources.flatMap((a) => articleSentences(a.text).map((s) => s.text));
  const out: Article[] = [];
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const length = 3 + Math.floor(random() * 8);
    for (let k = 0; k < length; k++) {
      let sentence = pool[Math.floor(random() * pool.length)]!;
      const roll = random();
      if (roll < 0.15) sentence = sentence.replace(/\d[\d,]*/, (d) => `${Number(d.replace(/,/g, '')) + 100 * (1 + (n % 7))}`);
      else if (roll < 0.25) sentence = `${sentence.replace(/\.$/, '')}, officials said on Monday.`;
      else if (roll < 0.3) sentence = `Officials estimated ${1000 + 250 * (n % 5)} workers had been sent, up from an earlier estimate of ${1000 + 250 * ((n + 1) % 5)}.`;
      lines.push(sentence);
    }
    const dated = random() < 0.3;
    out.push({
      id: `v${String(n).padStart(3, '0')}`,
      origin: `v${n}.txt`,
      text: lines.join(random() < 0.5 ? ' ' : '\n'),
      ...(random() < 0.2 ? { title: `Variation ${n}`, source: 'Wire' } : {}),
      ...(dated ? { published: `2024-10-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` } : {}),
    });
  }
  return out;
}

const questions = [
  'latest troop estimate',
  'How many workers were sent?',
  'What is the earlier estimate?',
  'Who gave the 3,000 estimate?',
  'How big is the back tax bill?',
  'Who won the auction of Yugansk?',
  'What projection was made?',
  'What did officials say on Monday?',
];

/** Everything a user can see of a briefing, including the answers to a few questions. */
export function visible(briefing: Briefing): unknown {
  const { index } = briefing;
  return {
    sources: briefing.sources,
    keyPoints: briefing.keyPoints,
    figures: briefing.figures,
    timelines: briefing.timelines,
    sentenceCount: briefing.sentenceCount,
    sentences: index.sentences,
    support: index.support,
    articleRank: [...index.articleRank],
    avgLength: index.avgLength,
    answers: questions.map((q) => answerQuestion(q, briefing)),
  };
}
