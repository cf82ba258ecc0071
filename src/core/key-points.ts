/**
 * Key points: a concept-coverage summary in the manner of Gillick & Favre's multi-document
 * summarizer. Concepts are adjacent term pairs ("supply weapon", "deny report"), each worth as many
 * articles as mention it. Points are chosen greedily for the uncovered concept weight they add per
 * word, favouring sentences that several sources carry, that stand alone, and that come early in
 * an article and from the newest reporting. Covered concepts and words earn less a second time,
 * which gives diversity.
 */
import { connective, dependent, maxDeckLines, fragment, lead, pronounLed, long, nextStepFlag, oddQuotes, quoteOrQuestion, short, trimPoint, wordsOf, type SentenceFeatures } from './sentence-features.js';
import { isConfirmation, isDenial, sameParties } from './reversals.js';
import { findAttributions } from './speakers.js';
import { storyRoles } from './story-roles.js';
import { sharesAtLeast } from './term-index.js';
import type { Negations } from './negations.js';
import type { Citation, KeyPoint, Sentence } from './types.js';

/** The set as key points see it: per sentence (by position in the set), what `sentenceFeatures` and the term index found. */
export interface KeyPointInput {
  readonly sentences: readonly Sentence[];
  /** Distinct term ids of every sentence, end to end: sentence i's are `uniqueFlat[uniqueStart[i] .. uniqueStart[i + 1])`. */
  readonly uniqueFlat: Int32Array;
  readonly uniqueStart: Int32Array;
  /** Concept ids of every sentence in order, end to end, likewise. */
  readonly conceptFlat: Int32Array;
  readonly conceptStart: Int32Array;
  /** Per concept id, how many articles mention it. */
  readonly conceptDf: Int32Array;
  /** Term ids of every sentence in order (concept k of sentence i is the pair at k, k + 1). */
  readonly tokens: readonly Int32Array[];
  /**
   * Per sentence, 0 unless Key numbers shows a figure of it; then an id of what that figure
   * measures (the same for "deaths: 2,000", "deaths in the city: 40" and "deaths: 2,600").
   */
  readonly inKeyNumbers: Int32Array;
  /** Per sentence, 1 when it only restates a figure Key numbers shows (see restatements.ts): never a point. */
  readonly restatesKeyNumbers: Uint8Array;
  /** Per term id, how many articles use it. */
  readonly termDf: Int32Array;
  /** Per term id, 1 for a term that is a number. */
  readonly numeric: readonly number[];
  readonly vocabularySize: number;
  /** What each sentence's text says of its weight, and its words as a point. */
  readonly features: SentenceFeatures;
  readonly paragraph: Int32Array;
  readonly hasFigure: Uint8Array;
  /** Sentences that deny or negate: never redundant with one that affirms the same words. */
  readonly negations: Negations;
  /** Per sentence, the position of its article; per article position, its rank in time (0 = oldest). */
  readonly articleOf: Int32Array;
  readonly articleRank: Int32Array;
  readonly articleCount: number;
  /** Per sentence, its near-duplicate group's representative (the group's first sentence). */
  readonly rep: Int32Array;
  /** Members of the groups of two or more sentences, ascending, by representative. */
  readonly members: ReadonlyMap<number, readonly number[]>;
  /** Per sentence, 1 for the representative of a group of two or more (a key of `members`). */
  readonly grouped: Uint8Array;
}

export interface KeyPointLimits {
  readonly maxPoints: number;
  readonly maxWords: number;
}

/**
 * What each feature of a sentence does to its weight: `staticWeight` applies them, and the bounds
 * that let the shortlist skip groups unread (`gainBound`, `groupBound`) read the same table, so the
 * two cannot drift apart.
 */
const weights = {
  /** Per article beyond the first that carries the point. */
  support: 0.5,
  /** The first paragraph: news puts what matters first (a factor of 1 + early / (1 + paragraph)). */
  early: 0.4,
  /** An article's first sentence: in the latest-reporting pass the latest headline, else the lead. */
  freshLead: 1.5,
  lead: 1.15,
  dependent: 0.55,
  /** "However, …" leans on the sentence before it. */
  connective: 0.75,
  quoteOrQuestion: 0.7,
  /** A fragment of a longer quotation. */
  oddQuotes: 0.6,
  short: 0.3,
  long: 0.6,
  figure: 1.15,
  /** A next step, in the latest-reporting pass. */
  nextStep: 1.6,
  /** How much more the newest article's sentences weigh than the oldest's in the latest-reporting pass: a developing story is about what is new. */
  recency: 1.5,
} as const;

function staticWeight(input: KeyPointInput, i: number, support: number, recency: number): number {
  const f = input.features.flagsOf(i);
  let w = 1 + weights.support * (support - 1);
  w *= 1 + weights.early / (1 + input.paragraph[i]!);
  if (f & lead) w *= recency > 0 ? weights.freshLead : weights.lead;
  if (f & dependent) w *= weights.dependent;
  else if (f & connective) w *= weights.connective;
  if (f & quoteOrQuestion) w *= weights.quoteOrQuestion;
  if (f & oddQuotes) w *= weights.oddQuotes;
  if (f & short) w *= weights.short;
  else if (f & long) w *= weights.long;
  if (input.hasFigure[i]) w *= weights.figure;
  if (recency > 0 && f & nextStepFlag) w *= weights.nextStep;
  const rank = input.articleRank[input.articleOf[i]!] ?? 0;
  return w * (1 + (recency * rank) / Math.max(1, input.articleCount - 1));
}

const coveredBit = 0x80;

/** Article counts capped at 4, one byte a concept (see `Selection.concepts`). */
function cappedCounts(conceptDf: Int32Array): Uint8Array {
  const out = new Uint8Array(conceptDf.length);
  for (let c = 0; c < conceptDf.length; c++) out[c] = Math.min(conceptDf[c]!, 4);
  return out;
}

/**
 * How a point's gain falls with its words: gain / words^wordCost. Above 1/2 (the square root), a
 * long sentence must carry proportionally more uncovered concepts to be worth its words.
 */
const wordCost = 0.7;

/**
 * How much a concept's weight depends on how specific its terms are: a pair of words most articles
 * use ("death toll", the story's name) says what every point says; a pair with a term few articles
 * use (a name, a place, an organization) is a fact of its own. Per most articles either term is in
 * (`df`), the factor is ((1 + ln(n / df)) / (1 + ln n))^specificity: 1 for a term of one article,
 * lowest for terms of all n. At most 1, so the bounds that read `conceptWeight` alone still hold.
 */
const specificity = 0.5;

/** Per article count 0..n, the factor `specificity` gives a concept whose terms are used by at most that many articles. */
function specificityTable(articleCount: number): Float64Array {
  const out = new Float64Array(articleCount + 1).fill(1);
  const n = Math.max(1, articleCount);
  for (let df = 1; df <= articleCount; df++) out[df] = Math.pow((1 + Math.log(n / df)) / (1 + Math.log(n)), specificity);
  return out;
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
  /** Position among the groups considered: ties of gain keep this order. */
  readonly order: number;
  gain: number;
}

interface Selection {
  /**
   * Per concept id, how many articles mention it, at most 4 (all `conceptWeight` tells apart),
   * plus `coveredBit` once a chosen point says it: one byte a concept keeps the hot loops in cache.
   */
  readonly concepts: Uint8Array;
  /** Per term id, 1 once a chosen point says it. */
  readonly coveredWords: Uint8Array;
  /** `role`: taken by `takeRoles` for a story role, not for what it covers. */
  readonly chosen: { readonly best: number; readonly negated: boolean; role?: boolean }[];
  readonly points: KeyPoint[];
  /** Per article position, 1 once a chosen point cites it. */
  readonly cited: Uint8Array;
  /** By how many articles use a concept's commoner term, what its weight counts for (see `specificity`). */
  readonly specific: Float64Array;
  words: number;
}

/** The most of the brief's points the newest article may give in the latest-reporting pass. */
const newestShare = 0.4;

/** How many articles the corroboration pass left uncited may each give one point of what they alone report. */
const uncitedPoints = 3;

/** Below this many points, a sentence that only restates a Key number may be one. */
const fewestPoints = 3;

/**
 * Selects the key points of a set in three passes: first what the sources corroborate (concepts
 * several articles share), then one point from each of a few articles not yet cited (what only
 * they report, a step of the story at its time), then what the newest reporting adds. A developing
 * story needs all three: the established picture, how it got here and the latest change. Between
 * them, a point for each story role the brief still lacks (`takeRoles`).
 */
export function selectKeyPoints(input: KeyPointInput, limits: KeyPointLimits): KeyPoint[] {
  const selection: Selection = {
    concepts: cappedCounts(input.conceptDf),
    coveredWords: new Uint8Array(input.vocabularySize),
    chosen: [],
    points: [],
    cited: new Uint8Array(input.articleCount),
    specific: specificityTable(input.articleCount),
    words: 0,
  };
  let newest = -1;
  for (let a = 0; a < input.articleCount; a++) if (input.articleRank[a]! > newest) newest = input.articleRank[a]!;
  const all: number[] = [];
  for (let i = 0; i < input.rep.length; i++) if (input.rep[i] === i) all.push(i);
  const corroborated = { maxPoints: Math.ceil(limits.maxPoints / 2), maxWords: Math.round(limits.maxWords * 0.55) };
  pick(input, selection, shortlist(input, selection, all, false), corroborated, false);
  // An article the corroborated picture left uncited may hold the one development only it reports.
  const uncited: number[] = [];
  for (let i = 0; i < input.rep.length; i++) {
    const a = input.articleOf[i]!;
    if (input.rep[i] === i && !selection.cited[a] && input.articleRank[a] !== newest) uncited.push(i);
  }
  const spread = { maxPoints: selection.points.length + uncitedPoints, maxWords: Math.round(limits.maxWords * 0.8) };
  pick(input, selection, shortlist(input, selection, uncited, true), spread, true, true);
  takeRoles(input, selection, limits);
  takeReversals(input, selection, limits);
  const fromNewest = new Set<number>();
  for (let i = 0; i < input.rep.length; i++) if (input.articleRank[input.articleOf[i]!] === newest) fromNewest.add(input.rep[i]!);
  // The newest article leads, but it is one article: at most two points in five of the brief, counting what the passes
  // before took from it once the set has a few articles to draw on.
  const newestPoints = input.articleCount < 3 ? 0 : selection.chosen.filter((x) => input.articleRank[input.articleOf[x.best]!] === newest).length;
  const latest = { maxPoints: Math.min(limits.maxPoints, selection.points.length + Math.max(0, Math.ceil(limits.maxPoints * newestShare) - newestPoints)), maxWords: limits.maxWords };
  pick(input, selection, shortlist(input, selection, [...fromNewest].sort((a, b) => a - b), true), latest, true);
  // A set that says little but its numbers still gets a few points: its restatements, best first.
  if (selection.points.length < fewestPoints) pick(input, selection, shortlist(input, selection, all, false), { ...limits, maxPoints: fewestPoints }, false, false, true);
  const keep = keepOrder(input, selection);
  return selection.points.map((p, k) => ({ ...p, keep: keep[k]! }));
}

/**
 * What chosen point k alone says: the weight of its concepts no other point still in the brief
 * has (`held` counts, per concept, the points that say it), for its words as `gainOf` weighs
 * them. Corroborated concepts weigh more, but only by the square root of their sources: once a
 * brief must be short, what one source alone reports (a name, a next step) is often the fact a
 * second telling of the corroborated picture would crowd out.
 */
function ownGain(input: KeyPointInput, selection: Selection, k: number, held: Int32Array): number {
  const best = selection.chosen[k]!.best;
  const tokens = input.tokens[best]!;
  const first = input.conceptStart[best]!;
  const most = selection.specific.length - 1;
  let sum = 0;
  for (let j = first, end = input.conceptStart[best + 1]!; j < end; j++) {
    const c = input.conceptFlat[j]!;
    if (held[c]! > 1) continue;
    const specific = selection.specific[Math.min(most, Math.max(input.termDf[tokens[j - first]!]!, input.termDf[tokens[j - first + 1]!]!))]!;
    sum += Math.sqrt(Math.min(input.conceptDf[c]!, 4)) * specific;
  }
  return sum / Math.pow(Math.max(8, wordsOf(selection.points[k]!.text)), wordCost);
}

/**
 * How much more a point taken for its story role counts when a shorter brief drops points: what it
 * says of its own is one article's words, which coverage weighs least, yet it is why it was taken.
 */
const roleKeep = 2;

/**
 * Per chosen point, how long a shorter brief keeps it (`KeyPoint.keep`): points are taken out one
 * at a time, each time the one that says least of its own for its words among those left (0 goes
 * first, the count of points minus one last). A renderer held to fewer words drops them in this order.
 */
function keepOrder(input: KeyPointInput, selection: Selection): number[] {
  const held = new Int32Array(input.conceptDf.length);
  const concepts = selection.chosen.map((x) => new Set(input.conceptFlat.subarray(input.conceptStart[x.best]!, input.conceptStart[x.best + 1]!)));
  for (const set of concepts) for (const c of set) held[c]!++;
  const keep = new Array<number>(concepts.length).fill(-1);
  for (let step = 0; step < concepts.length; step++) {
    let worst = -1;
    let least = Infinity;
    for (let k = 0; k < concepts.length; k++) {
      if (keep[k]! >= 0) continue;
      const gain = ownGain(input, selection, k, held) * (selection.chosen[k]!.role ? roleKeep : 1);
      if (gain < least) [worst, least] = [k, gain];
    }
    keep[worst] = step;
    for (const c of concepts[worst]!) held[c]!--;
  }
  return keep;
}

/**
 * The groups worth a full look: gains only fall during selection, so the few hundred with the
 * highest starting gain hold every point a briefing of 14 can take, however large the set. Kept
 * in a bounded heap rather than by sorting every group; groups that add nothing are never picked.
 */
function shortlist(input: KeyPointInput, selection: Selection, reps: readonly number[], fresh: boolean): Candidate[] {
  const recency = fresh ? weights.recency : 0;
  const heap: Candidate[] = [];
  for (let order = 0; order < reps.length; order++) {
    const rep = reps[order]!;
    const members = input.grouped[rep] ? input.members.get(rep) : undefined;
    // Most groups cannot enter a full shortlist whatever their sentences' features: those are never read.
    if (heap.length === shortlistSize && groupBound(input, selection, rep, members, fresh) < heap[0]!.gain) continue;
    // Most groups are one sentence: their gain is scored before any candidate is made for them.
    if (!members) {
      const weight = staticWeight(input, rep, 1, recency);
      const gain = gainOf(input, selection, rep, weight, input.features.trimmedWordsOf(rep), fresh);
      if (gain <= 0 || (heap.length === shortlistSize && !ranksAbove(gain, order, heap[0]!))) continue;
    }
    const c = candidateOf(input, rep, members, order, recency);
    c.gain = gainOf(input, selection, c.best, c.weight, c.words, fresh);
    if (c.gain <= 0) continue;
    if (heap.length < shortlistSize) heapPush(heap, c);
    else if (worse(heap[0]!, c)) heapReplaceTop(heap, c);
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : -1));
}

/** Whether a group of this gain and order ranks above candidate `c`. */
function ranksAbove(gain: number, order: number, c: Candidate): boolean {
  return gain > c.gain || (gain === c.gain && order < c.order);
}

const shortlistSize = 400;

/** True when `a` ranks below `b`: a lower gain, or an equal gain from a later group. */
function worse(a: Candidate, b: Candidate): boolean {
  return ranksAbove(b.gain, b.order, a);
}

/** A heap with the worst candidate on top. */
function heapPush(heap: Candidate[], c: Candidate): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function heapReplaceTop(heap: Candidate[], c: Candidate): void {
  heap[0] = c;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
    if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
    if (worst === i) return;
    [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
    i = worst;
  }
}

function candidateOf(input: KeyPointInput, rep: number, members: readonly number[] | undefined, order: number, recency: number): Candidate {
  let best = rep;
  let support = 1;
  if (members) {
    support = new Set(members.map((m) => input.articleOf[m])).size;
    let bestWeight = -1;
    for (const m of members) {
      const w = staticWeight(input, m, 1, recency);
      if (w > bestWeight) [best, bestWeight] = [m, w];
    }
  }
  return { rep, best, support, weight: staticWeight(input, best, support, recency), words: input.features.trimmedWordsOf(best), order, gain: Infinity };
}

/**
 * At least the gain of sentence i as a point of its own (support 1) in its pass, found without
 * its features: the weight without the factors below 1 they may add and with every factor above
 * 1 they may (in the latest-reporting pass, the lead's and a next step's), novelty 1, and the
 * fewest words `gainOf` divides by, with a margin for rounding.
 */
function gainBound(input: KeyPointInput, selection: Selection, i: number, fresh: boolean): number {
  let sum = 0;
  for (let k = input.conceptStart[i]!, end = input.conceptStart[i + 1]!; k < end; k++) {
    const c = input.conceptFlat[k]!;
    const held = selection.concepts[c]!;
    if (held < coveredBit) sum += conceptWeight(held, fresh);
  }
  let w = 1 + weights.early / (1 + input.paragraph[i]!);
  if (input.sentences[i]!.index <= maxDeckLines) w *= fresh ? weights.freshLead : weights.lead;
  if (input.hasFigure[i]) w *= weights.figure;
  if (fresh) {
    const rank = input.articleRank[input.articleOf[i]!] ?? 0;
    w *= weights.nextStep * (1 + (weights.recency * rank) / Math.max(1, input.articleCount - 1));
  }
  return ((w * sum) / Math.pow(8, wordCost)) * (1 + 1e-9);
}

/** At least the gain of the group of `rep` (its `members`, if more than one) in its pass. */
function groupBound(input: KeyPointInput, selection: Selection, rep: number, members: readonly number[] | undefined, fresh: boolean): number {
  if (!members) return gainBound(input, selection, rep, fresh);
  let most = 0;
  for (const m of members) most = Math.max(most, gainBound(input, selection, m, fresh));
  // Its support is at most its size; support weighs as in `staticWeight`.
  return (1 + weights.support * (members.length - 1)) * most * (1 + 1e-9);
}

/** The gain of a point: the uncovered concept weight it adds, for its weight and per word. */
function gainOf(input: KeyPointInput, selection: Selection, best: number, weight: number, pointWords: number, fresh: boolean): number {
  const { conceptFlat, uniqueFlat } = input;
  const { concepts, coveredWords, specific } = selection;
  let sum = 0;
  const first = input.conceptStart[best]!;
  // In the latest-reporting pass, a figure Key numbers shows is said there: the pairs that hold it add nothing.
  const inKeyNumbers = fresh && input.inKeyNumbers[best];
  const tokens = input.tokens[best]!;
  const { termDf } = input;
  const most = specific.length - 1;
  for (let k = first, end = input.conceptStart[best + 1]!; k < end; k++) {
    const held = concepts[conceptFlat[k]!]!;
    if (held >= coveredBit) continue;
    const a = tokens[k - first]!;
    const b = tokens[k - first + 1]!;
    if (inKeyNumbers && (input.numeric[a] || input.numeric[b])) continue;
    sum += conceptWeight(held, fresh) * specific[Math.min(most, Math.max(termDf[a]!, termDf[b]!))]!;
  }
  if (sum === 0) return 0;
  // Words already said by chosen points make a point repeat the briefing, even in other pairs.
  const from = input.uniqueStart[best]!;
  const to = input.uniqueStart[best + 1]!;
  let unsaid = 0;
  for (let k = from; k < to; k++) if (!coveredWords[uniqueFlat[k]!]) unsaid++;
  const novelty = 0.3 + (0.7 * unsaid) / Math.max(1, to - from);
  return (weight * sum * novelty) / Math.pow(Math.max(8, pointWords), wordCost);
}

function pick(input: KeyPointInput, selection: Selection, pool: readonly Candidate[], limits: KeyPointLimits, fresh: boolean, oncePerArticle = false, restatements = false): void {
  const queue = pool.map((c) => ({ c, gain: c.gain })).filter((q) => q.gain > 0);
  // Lazy greedy: a gain only falls as concepts get covered, so a stale top that stays on top after
  // re-scoring is the true best.
  while (selection.points.length < limits.maxPoints && queue.length) {
    const top = queue[0]!;
    const gain = gainOf(input, selection, top.c.best, top.c.weight, top.c.words, fresh);
    if (gain < (queue[1]?.gain ?? -Infinity)) {
      queue.shift();
      if (gain > 0) insertSorted(queue, { c: top.c, gain });
      continue;
    }
    queue.shift();
    if (gain <= 0) break;
    const { c } = top;
    if ((!restatements && input.restatesKeyNumbers[c.best]) || (oncePerArticle && selection.cited[input.articleOf[c.best]!])) continue;
    if (take(input, selection, c, gain, fresh, limits) === 'full') break;
  }
}

/**
 * Takes candidate `c` as the next point unless it cannot stand as one (cut off, a pronoun or a
 * quotation nobody is named for), repeats a chosen point, or does not fit: 'full' once the brief
 * is nearly at its length.
 */
function take(input: KeyPointInput, selection: Selection, c: Candidate, gain: number, fresh: boolean, limits: KeyPointLimits): 'taken' | 'skipped' | 'full' {
  // Text cut off mid-sentence (a stored page that ends early) says less than it seems to: never a point.
  const flags = input.features.flagsOf(c.best);
  if (flags & fragment) return 'skipped';
  // 'Vell said, "In many disasters we revise our numbers.' opens a quotation the next sentence goes on with: half a
  // quotation reads as cut off. (One that runs on from a quotation before, its speaker resolved, stands.)
  if (flags & oddQuotes && !quotedSpeaker(input.sentences, c.best)) return 'skipped';
  // "The minister announced the death toll on Monday in a telephone interview": what was announced is not in it.
  if (!input.hasFigure[c.best] && withheldFigure.test(input.sentences[c.best]!.text)) return 'skipped';
  const negated = input.negations.of(c.best);
  const unique = sortedUniqueOf(input, c.best);
  const redundant = selection.chosen.some((x) => {
    const other = sortedUniqueOf(input, x.best);
    // Sharing fewer than half the terms of the shorter of the two is not a repeat.
    if (x.negated !== negated || !sharesAtLeast(other, 0, other.length, unique, 0, unique.length, Math.ceil(Math.max(1, Math.min(unique.length, other.length)) / 2))) return false;
    // A figure the chosen point lacks ("now 40, up from 12") is a revision, not a repeat.
    return unique.every((w) => !input.numeric[w] || other.includes(w));
  });
  // Two points that give values of one measure (a toll, its revision, a toll elsewhere) tell its history twice: Key
  // numbers tells it, once, and one point gives it its context.
  const entry = input.inKeyNumbers[c.best]!;
  if (redundant || (entry > 0 && selection.chosen.some((x) => input.inKeyNumbers[x.best] === entry))) return 'skipped';
  const sentence = input.sentences[c.best]!;
  // A second denial of what a chosen point already denies ("At first, Norland branded it fake news") says it again.
  if (isDenial(sentence.text) && selection.chosen.some((x) => isDenial(input.sentences[x.best]!.text) && sameParties(input.sentences[x.best]!.text, sentence.text))) return 'skipped';
  const quoted = quotedSpeaker(input.sentences, c.best);
  // "He added that …": a pronoun the point cannot resolve reads as nobody; a quotation's speaker is resolved above.
  if (!quoted && flags & pronounLed) return 'skipped';
  // A quotation that names nobody would be said in the brief's own voice.
  if (!quoted && opensQuotation.test(sentence.text) && !findAttributions(sentence.text).length) return 'skipped';
  const text = trimPoint(sentence.text);
  const words = wordsOf(text);
  if (selection.words + words > limits.maxWords) return selection.words > limits.maxWords * 0.85 ? 'full' : 'skipped';
  selection.words += words;
  for (let k = input.conceptStart[c.best]!; k < input.conceptStart[c.best + 1]!; k++) selection.concepts[input.conceptFlat[k]!]! |= coveredBit;
  for (const w of unique) selection.coveredWords[w] = 1;
  selection.chosen.push({ best: c.best, negated });
  const own = citationsOf(input, c.rep, c.best);
  const citedIds = new Set(own.map((x) => x.articleId));
  for (const m of [c.best, ...(input.members.get(c.rep) ?? [])]) if (citedIds.has(input.sentences[m]!.articleId)) selection.cited[input.articleOf[m]!] = 1;
  const citations = quoted ? [own[0]!, { articleId: quoted.sentence.articleId, quote: quoted.sentence.text, sentenceId: quoted.sentence.id }, ...own.slice(1)] : own;
  selection.points.push({ text, keep: 0, ...(quoted ? { speaker: quoted.speaker } : {}), citations, sourceCount: own.length, score: Math.round(gain * 100) / 100, fresh });
  return 'taken';
}

/**
 * A response, a cause, a record, a pledge (story-roles.ts): an editor's brief says each the set
 * reports, and coverage alone rarely picks them (one article's sentence, in its own words). For
 * each role no chosen point plays, the sentence of that role the latest-reporting pass weighs most
 * joins the points, within the brief's limits.
 */
function takeRoles(input: KeyPointInput, selection: Selection, limits: KeyPointLimits): void {
  const roles = new Uint8Array(input.rep.length);
  let any = 0;
  for (let i = 0; i < input.rep.length; i++) if (input.rep[i] === i) any |= roles[i] = input.features.rolesOf(i);
  if (!any) return;
  for (const role of storyRoles) {
    if (!(any & role) || selection.points.length >= limits.maxPoints) continue;
    if (selection.chosen.some((x) => input.features.rolesOf(x.best) & role)) continue;
    const reps: number[] = [];
    for (let i = 0; i < roles.length; i++) if (roles[i]! & role) reps.push(i);
    const before = selection.chosen.length;
    pick(input, selection, shortlist(input, selection, reps, true), { maxPoints: selection.points.length + 1, maxWords: limits.maxWords }, true);
    for (let k = before; k < selection.chosen.length; k++) selection.chosen[k]!.role = true;
  }
}

/**
 * A denial among the points is half a story if later reporting confirmed what was denied: for each
 * chosen denial, the confirmation about the same parties from a later article that weighs most
 * (as the latest reporting is weighed) joins the points, to be read with it as one change
 * (foldReversals). Its words mostly repeat the denial's, so coverage alone would never pick it.
 */
function takeReversals(input: KeyPointInput, selection: Selection, limits: KeyPointLimits): void {
  const denials = selection.chosen.map((x) => x.best).filter((i) => isDenial(input.sentences[i]!.text));
  if (!denials.length) return;
  // Read once for all denials: the groups whose sentence confirms.
  const confirmations: number[] = [];
  for (let i = 0; i < input.rep.length; i++) if (input.rep[i] === i && isConfirmation(input.sentences[i]!.text)) confirmations.push(i);
  for (const d of denials) {
    if (selection.points.length >= limits.maxPoints) return;
    const deniedAt = input.articleRank[input.articleOf[d]!]!;
    const denialText = input.sentences[d]!.text;
    let best: Candidate | undefined;
    for (const i of confirmations) {
      if (input.articleRank[input.articleOf[i]!]! <= deniedAt || !sameParties(denialText, input.sentences[i]!.text)) continue;
      const c = candidateOf(input, i, input.grouped[i] ? input.members.get(i) : undefined, i, weights.recency);
      if (!best || c.weight > best.weight) best = c;
    }
    if (best) take(input, selection, best, best.weight, true, limits);
  }
}

const opensQuotation = /^["“]/;
const withheldFigure = /\b(?:announced|gave|released|revealed|updated|published|shared)\s+(?:the|a|an|its|their|his|her)\s+(?:new\s+|latest\s+|updated\s+|revised\s+|official\s+)?(?:death toll|toll|figures?|numbers?|count|tally|estimate)\b(?!\s+(?:of|at|to|as)\b)/i;

/** The distinct terms of sentence i, ascending (a copy). */
function sortedUniqueOf(input: KeyPointInput, i: number): Int32Array {
  return input.uniqueFlat.slice(input.uniqueStart[i]!, input.uniqueStart[i + 1]!).sort();
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

/**
 * Who speaks a quotation that runs on from the sentences before: '"We cannot say yet."' after
 * '"…," Vell told reporters.' is Vell's, in the same paragraph (up to three sentences back). A first-person sentence or one
 * that opens a quotation, with no speaker of its own, takes the named speaker of the quotation
 * before it; the point carries it (shown "Vell: “We cannot say yet.”") and cites both sentences.
 */
function quotedSpeaker(sentences: readonly Sentence[], i: number): { speaker: string; sentence: Sentence } | undefined {
  const s = sentences[i]!;
  const quoteMarks = s.text.match(/["“”]/g)?.length ?? 0;
  if (!(/^["“]|^(?:We|I|Our|My|Us)\b/.test(s.text) || quoteMarks % 2 === 1) || findAttributions(s.text).length) return undefined;
  // The quotation may run over several sentences: look back through it, within the paragraph.
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const prev = sentences[k]!;
    if (prev.articleId !== s.articleId || prev.paragraph !== s.paragraph || !/["“”]/.test(prev.text)) return undefined;
      const speaker = findAttributions(prev.text).find((a) => /\b[A-Z]/.test(a.speaker))?.speaker;
    // "fire chief Mara Quist" is shown as "Mara Quist": the name, not a title cut short.
    if (speaker) return { speaker: speaker.replace(/^(?:[a-z][\w-]*\s+)+/, ''), sentence: prev };
  }
  return undefined;
}

/**
 * The articles that carry the point: the best sentence's, and each group member that says the
 * same thing, checked against the point itself (complete link to it, not a chain through others):
 * the same figures, and at least half the terms of the shorter of the two. A member with other
 * figures ("rose to 30" beside "rose to 41", "Six died" beside "Four died") is never cited for the point shown.
 */
function citationsOf(input: KeyPointInput, rep: number, best: number): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  const point = sortedUniqueOf(input, best);
  const figures = point.filter((w) => input.numeric[w]);
  const counts = countWordsOf(input.sentences[best]!.text);
  for (const i of [best, ...(input.members.get(rep) ?? [rep])]) {
    const s = input.sentences[i]!;
    if (seen.has(s.articleId)) continue;
    if (i !== best && (!saysTheSame(input, point, figures, sortedUniqueOf(input, i)) || countWordsOf(s.text) !== counts)) continue;
    seen.add(s.articleId);
    out.push({ articleId: s.articleId, quote: s.text, sentenceId: s.id });
  }
  return out;
}

/** Counts written in words ("Four people died"): the term index keeps no figure of them, and "two" or "three" not even a term. */
const countWords = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?)\b/gi;

function countWordsOf(text: string): string {
  return [...new Set(text.toLowerCase().match(countWords) ?? [])].sort().join(' ');
}

function saysTheSame(input: KeyPointInput, point: Int32Array, figures: Int32Array, member: Int32Array): boolean {
  const memberFigures = member.filter((w) => input.numeric[w]);
  if (memberFigures.length !== figures.length || figures.some((w) => !memberFigures.includes(w))) return false;
  return sharesAtLeast(point, 0, point.length, member, 0, member.length, Math.ceil(Math.min(point.length, member.length) / 2));
}
