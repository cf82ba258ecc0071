/**
 * Briefings kept up to date as articles arrive, change or go, without redoing everything: each
 * article is analyzed once (sentences, term ids, figures, speakers, features), and an update
 * re-examines only what the changed articles can affect: the near-duplicate pairs of sentences
 * that share a rare term with them, the timelines of the quantities they report. The rest (term
 * postings, article order, key points) is recomputed from the kept per-article work, in flat arrays.
 *
 * Contract: the briefing a state reaches by any sequence of updates is the briefing `buildBriefing`
 * gives for the same final articles in the same order. States and briefings are values: an update
 * returns a new state and never changes an earlier state or a briefing handed out before.
 */
import { analyzeArticles, type ArticleWork } from './article-work.js';
import { groupRepresentatives, maxPostings, nearDuplicateScratch, nearDuplicatesFrom, type NearDuplicateIndex } from './claims.js';
import { selectKeyPoints, type KeyPointInput, type KeyPointLimits } from './key-points.js';
import { foldReversals } from './reversals.js';
import { createLexicon, shareVocabulary, type Lexicon } from './lexicon.js';
import { Negations } from './negations.js';
import { SentenceFeatures, type FeatureMemo } from './sentence-features.js';
import { buildPostings, concatIds, sentenceFrequency, sentencesWith, type Postings } from './term-index.js';
import { termSignatures } from './term-signatures.js';
import { keyNumbersOf, updateTimelines, type QuantityFigures } from './timeline-set.js';
import { keyNumberRestatements } from './restatements.js';
import { rankArticles } from './timeline.js';
import { sourceInfo } from './sources.js';
import type { Article, Briefing, FigureTimeline, Sentence } from './types.js';

export interface BriefingOptions {
  /** Length of the key points: a message a person reads in about a minute. */
  readonly keyPoints?: KeyPointLimits;
}

const defaultLimits: KeyPointLimits = { maxPoints: 14, maxWords: 340 };

/** A briefing with what its next update starts from. */
export interface BriefingState {
  readonly briefing: Briefing;
  readonly articles: readonly Article[];
  /** Internal to the core: per-article work and global counts. */
  readonly work: BuildWork;
}

/** What a state keeps between updates. Treat as opaque outside the core. */
export interface BuildWork {
  readonly lexicon: Lexicon;
  readonly limits: KeyPointLimits;
  readonly articles: readonly ArticleWork[];
  /** The vocabulary handed out with the briefing. */
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly postings: Postings;
  /** Per concept id, how many articles mention it. */
  readonly conceptDf: Int32Array;
  /** By sentence serial: the serials of the near-duplicates found from that sentence. */
  readonly pairs: readonly (readonly number[] | undefined)[];
  readonly quantities: ReadonlyMap<string, QuantityFigures>;
  readonly articleRank: ReadonlyMap<string, number>;
  /** Sentence features found so far, kept for later states: a sentence's features never change. */
  readonly featureMemo: FeatureMemo;
}

/** What changed in a set. */
export interface ArticleChanges {
  /** New articles, placed after the others in this order. */
  readonly added?: readonly Article[];
  /** Articles whose content changed, matched by id; each keeps its place. */
  readonly changed?: readonly Article[];
  /** Ids of articles no longer in the set. */
  readonly removed?: readonly string[];
}

/** The state of a set built from nothing; its `briefing` is `buildBriefing(articles, options)`. */
export function createBriefingState(articles: readonly Article[], options: BriefingOptions = {}): BriefingState {
  const lexicon = createLexicon();
  return assemble(articles, analyzeArticles(articles, lexicon), lexicon, options.keyPoints ?? defaultLimits, undefined, new WeakMap());
}

/** The state after `changes`. */
export function updateBriefing(state: BriefingState, changes: ArticleChanges): BriefingState {
  const removed = new Set(changes.removed ?? []);
  const changed = new Map((changes.changed ?? []).map((a) => [a.id, a]));
  const next = state.articles.filter((a) => !removed.has(a.id)).map((a) => changed.get(a.id) ?? a);
  return reviseBriefing(state, [...next, ...(changes.added ?? [])]);
}

/**
 * The state of the set `articles`, reusing the work of every article already in `state` unchanged.
 * Articles are matched by id; new ones may sit anywhere. Only a reordering of the articles kept
 * from `state` (or repeated ids) makes it start the global work afresh.
 */
export function reviseBriefing(state: BriefingState, articles: readonly Article[]): BriefingState {
  const { lexicon, limits } = state.work;
  const previous = new Map(state.work.articles.map((w, i) => [w.article.id, { w, i }]));
  let lastKept = -1;
  let ordered = new Set(articles.map((a) => a.id)).size === articles.length;
  const kept = articles.map((a) => {
    const old = previous.get(a.id);
    if (!old || !sameArticle(old.w.article, a)) return undefined;
    if (old.i < lastKept) ordered = false;
    lastKept = old.i;
    return old.w;
  });
  const fresh = analyzeArticles(articles.filter((_, i) => !kept[i]), lexicon);
  let next = 0;
  const works = kept.map((w) => w ?? fresh[next++]!);
  return assemble(articles, works, lexicon, limits, ordered ? state.work : undefined, state.work.featureMemo);
}

function sameArticle(a: Article, b: Article): boolean {
  return (
    a === b ||
    (a.id === b.id && a.text === b.text && a.origin === b.origin && a.title === b.title && a.source === b.source && a.url === b.url && a.published === b.published)
  );
}

/** Per-sentence arrays of the whole set, by position (article order, then sentence order). */
interface SentenceTable {
  readonly serialAt: Int32Array;
  readonly articleOf: Int32Array;
  readonly sentences: Sentence[];
  readonly tokens: Int32Array[];
  readonly uniqueFlat: Int32Array;
  readonly uniqueStart: Int32Array;
  readonly conceptFlat: Int32Array;
  readonly conceptStart: Int32Array;
  readonly lengths: Int32Array;
  readonly paragraph: Int32Array;
  readonly hasFigure: Uint8Array;
}

function tableOf(works: readonly ArticleWork[]): SentenceTable {
  const count = works.reduce((n, w) => n + w.sentences.length, 0);
  const table: SentenceTable = {
    serialAt: new Int32Array(count),
    articleOf: new Int32Array(count),
    sentences: flatten(works, (w) => w.sentences),
    tokens: flatten(works, (w) => w.tokens),
    uniqueFlat: concatIds(works.map((w) => w.uniqueFlat)),
    uniqueStart: new Int32Array(count + 1),
    conceptFlat: concatIds(works.map((w) => w.conceptFlat)),
    conceptStart: new Int32Array(count + 1),
    lengths: new Int32Array(count),
    paragraph: new Int32Array(count),
    hasFigure: new Uint8Array(count),
  };
  let at = 0;
  let conceptBase = 0;
  works.forEach((w, a) => {
    const n = w.sentences.length;
    for (let k = 0; k < n; k++) {
      table.serialAt[at + k] = w.serial + k;
      table.uniqueStart[at + k + 1] = table.uniqueStart[at + k]! + w.uniqueLengths[k]!;
      table.conceptStart[at + k + 1] = conceptBase + w.conceptStart[k + 1]!;
    }
    conceptBase += w.conceptFlat.length;
    table.articleOf.fill(a, at, at + n);
    table.lengths.set(w.uniqueLengths, at);
    table.paragraph.set(w.paragraph, at);
    table.hasFigure.set(w.hasFigure, at);
    at += n;
  });
  return table;
}


/** The lists of every article, end to end (`flatMap` is several times slower on large sets). */
function flatten<T>(works: readonly ArticleWork[], list: (w: ArticleWork) => readonly T[]): T[] {
  const out: T[] = [];
  for (const w of works) for (const x of list(w)) out.push(x);
  return out;
}

/** Per term id, its order of first appearance in the set (-1 for a term the set lacks). */
function termRanks(works: readonly ArticleWork[], vocabularySize: number): Int32Array {
  const rank = new Int32Array(vocabularySize).fill(-1);
  let next = 0;
  for (const w of works) for (const t of w.terms) if (rank[t]! < 0) rank[t] = next++;
  return rank;
}

/** Builds the state of `works`; with `previous`, counts and pairs are updated from it rather than recomputed. */
function assemble(
  articles: readonly Article[],
  works: readonly ArticleWork[],
  lexicon: Lexicon,
  limits: KeyPointLimits,
  previous: BuildWork | undefined,
  featureMemo: FeatureMemo,
): BriefingState {
  const kept = new Set(works);
  const removedWorks = previous ? previous.articles.filter((w) => !kept.has(w)) : [];
  const before = new Set(previous?.articles);
  const addedWorks = previous ? works.filter((w) => !before.has(w)) : works;
  const table = tableOf(works);
  const count = table.sentences.length;
  const vocabularySize = lexicon.vocabulary.size;
  const postings = buildPostings([table.uniqueFlat], table.lengths, vocabularySize);
  const conceptDf = conceptFrequencies(lexicon, previous, removedWorks, addedWorks);
  const termRank = termRanks(works, vocabularySize);
  const negations = new Negations(table.sentences);
  const index: NearDuplicateIndex = {
    ...postings,
    uniqueFlat: table.uniqueFlat,
    uniqueStart: table.uniqueStart,
    termRank,
    negations,
    articleOf: table.articleOf,
    signatures: termSignatures(table.uniqueFlat, table.uniqueStart),
  };
  const pairs = nearDuplicatePairs(index, table, works, lexicon, previous, removedWorks, addedWorks);
  const positionOf = new Int32Array(lexicon.nextSerial).fill(-1);
  for (let i = 0; i < count; i++) positionOf[table.serialAt[i]!] = i;
  const rep = groupRepresentatives(count, (i) => pairs[table.serialAt[i]!]?.map((s) => positionOf[s]!));
  const members = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = rep[i]!;
    if (r === i) continue;
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [r, i]);
  }
  const support = new Int32Array(count).fill(1);
  const grouped = new Uint8Array(count);
  for (const [r, list] of members) {
    support[r] = new Set(list.map((m) => table.articleOf[m])).size;
    grouped[r] = 1;
  }
  const articleRank = rankArticles(works);
  const quantities = updateTimelines({ works, articleRank, previous, removedWorks, addedWorks });
  // Per term, how many articles use it: read by the restatement test and by key points' specificity.
  const termDf = new Int32Array(vocabularySize);
  for (const w of works) for (const t of w.terms) termDf[t]!++;
  const input: KeyPointInput = {
    ...table,
    termDf,
    inKeyNumbers: sentencesInKeyNumbers(table.sentences, quantities.timelines),
    restatesKeyNumbers: keyNumberRestatements(
      { ...table, numeric: lexicon.numeric, vocabulary: lexicon.vocabulary, termDf, articleCount: works.length },
      keyNumbersOf(quantities.timelines),
    ),
    negations,
    features: new SentenceFeatures(table.sentences, table.tokens, lexicon.cues, featureMemo),
    conceptDf,
    numeric: lexicon.numeric,
    vocabularySize,
    articleRank: Int32Array.from(works, (w) => articleRank.get(w.article.id) ?? 0),
    articleCount: works.length,
    rep,
    members,
    grouped,
  };
  // The lexicon grows with later updates: a briefing gets the vocabulary as it is, and a new term goes into a copy.
  const vocabulary = shareVocabulary(lexicon);
  const tokenTotal = works.reduce((n, w) => n + w.tokenCount, 0);
  const briefing: Briefing = {
    sources: works.map((w, i) => sourceInfo(w.article, i, w.label, w.sentences.length)),
    keyPoints: foldReversals(selectKeyPoints(input, limits), (id) => articleRank.get(id) ?? 0),
    figures: flatten(works, (w) => w.figures),
    timelines: quantities.timelines,
    sentenceCount: count,
    index: {
      sentences: table.sentences,
      articleRank,
      vocabulary,
      tokens: table.tokens,
      postingStart: postings.postingStart,
      postings: postings.postings,
      support: supportOf(rep, support),
      avgLength: tokenTotal / Math.max(1, count),
    },
  };
  const work: BuildWork = { lexicon, limits, articles: works, vocabulary, postings, conceptDf, pairs, quantities: quantities.byQuantity, articleRank, featureMemo };
  return { briefing, articles, work };
}

/**
 * Per sentence, 0 unless Key numbers shows a figure of it; then an id of what that figure
 * measures (the same id for "deaths: 2,000", "deaths in the city: 40" and "deaths: 2,600").
 */
function sentencesInKeyNumbers(sentences: readonly Sentence[], timelines: readonly FigureTimeline[]): Int32Array {
  const ids = new Map<string, number>();
  const cited = new Map<string, number>();
  for (const t of keyNumbersOf(timelines)) {
    for (const e of t.entries) {
      const key = t.measure ?? t.label;
      const id = ids.get(key) ?? ids.size + 1;
      ids.set(key, id);
      for (const f of e.figures) if (!cited.has(f.citation.sentenceId)) cited.set(f.citation.sentenceId, id);
    }
  }
  const out = new Int32Array(sentences.length);
  if (cited.size) sentences.forEach((s, i) => { out[i] = cited.get(s.id) ?? 0; });
  return out;
}

function supportOf(rep: Int32Array, support: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < rep.length; i++) out.push(support[rep[i]!]!);
  return out;
}


function conceptFrequencies(lexicon: Lexicon, previous: BuildWork | undefined, removed: readonly ArticleWork[], added: readonly ArticleWork[]): Int32Array {
  const df = new Int32Array(lexicon.conceptCount);
  if (previous) df.set(previous.conceptDf);
  for (const w of removed) for (const c of w.conceptSet) df[c]!--;
  for (const w of added) for (const c of w.conceptSet) df[c]!++;
  return df;
}

/**
 * Near-duplicate pairs by sentence serial. From a previous state, only sentences that hold a term
 * of a removed or added article that is (or was) rare enough to find pairs through are searched
 * again: for every other sentence, its rarest terms, their postings and so its pairs are unchanged.
 */
function nearDuplicatePairs(
  index: NearDuplicateIndex,
  table: SentenceTable,
  works: readonly ArticleWork[],
  lexicon: Lexicon,
  previous: BuildWork | undefined,
  removed: readonly ArticleWork[],
  added: readonly ArticleWork[],
): (readonly number[] | undefined)[] {
  const count = table.sentences.length;
  const pairs: (readonly number[] | undefined)[] = previous ? previous.pairs.slice() : [];
  // Grown by pushing: setting a large length would leave a slow, sparse array.
  while (pairs.length < lexicon.nextSerial) pairs.push(undefined);
  for (const w of removed) pairs.fill(undefined, w.serial, w.serial + w.sentences.length);
  const search = new Uint8Array(count);
  if (!previous) search.fill(1);
  else {
    const oldTerms = previous.postings.postingStart.length - 1;
    const changedTerms = new Set<number>();
    for (const w of [...removed, ...added]) for (const t of w.terms) changedTerms.add(t);
    for (const t of changedTerms) {
      const wasRare = t >= oldTerms || sentenceFrequency(previous.postings, t) <= maxPostings;
      if (wasRare || sentenceFrequency(index, t) <= maxPostings) for (const i of sentencesWith(index, t)) search[i] = 1;
    }
    const fresh = new Set(added);
    let at = 0;
    for (const w of works) {
      if (fresh.has(w)) search.fill(1, at, at + w.sentences.length);
      at += w.sentences.length;
    }
  }
  const scratch = nearDuplicateScratch(count, lexicon.vocabulary.size);
  for (let i = 0; i < count; i++) {
    if (!search[i]) continue;
    const found = nearDuplicatesFrom(index, i, scratch);
    pairs[table.serialAt[i]!] = found.length ? found.map((j) => table.serialAt[j]!) : undefined;
  }
  return pairs;
}
