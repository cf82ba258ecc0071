/**
 * Key points: a concept-coverage summary (in the manner of Gillick & Favre's multi-document
 * summarizer). Each term is a concept worth as many articles as mention it; points are chosen
 * greedily for the uncovered concept weight they add per word, favouring sentences that several
 * sources carry, that stand alone, that carry names and figures, and that come from the newest
 * reporting. Covered concepts earn nothing twice, which gives diversity.
 */
import type { Citation, KeyPoint, Sentence } from './types.js';

export interface KeyPointInput {
  readonly sentences: readonly Sentence[];
  readonly terms: readonly (readonly string[])[];
  /** Representative sentence index of each sentence's near-duplicate group. */
  readonly group: readonly number[];
  /** Group representative → member sentence indexes. */
  readonly members: ReadonlyMap<number, readonly number[]>;
  readonly articleFrequency: ReadonlyMap<string, number>;
  readonly articleRank: ReadonlyMap<string, number>;
  readonly articleCount: number;
  /** Terms that are written capitalized mid-sentence (names). */
  readonly names: ReadonlySet<string>;
  readonly hasFigure: readonly boolean[];
  /** Sentences that deny or negate: never redundant with one that affirms the same words. */
  readonly negated: readonly boolean[];
}

export interface KeyPointLimits {
  readonly maxPoints: number;
  readonly maxWords: number;
}

const leadingConnective = /^(?:(?:However|Meanwhile|Similarly|Still|Thus(?: far)?|Also|But|And|Moreover|Furthermore|In addition|In response|At this point|Thus far, however)|Speaking [^,"]{3,60}),\s+/;
const dependentStart = /^["']?(?:He|She|They|It|This|These|Those|That|His|Her|Their|Its|Such|The two|We|I|Our|But|And|So)\b/;

/** A trailing participle clause of a long sentence (", warning that …"): detail a briefing can drop. */
const trailingClause = /,\s+(?:warning|adding|saying|noting|citing|according)\b[^"]*$/;

/** Light trimming only: a leading connective and a trailing participle clause go, the wording stays. */
export function trimPoint(text: string): string {
  let trimmed = text.replace(leadingConnective, '');
  if (wordsOf(trimmed) > 22) {
    const cut = trimmed.replace(trailingClause, '.');
    if (wordsOf(cut) >= 12) trimmed = cut;
  }
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** How much more the newest article's sentences weigh than the oldest's: a developing story is about what is new. */
const recencyWeight = 1.5;

function wordsOf(text: string): number {
  return text.split(/\s+/).length;
}

function staticWeight(input: KeyPointInput, i: number, support: number): number {
  const s = input.sentences[i]!;
  const words = wordsOf(s.text);
  let w = 1 + 0.5 * (support - 1);
  w *= 1 + 0.4 / (1 + s.paragraph); // news puts what matters first
  if (s.index === 0) w *= 1.15;
  if (dependentStart.test(s.text)) w *= 0.55;
  if (/^["']/.test(s.text) || /\?$/.test(s.text)) w *= 0.7;
  if (((s.text.match(/"/g) ?? []).length % 2) === 1) w *= 0.6; // a fragment of a longer quotation
  if (words < 8) w *= 0.3;
  else if (words > 45) w *= 0.6;
  if (input.hasFigure[i]) w *= 1.15;
  const rank = input.articleRank.get(s.articleId) ?? 0;
  return w * (1 + (recencyWeight * rank) / Math.max(1, input.articleCount - 1));
}

/** Concepts are adjacent term pairs ("supply weapon", "deny report"), as in Gillick & Favre. */
function conceptsOf(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < terms.length; i++) out.add(`${terms[i - 1]} ${terms[i]}`);
  return out;
}

/** Articles that mention each concept: what several sources report weighs more. */
function conceptFrequency(input: KeyPointInput): Map<string, number> {
  const perArticle = new Map<string, Set<string>>();
  input.sentences.forEach((s, i) => {
    let set = perArticle.get(s.articleId);
    if (!set) perArticle.set(s.articleId, (set = new Set()));
    for (const c of conceptsOf(input.terms[i]!)) set.add(c);
  });
  const df = new Map<string, number>();
  for (const set of perArticle.values()) for (const c of set) df.set(c, (df.get(c) ?? 0) + 1);
  return df;
}

/** Corroborated concepts weigh by their sources; in the latest-reporting pass, a new concept weighs too. */
function conceptWeight(df: number, fresh: boolean): number {
  if (df >= 2) return Math.min(df, 4);
  return fresh ? 2 : 0.25;
}

/**
 * Selects the key points of a set in two passes: first what the sources corroborate (concepts
 * several articles share), then what the newest reporting adds. A developing story needs both: the
 * established picture and the latest change.
 */
export function selectKeyPoints(input: KeyPointInput, limits: KeyPointLimits): KeyPoint[] {
  const frequency = conceptFrequency(input);
  const state: SelectionState = { covered: new Set(), coveredWords: new Set(), chosenTerms: [], chosenNegated: [], chosen: [], words: 0 };
  const all = [...input.members.keys()];
  const newest = Math.max(-1, ...input.articleRank.values());
  const corroborated = Math.ceil(limits.maxPoints / 2);
  const corroboratedWords = Math.round(limits.maxWords * 0.55);
  pick(input, frequency, state, all, { maxPoints: corroborated, maxWords: corroboratedWords }, false);
  const fresh = all.filter((rep) => input.members.get(rep)!.some((m) => input.articleRank.get(input.sentences[m]!.articleId) === newest));
  pick(input, frequency, state, fresh, limits, true);
  return state.chosen;
}

interface SelectionState {
  readonly covered: Set<string>;
  readonly coveredWords: Set<string>;
  readonly chosenTerms: Set<string>[];
  readonly chosenNegated: boolean[];
  readonly chosen: KeyPoint[];
  words: number;
}

function pick(
  input: KeyPointInput,
  frequency: ReadonlyMap<string, number>,
  state: SelectionState,
  reps: readonly number[],
  limits: KeyPointLimits,
  fresh: boolean,
): void {
  const candidates = reps.map((rep) => {
    const members = input.members.get(rep)!;
    const support = new Set(members.map((m) => input.sentences[m]!.articleId)).size;
    const best = [...members].sort((a, b) => staticWeight(input, b, 1) - staticWeight(input, a, 1))[0]!;
    return { rep, best, support, weight: staticWeight(input, best, support), gain: Infinity };
  });
  const gainOf = (c: (typeof candidates)[number]): number => {
    let sum = 0;
    for (const t of conceptsOf(input.terms[c.best]!)) if (!state.covered.has(t)) sum += conceptWeight(frequency.get(t) ?? 1, fresh);
    // Words already said by chosen points make a point repeat the briefing, even in other pairs.
    const words = new Set(input.terms[c.best]);
    let fresh_ = 0;
    for (const w of words) if (!state.coveredWords.has(w)) fresh_++;
    const novelty = 0.3 + (0.7 * fresh_) / Math.max(1, words.size);
    return (c.weight * sum * novelty) / Math.sqrt(Math.max(8, wordsOf(trimPoint(input.sentences[c.best]!.text))));
  };
  for (const c of candidates) c.gain = gainOf(c);
  candidates.sort((a, b) => b.gain - a.gain);
  // Lazy greedy: a gain only falls as concepts get covered, so a stale top that stays on top after
  // re-scoring is the true best.
  while (state.chosen.length < limits.maxPoints && candidates.length) {
    const top = candidates[0]!;
    const gain = gainOf(top);
    if (gain < (candidates[1]?.gain ?? -Infinity)) {
      top.gain = gain;
      candidates.sort((a, b) => b.gain - a.gain);
      continue;
    }
    candidates.shift();
    if (gain <= 0) break;
    const text = trimPoint(input.sentences[top.best]!.text);
    const termSet = new Set(input.terms[top.best]);
    const negated = input.negated[top.best]!;
    if (state.chosenTerms.some((t, k) => state.chosenNegated[k] === negated && similarity(t, termSet) >= 0.5)) continue;
    if (state.words + wordsOf(text) > limits.maxWords) {
      if (state.words > limits.maxWords * 0.85) break;
      continue;
    }
    state.words += wordsOf(text);
    for (const t of conceptsOf(input.terms[top.best]!)) state.covered.add(t);
    for (const w of termSet) state.coveredWords.add(w);
    state.chosenTerms.push(termSet);
    state.chosenNegated.push(negated);
    state.chosen.push({ text, citations: citationsOf(input, top.rep, top.best), sourceCount: top.support, score: Math.round(gain * 100) / 100, fresh });
  }
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function citationsOf(input: KeyPointInput, rep: number, best: number): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const i of [best, ...input.members.get(rep)!]) {
    const s = input.sentences[i]!;
    if (seen.has(s.articleId)) continue;
    seen.add(s.articleId);
    out.push({ articleId: s.articleId, quote: s.text, sentenceId: s.id });
  }
  return out;
}
