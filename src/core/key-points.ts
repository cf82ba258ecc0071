/**
 * Key points: a concept-coverage summary in the manner of Gillick & Favre's multi-document
 * summarizer. Concepts are adjacent term pairs ("supply weapon", "deny report"), each worth as many
 * articles as mention it. Points are chosen greedily for the uncovered concept weight they add per
 * word, favouring sentences that several sources carry, that stand alone, and that come early in
 * an article and from the newest reporting. Covered concepts and words earn less a second time,
 * which gives diversity.
 */
import type { TermIndex } from './term-index.js';
import { sharedCount } from './term-index.js';
import type { Citation, KeyPoint, Sentence } from './types.js';

export interface KeyPointInput {
  readonly sentences: readonly Sentence[];
  readonly terms: TermIndex;
  /** Group representative → member sentence indexes (near-duplicates across articles). */
  readonly members: ReadonlyMap<number, readonly number[]>;
  readonly articleRank: ReadonlyMap<string, number>;
  readonly articleCount: number;
  readonly hasFigure: readonly boolean[];
  /** Sentences that deny or negate: never redundant with one that affirms the same words. */
  readonly negated: readonly boolean[];
}

export interface KeyPointLimits {
  readonly maxPoints: number;
  readonly maxWords: number;
}

const leadingConnective =
  /^(?:(?:However|Meanwhile|Similarly|Still|Thus(?: far)?|Also|But|And|Moreover|Furthermore|In addition|In response|At this point|Thus far, however)|Speaking [^,"]{3,60}),\s+/;
const dependentStart = /^["']?(?:He|She|They|It|This|These|Those|That|His|Her|Their|Its|Such|The two|We|I|Our|But|And|So)\b/;
/** A trailing participle clause of a long sentence (", warning that …"): detail a briefing can drop. */
const trailingClause = /,\s+(?:warning|adding|saying|noting|citing|according)\b[^"]*$/;

/**
 * A sentence about what happens next (a meeting scheduled, a vote due, a decision expected): a
 * developing story's reader wants the next step as much as the last one.
 */
const nextStep =
  /\b(?:(?:is|are|was|were) (?:scheduled|set|due|expected|slated) to|plans? to|will (?:meet|visit|travel|vote|decide|announce|hold|discuss)|later (?:this|next) (?:week|month)|next (?:week|month))\b/i;
/** How much more a next-step sentence weighs in the latest-reporting pass. */
const nextStepWeight = 1.6;

/** How much more the newest article's sentences weigh than the oldest's: a developing story is about what is new. */
const recencyWeight = 1.5;
/** In the corroboration pass, newer reporting weighs only a little more. */
const consensusRecency = 0;

function wordsOf(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** Light trimming only: a leading connective and a trailing participle clause go, the wording stays. */
export function trimPoint(text: string): string {
  let trimmed = text.replace(leadingConnective, '');
  if (wordsOf(trimmed) > 22) {
    const cut = trimmed.replace(trailingClause, '.');
    if (wordsOf(cut) >= 12) trimmed = cut;
  }
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function staticWeight(input: KeyPointInput, i: number, support: number, recency: number): number {
  const s = input.sentences[i]!;
  const words = wordsOf(s.text);
  let w = 1 + 0.5 * (support - 1);
  w *= 1 + 0.4 / (1 + s.paragraph); // news puts what matters first
  // The lead: in the latest-reporting pass, the newest article's first sentence is the latest headline.
  if (s.index === 0) w *= recency > 0 ? 1.5 : 1.15;
  if (dependentStart.test(s.text)) w *= 0.55;
  else if (leadingConnective.test(s.text)) w *= 0.75; // "However, …" leans on the sentence before it
  if (/^["']/.test(s.text) || /\?$/.test(s.text)) w *= 0.7;
  if ((s.text.split('"').length - 1) % 2 === 1) w *= 0.6; // a fragment of a longer quotation
  if (words < 8) w *= 0.3;
  else if (words > 45) w *= 0.6;
  if (input.hasFigure[i]) w *= 1.15;
  if (recency > 0 && nextStep.test(s.text)) w *= nextStepWeight;
  const rank = input.articleRank.get(s.articleId) ?? 0;
  return w * (1 + (recency * rank) / Math.max(1, input.articleCount - 1));
}

/** Articles that mention each concept (adjacent term ids as one number, so counting allocates no strings). */
function conceptFrequency(input: KeyPointInput): Map<number, number> {
  const size = input.terms.vocabulary.size;
  const df = new Map<number, number>();
  const lastArticle = new Map<number, number>();
  let article = -1;
  let previous = '';
  input.terms.tokens.forEach((tokens, i) => {
    const articleId = input.sentences[i]!.articleId;
    if (articleId !== previous) {
      previous = articleId;
      article++;
    }
    for (let k = 1; k < tokens.length; k++) {
      const c = tokens[k - 1]! * size + tokens[k]!;
      if (lastArticle.get(c) === article) continue;
      lastArticle.set(c, article);
      df.set(c, (df.get(c) ?? 0) + 1);
    }
  });
  return df;
}

function forEachConcept(tokens: Int32Array, size: number, visit: (concept: number) => void): void {
  for (let k = 1; k < tokens.length; k++) visit(tokens[k - 1]! * size + tokens[k]!);
}

/** Corroborated concepts weigh by their sources; in the latest-reporting pass, a new concept weighs too. */
function conceptWeight(df: number, fresh: boolean): number {
  if (df >= 2) return Math.min(df, 4);
  return fresh ? 2 : 0.25;
}

interface Candidate {
  readonly rep: number;
  readonly best: number;
  readonly support: number;
  readonly weight: number;
  /** Words of the point as it would be shown. */
  readonly words: number;
  gain: number;
}

interface Selection {
  readonly covered: Set<number>;
  readonly coveredWords: Set<number>;
  readonly chosen: { readonly best: number; readonly negated: boolean }[];
  readonly points: KeyPoint[];
  words: number;
}

/**
 * Selects the key points of a set in two passes: first what the sources corroborate (concepts
 * several articles share), then what the newest reporting adds. A developing story needs both: the
 * established picture and the latest change.
 */
export function selectKeyPoints(input: KeyPointInput, limits: KeyPointLimits): KeyPoint[] {
  const frequency = conceptFrequency(input);
  const selection: Selection = { covered: new Set(), coveredWords: new Set(), chosen: [], points: [], words: 0 };
  const numeric = new Set<number>();
  for (const [term, id] of input.terms.vocabulary) if (/\d/.test(term)) numeric.add(id);
  const scoring = { input, frequency, selection, size: input.terms.vocabulary.size, numeric };
  let newest = -1;
  for (const r of input.articleRank.values()) if (r > newest) newest = r;
  const groups = [...input.members];
  const corroborated = { maxPoints: Math.ceil(limits.maxPoints / 2), maxWords: Math.round(limits.maxWords * 0.55) };
  pick(scoring, shortlist(scoring, groups, false), corroborated, false);
  const fromNewest = groups.filter(([, members]) => members.some((m) => input.articleRank.get(input.sentences[m]!.articleId) === newest));
  pick(scoring, shortlist(scoring, fromNewest, true), limits, true);
  return selection.points;
}

/**
 * The groups worth a full look: gains only fall during selection, so the few hundred with the
 * highest starting gain hold every point a briefing of 14 can take, however large the set.
 */
function shortlist(scoring: Scoring, groups: readonly (readonly [number, readonly number[]])[], fresh: boolean): Candidate[] {
  const scored = groups.map(([rep, members]) => candidateOf(scoring.input, rep, members, fresh ? recencyWeight : consensusRecency));
  for (const c of scored) c.gain = gainOf(scoring, c, fresh);
  return scored.sort((a, b) => b.gain - a.gain).slice(0, shortlistSize);
}

const shortlistSize = 400;

function candidateOf(input: KeyPointInput, rep: number, members: readonly number[], recency: number): Candidate {
  const support = members.length === 1 ? 1 : new Set(members.map((m) => input.sentences[m]!.articleId)).size;
  let best = members[0]!;
  if (members.length > 1) {
    let bestWeight = -1;
    for (const m of members) {
      const w = staticWeight(input, m, 1, recency);
      if (w > bestWeight) [best, bestWeight] = [m, w];
    }
  }
  return { rep, best, support, weight: staticWeight(input, best, support, recency), words: wordsOf(trimPoint(input.sentences[best]!.text)), gain: Infinity };
}

interface Scoring {
  readonly input: KeyPointInput;
  readonly frequency: ReadonlyMap<number, number>;
  readonly selection: Selection;
  readonly size: number;
  /** Term ids that are numbers. */
  readonly numeric: ReadonlySet<number>;
}

function gainOf({ input, frequency, selection, size }: Scoring, c: Candidate, fresh: boolean): number {
  let sum = 0;
  forEachConcept(input.terms.tokens[c.best]!, size, (k) => {
    if (!selection.covered.has(k)) sum += conceptWeight(frequency.get(k) ?? 1, fresh);
  });
  if (sum === 0) return 0;
  // Words already said by chosen points make a point repeat the briefing, even in other pairs.
  const words = input.terms.unique[c.best]!;
  let unsaid = 0;
  for (const w of words) if (!selection.coveredWords.has(w)) unsaid++;
  const novelty = 0.3 + (0.7 * unsaid) / Math.max(1, words.length);
  return (c.weight * sum * novelty) / Math.sqrt(Math.max(8, c.words));
}

function pick(scoring: Scoring, pool: readonly Candidate[], limits: KeyPointLimits, fresh: boolean): void {
  const { input, selection } = scoring;
  const queue = pool.map((c) => ({ c, gain: c.gain })).filter((q) => q.gain > 0);
  // Lazy greedy: a gain only falls as concepts get covered, so a stale top that stays on top after
  // re-scoring is the true best.
  while (selection.points.length < limits.maxPoints && queue.length) {
    const top = queue[0]!;
    const gain = gainOf(scoring, top.c, fresh);
    if (gain < (queue[1]?.gain ?? -Infinity)) {
      queue.shift();
      if (gain > 0) insertSorted(queue, { c: top.c, gain });
      continue;
    }
    queue.shift();
    if (gain <= 0) break;
    const { c } = top;
    const negated = input.negated[c.best]!;
    const unique = input.terms.unique[c.best]!;
    const redundant = selection.chosen.some((x) => {
      const other = input.terms.unique[x.best]!;
      if (x.negated !== negated || sharedCount(other, unique) / Math.max(1, Math.min(unique.length, other.length)) < 0.5) return false;
      // A figure the chosen point lacks ("now 40, up from 12") is a revision, not a repeat.
      return unique.every((w) => !scoring.numeric.has(w) || other.includes(w));
    });
    if (redundant) continue;
    const text = trimPoint(input.sentences[c.best]!.text);
    const words = wordsOf(text);
    if (selection.words + words > limits.maxWords) {
      if (selection.words > limits.maxWords * 0.85) break;
      continue;
    }
    selection.words += words;
    forEachConcept(input.terms.tokens[c.best]!, scoring.size, (k) => selection.covered.add(k));
    for (const w of unique) selection.coveredWords.add(w);
    selection.chosen.push({ best: c.best, negated });
    selection.points.push({ text, citations: citationsOf(input, c.rep, c.best), sourceCount: c.support, score: Math.round(gain * 100) / 100, fresh });
  }
}

function insertSorted(queue: { c: Candidate; gain: number }[], item: { c: Candidate; gain: number }): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (queue[mid]!.gain > item.gain) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, item);
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
