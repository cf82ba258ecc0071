/**
 * What answering needs from a briefing, built once per briefing and kept with it: the time of each
 * article, and per sentence (lazily) its words and number mentions. Retrieval ranks sentences by
 * BM25 over the briefing's own index, with each question word's synonyms and measure words.
 */
import { sentenceFrequency, sentencesWith } from '../term-index.js';
import { stem, stopwords } from '../text.js';
import type { Briefing, Sentence } from '../types.js';
import { articleTimes } from './article-times.js';
import { measureOfWord, measureWords } from './measures.js';
import { numberMentions, type NumberMention } from './number-mentions.js';
import { sameSense, senseGroup, synonymWords } from './synonyms.js';
import { words, type Word } from './words.js';

export interface AskContext {
  readonly briefing: Briefing;
  readonly sentences: readonly Sentence[];
  /** Article id → reported time (ms), undefined when unknown. */
  readonly times: ReadonlyMap<string, number | undefined>;
  readonly wordsOf: (i: number) => readonly Word[];
  readonly mentionsOf: (i: number) => readonly NumberMention[];
  /** The idf of a word of the question, from the set's own sentence frequencies. */
  readonly idf: (w: Word) => number;
  /** Whether the set writes a word capitalized inside sentences (a name: "Alden", not "workers"). */
  readonly isName: (w: Word) => boolean;
  /** The share of the set's articles that use a word (in any form): near 1 for the story's own name. */
  readonly articleShare: (w: Word) => number;
  /**
   * Which of two articles reported later: by time where both have one, else by the briefing's
   * article order (dates, values an article calls earlier, file order). Positive when `a` is newer.
   */
  readonly newer: (a: string, b: string) => number;
  /** The year most of the set's dated articles were written in, or undefined when none is dated. */
  readonly storyYear: number | undefined;
}

const contexts = new WeakMap<Briefing, AskContext>();

export function askContext(briefing: Briefing): AskContext {
  const held = contexts.get(briefing);
  if (held) return held;
  const { sentences } = briefing.index;
  const texts = new Map<string, string[]>();
  sentences.forEach((s) => {
    const list = texts.get(s.articleId);
    if (list) list.push(s.text);
    else texts.set(s.articleId, [s.text]);
  });
  const published = new Map(briefing.sources.map((s) => [s.articleId, s.published]));
  const times = articleTimes([...texts].map(([id, t]) => ({ id, text: t.join(' '), ...(published.get(id) ? { published: published.get(id)! } : {}) })));
  const wordCache = new Map<number, readonly Word[]>();
  const mentionCache = new Map<number, readonly NumberMention[]>();
  const n = Math.max(1, sentences.length);
  const shares = new Map<string, number>();
  const names = new Map<string, boolean>();
  let titleWords: Set<string>[] | undefined;
  const years = [...times.values()].filter((t): t is number => t !== undefined).map((t) => new Date(t).getUTCFullYear()).sort((a, b) => a - b);
  const context: AskContext = {
    briefing,
    sentences,
    times,
    storyYear: years[Math.floor(years.length / 2)],
    wordsOf: (i) => {
      let ws = wordCache.get(i);
      if (!ws) wordCache.set(i, (ws = words(sentences[i]!.text)));
      return ws;
    },
    mentionsOf: (i) => {
      let ms = mentionCache.get(i);
      if (!ms) mentionCache.set(i, (ms = numberMentions(sentences[i]!.text)));
      return ms;
    },
    newer: (a, b) => {
      const ta = times.get(a);
      const tb = times.get(b);
      if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
      return (briefing.index.articleRank.get(a) ?? 0) - (briefing.index.articleRank.get(b) ?? 0);
    },
    isName: (w) => {
      let held = names.get(w.norm);
      if (held === undefined) {
        const id = briefing.index.vocabulary.get(stem(w.lower));
        let capital = 0;
        let seen = 0;
        if (id !== undefined) {
          for (const i of sentencesWith(briefing.index, id)) {
            for (const x of context.wordsOf(i)) if (x.norm === w.norm && x.start > 0) {
              seen++;
              if (x.capital) capital++;
            }
            if (seen >= 20) break;
          }
        }
        names.set(w.norm, (held = seen > 0 && capital / seen > 0.5));
      }
      return held;
    },
    articleShare: (w) => {
      let share = shares.get(w.norm);
      if (share === undefined) {
        // By the briefing's postings of the word's stem: no sentence is re-read.
        const articles = new Set<string>();
        const id = w.acronym ? undefined : briefing.index.vocabulary.get(stem(w.lower));
        if (id !== undefined) for (const i of sentencesWith(briefing.index, id)) articles.add(sentences[i]!.articleId);
        else if (w.acronym) {
          // The tokenizer splits and drops acronyms ("U.S." → "u", "s"): find them in the text, once per acronym.
          const re = new RegExp(`(?<![\\p{L}.])${w.text.replace(/[.]/g, '\\.')}(?![\\p{L}])`, 'u');
          sentences.forEach((s) => {
            if (!articles.has(s.articleId) && re.test(s.text)) articles.add(s.articleId);
          });
        }
        titleWords ??= briefing.sources.map((src) => new Set(src.title ? words(src.title).map((x) => x.norm) : []));
        briefing.sources.forEach((src, k) => {
          if (titleWords![k]!.has(w.norm)) articles.add(src.articleId);
        });
        shares.set(w.norm, (share = articles.size / Math.max(1, briefing.sources.length)));
      }
      return share;
    },
    idf: (w) => {
      const id = w.acronym ? undefined : briefing.index.vocabulary.get(stem(w.lower));
      const df = id === undefined ? 0 : sentenceFrequency(briefing.index, id);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    },
  };
  contexts.set(briefing, context);
  return context;
}

/** Whether a sentence word matches a question word: same form, a synonym, or the same measure. */
export function wordMatches(q: Word, s: Word): boolean {
  if (q.norm === s.norm) return true;
  if (sameSense(q.norm, s.norm)) return true;
  // "secretary general" meets "Secretary-General", "hardest hit" meets "hardest-hit".
  if (s.parts && !q.parts && s.parts.includes(q.norm)) return true;
  const mq = measureOfWord(q.norm);
  return mq !== undefined && mq.kind !== 'money' && mq === measureOfWord(s.norm);
}

const connectors = new Set(['of', 'for', 'the', 'and', 'on', 'de', 'la', '&']);

/** Acronyms a sentence spells out: "Regional Flood Authority" → "rfa", "Office for … Relief (OFR)". */
export function spelledAcronyms(ws: readonly Word[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    if (!ws[i]!.capital || ws[i]!.acronym) continue;
    let letters = '';
    for (let k = i; k < ws.length && k < i + 8; k++) {
      const w = ws[k]!;
      if (w.capital && !w.acronym) letters += w.lower[0];
      else if (!connectors.has(w.lower)) break;
      if (letters.length >= 2 && w.capital) out.add(letters);
    }
  }
  return out;
}

const spellingMemo = new WeakMap<AskContext, Map<string, number[]>>();

/** The sentences that spell out an acronym ("rfa": "… the Regional Flood Authority …"), read once per acronym. */
function spellingSentences(context: AskContext, acronym: string): number[] {
  let memo = spellingMemo.get(context);
  if (!memo) spellingMemo.set(context, (memo = new Map()));
  const known = memo.get(acronym);
  if (known) return known;
  const letters = [...acronym].filter((c) => /\p{L}/u.test(c));
  const out: number[] = [];
  if (letters.length >= 2 && letters.length <= 6) {
    // A cheap test of the text first: the capitals in order, joined by spaces and connectors.
    const joint = String.raw`[\p{L}'’.-]*\s+(?:(?:of|for|the|and|on|de|la|&)\s+)*`;
    const spelled = new RegExp(`(?<![\\p{L}])${letters.map((c) => c.toUpperCase()).join(joint)}`, 'u');
    context.sentences.forEach((s, i) => {
      if (spelled.test(s.text) && spelledAcronyms(words(s.text)).has(acronym)) out.push(i);
    });
  }
  memo.set(acronym, out);
  return out;
}

/**
 * The share of the question's weight a span of sentence words carries: each question word counts
 * its idf, fully when matched by form, synonym or measure, or, for an acronym, spelled out.
 */
export function coverage(context: AskContext, terms: readonly Word[], span: readonly Word[], soft: readonly Word[] = []): number {
  if (terms.length === 0) return 0;
  let total = 0;
  let got = 0;
  let spelled: Set<string> | undefined;
  // A span about another of the story's main entities ("… in Brill" when Alden was asked) implies nothing.
  const rival = span.some((s, k) => k > 0 && /^(?:in|across|throughout|for)$/.test(span[k - 1]!.lower) && s.capital && !s.acronym && context.articleShare(s) >= storyWide && !terms.some((t) => wordMatches(t, s)));
  // Only a name ("Alden") gives way to a rival name ("in Brill"); a common noun ("workers") does not.
  const isName = (t: Word): boolean => t.capital || t.acronym || context.isName(t);
  for (const t of terms) {
    const w = context.idf(t) * (softTerms.has(t.lower) || soft.includes(t) ? 0.3 : 1);
    total += w;
    if (span.some((s) => wordMatches(t, s))) got += w;
    else if (t.acronym && (spelled ??= spelledAcronyms(span)).has(t.norm)) got += w;
    // The story's own name ("the storm", "the quake" of every article) is implied by any sentence of the set.
    else if (!(rival && isName(t)) && context.articleShare(t) >= storyWide) got += 0.7 * w;
  }
  return total > 0 ? got / total : 0;
}

/** Share of articles above which a word names the story itself. */
const storyWide = 0.75;

/** Words that narrow a question only a little ("official death toll", "main quake"). */
const softTerms = new Set(['day', 'week', 'month', 'year', 'official', 'officially', 'main', 'overall', 'confirmed', 'new', 'recent', 'actual', 'actually', 'total', 'combined', 'worldwide', 'global', 'statewide', 'nationwide']);

/** Retrieval: the sentences most worth reading for a question, best first (BM25 over stems with synonyms). */
export function candidateSentences(context: AskContext, terms: readonly Word[], limit: number): number[] {
  const { index } = context.briefing;
  const n = index.sentences.length;
  if (n === 0) return [];
  const scores = new Map<number, number>();
  for (const t of terms) {
    const forms = new Set([stem(t.lower), ...expansions(t)]);
    const idf = context.idf(t);
    const seen = new Set<number>();
    const add = (i: number): void => {
      if (seen.has(i)) return;
      seen.add(i);
      const len = index.tokens[i]!.length;
      scores.set(i, (scores.get(i) ?? 0) + (idf * 2.2) / (1 + 1.2 * (0.25 + (0.75 * len) / index.avgLength)));
    };
    for (const f of forms) {
      if (stopwords.has(f)) continue;
      const id = index.vocabulary.get(f);
      if (id === undefined) continue;
      for (const i of sentencesWith(index, id)) add(i);
    }
    // "the RFA" is found where the set writes "the Regional Flood Authority".
    if (t.acronym) for (const i of spellingSentences(context, t.norm)) add(i);
  }
  if (scores.size <= limit) return [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || a - b);
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([i]) => i);
}

/** Stems of a word's synonyms and of its measure's other words, for retrieval. */
function expansions(t: Word): string[] {
  const out: string[] = [];
  const group = senseGroup(t.norm);
  if (group >= 0) for (const w of synonymWords(group)) out.push(stem(w));
  const m = measureOfWord(t.norm);
  if (m) for (const w of measureWords(m.id)) out.push(stem(w));
  return out;
}
