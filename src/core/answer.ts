/**
 * Questions answered from a briefing: number questions from the figure timelines (latest value by
 * default, earlier values, projections or claims when asked), everything else from the best
 * supporting sentence. When nothing in the set answers, it says so: it never guesses.
 */
import { findAttributions, previousSpeaker, resolvePronoun } from './speakers.js';
import { sentencesWith } from './term-index.js';
import { stem, tokenize } from './text.js';
import type { Answer, Briefing, Citation, FigureKind, FigureTimeline, FoundAnswer, NotFoundAnswer, TimelineEntry } from './types.js';

const numberIntent = /\b(how many|how much|number|figure|estimate[sd]?|count|total|toll|tally|projections?|projects?|projected|forecasts?|percent|percentage|size)\b|\d/i;
const projectionCue = /\b(project|projects|projected|projection|forecast|could|eventually|expected|expect|might|may|potential|will)\b/i;
const claimCue = /\b(warn|warned|warning|claim|claimed|alleged|allege|threat|threatened)\b/i;
const earlierCue = /\b(earlier|previous|previously|initial|initially|first|original|originally|prior|old|before)\b/i;
const recentCue = /\b(latest|current|currently|now|newest|recent|most recent|today|new)\b/i;
const whoCue = /^\s*(who|which\b[\w\s.]*\b(official|person|agency|government|minister|spokes\w*|source))\b/i;

/** Words that shape a question but say nothing about its subject. */
const questionWords = new Set(
  (
    'what which who whom how many much when where why latest current newest recent earlier previous number estimate figure ' +
    'answer only give gave did does do is are was were the kind sort total count tally first initial original project projection ' +
    'warn warned claim claimed according position say said tell told'
  )
    .split(' ')
    .map(stem),
);

const synonymGroups = [['troop', 'soldier', 'forc', 'personnel'], ['people', 'person', 'individual'], ['death', 'dead', 'kill', 'fatality']];
function expand(term: string): string[] {
  return synonymGroups.find((g) => g.includes(term)) ?? [term];
}

export function answerQuestion(question: string, briefing: Briefing): Answer {
  const terms = tokenize(question).filter((t) => !questionWords.has(t));
  const numbers = [...question.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)].map((m) => m[0]);
  const values = numbers.map((n) => Number(n.replace(/,/g, '')));
  if (whoCue.test(question) && values.length) {
    const byValue = answerWho(question, values, briefing);
    if (byValue) return byValue;
  }
  if (numberIntent.test(question) && values.length === 0) {
    const timeline = matchTimeline(terms, briefing.timelines);
    if (timeline) return answerNumber(question, terms, timeline);
  }
  return answerFromSentences(question, terms, numbers, briefing) ?? notFound(briefing);
}

/** Per set of timelines, which timelines each label term (and its synonyms) points to; built on the first question. */
const labelIndexes = new WeakMap<readonly FigureTimeline[], Map<string, number[]>>();

function labelIndex(timelines: readonly FigureTimeline[]): Map<string, number[]> {
  let index = labelIndexes.get(timelines);
  if (index) return index;
  index = new Map();
  timelines.forEach((t, i) => {
    for (const term of new Set([...tokenize(t.label), t.quantity.replace(/^[$£€%]/, '')].flatMap(expand))) {
      const list = index!.get(term);
      if (list) list.push(i);
      else index!.set(term, [i]);
    }
  });
  labelIndexes.set(timelines, index);
  return index;
}

/** The timeline whose label shares most question terms (a term naming its quantity counts twice); the first of equals. */
function matchTimeline(terms: readonly string[], timelines: readonly FigureTimeline[]): FigureTimeline | undefined {
  const index = labelIndex(timelines);
  const scores = new Map<number, number>();
  for (const q of terms) {
    const hit = new Set<number>();
    for (const x of expand(q)) for (const i of index.get(x) ?? []) hit.add(i);
    for (const i of hit) scores.set(i, (scores.get(i) ?? 0) + (q === timelines[i]!.quantity ? 2 : 1));
  }
  let best = -1;
  let bestScore = 0;
  for (const [i, score] of scores) {
    if (score > bestScore || (score === bestScore && i < best)) {
      bestScore = score;
      best = i;
    }
  }
  return best < 0 ? undefined : timelines[best];
}

function wantedKind(question: string, timeline: FigureTimeline): FigureKind {
  if (claimCue.test(question) && timeline.latest.claim) return 'claim';
  if (projectionCue.test(question) && timeline.latest.projection) return 'projection';
  if (timeline.latest.estimate) return 'estimate';
  return timeline.latest.projection ? 'projection' : 'claim';
}

function answerNumber(question: string, terms: readonly string[], timeline: FigureTimeline): FoundAnswer {
  const kind = wantedKind(question, timeline);
  const ofKind = timeline.entries.filter((e) => e.kind === kind);
  const latest = timeline.latest[kind]!;
  const older = ofKind.filter((e) => e !== latest && (e.rank < latest.rank || e.superseded)).reverse();
  let entry = earlierCue.test(question) && !recentCue.test(question) && older.length ? older[0]! : latest;
  const named = ofKind.filter((e) => terms.some((t) => t.length >= 3 && tokenize(`${e.speaker} ${e.via}`).includes(t)));
  if (named.length && !named.includes(entry)) entry = named.at(-1)!;
  return {
    found: true,
    answer: describeEntry(entry),
    citations: entry.figures.map((f) => f.citation),
    figure: { timeline, entry },
    earlier: timeline.entries.filter((e) => e.kind === kind && e !== entry && e.rank <= entry.rank).reverse(),
    related: timeline.entries.filter((e) => e.kind !== kind && e !== entry),
  };
}

/** "An estimated 400 rescue workers, according to the fire service." */
function describeEntry(entry: TimelineEntry): string {
  const figure = entry.figures.find((f) => !f.earlier) ?? entry.figures[0]!;
  const value = [entry.qualifier, entry.display, figure.counts].filter(Boolean).join(' ');
  const who = entry.speaker ? `according to ${entry.speaker}${entry.via ? ` (via ${entry.via})` : ''}` : `as reported`;
  const kindWord = entry.kind === 'projection' ? ' (a projection)' : entry.kind === 'claim' ? ' (a claim)' : '';
  const when = entry.when ? `, ${entry.when}` : '';
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}${kindWord}, ${who}${when}.`;
}

/** "Who gave the 400 estimate?" — the speaker behind a value. */
function answerWho(question: string, values: readonly number[], briefing: Briefing): FoundAnswer | undefined {
  const wanted = /\bestimate/i.test(question) ? 'estimate' : claimCue.test(question) ? 'claim' : projectionCue.test(question) ? 'projection' : undefined;
  for (const timeline of briefing.timelines) {
    const matches = timeline.entries.filter((e) => values.includes(e.value) && e.speaker && (!wanted || e.kind === wanted));
    const entry = matches.find((e) => !e.superseded) ?? matches[0];
    if (!entry) continue;
    const figure = entry.figures.find((f) => f.speaker === entry.speaker) ?? entry.figures[0]!;
    return {
      found: true,
      answer: `${entry.speaker}${entry.via ? ` (via ${entry.via})` : ''}: ${[entry.qualifier, entry.display, figure.counts].filter(Boolean).join(' ')}.`,
      citations: entry.figures.map((f) => f.citation),
      figure: { timeline, entry },
      earlier: [],
      related: timeline.entries.filter((e) => e !== entry && e.kind !== entry.kind),
    };
  }
  return undefined;
}

/** BM25 over the set's sentences, with corroboration, named speakers, quoted phrases and recency. */
/**
 * The sentence that best answers the question (BM25 over its terms, with corroboration, speakers
 * and recency), or none when too little of the question is covered. A sentence must hold at least
 * one question term itself, not only a synonym of one; and when the question names a number
 * ("who counted 40 bridges?"), the sentence must hold that number.
 */
function answerFromSentences(question: string, terms: readonly string[], numbers: readonly string[], briefing: Briefing): FoundAnswer | undefined {
  const { index } = briefing;
  const n = index.sentences.length;
  if (n === 0 || terms.length === 0) return undefined;
  const query = [...new Set(terms)];
  const idOf = (t: string): number => index.vocabulary.get(t) ?? -1;
  const df = (id: number): number => (id < 0 ? 0 : index.postingStart[id + 1]! - index.postingStart[id]!);
  const idf = new Map(query.map((t) => [t, Math.log(1 + (n - df(idOf(t)) + 0.5) / (df(idOf(t)) + 0.5))]));
  // Per sentence position, its BM25 score and the idf its terms cover; `touched` keeps first-match order.
  const scores = new Float64Array(n);
  const matched = new Float64Array(n);
  const seen = new Uint8Array(n);
  const exact = new Uint8Array(n);
  const touched: number[] = [];
  for (const t of query) {
    const termIdf = idf.get(t)!;
    for (const alt of expand(t)) {
      const id = idOf(alt);
      if (id < 0) continue;
      const cover = termIdf / (alt === t ? 1 : 1.5);
      for (const i of sentencesWith(index, id)) {
        const tokens = index.tokens[i]!;
        let tf = 0;
        for (let k = 0; k < tokens.length; k++) if (tokens[k] === id) tf++;
        const bm25 = (termIdf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * tokens.length) / index.avgLength));
        if (!seen[i]) {
          seen[i] = 1;
          touched.push(i);
        }
        scores[i] = scores[i]! + bm25;
        if (alt === t) exact[i] = 1;
        matched[i] = matched[i]! + cover;
      }
    }
  }
  const totalIdf = query.reduce((s, t) => s + idf.get(t)!, 0);
  const quoted = [...question.matchAll(/"([^"]{3,})"/g)].map((m) => m[1]!.toLowerCase());
  const recent = recentCue.test(question);
  // Names in the question ("according to Ruiz"): a sentence whose speaker they name ranks higher.
  const named = [...question.matchAll(/\b[A-Z][a-z]{2,}\b/g)].map((m) => m[0].toLowerCase()).filter((w) => !questionWords.has(stem(w)));
  let maxRank = 1;
  for (const r of index.articleRank.values()) if (r > maxRank) maxRank = r;
  let best = -1;
  let bestScore = 0;
  const forms = numbers.flatMap((n) => [n, n.replace(/,/g, ''), Number(n.replace(/,/g, '')).toLocaleString('en')]);
  for (const i of touched) {
    const s = index.sentences[i]!;
    if (!exact[i] || (forms.length && !forms.some((f) => s.text.includes(f)))) continue;
    let score = scores[i]! * (1 + 0.15 * ((index.support[i] ?? 1) - 1));
    if (quoted.length && quoted.some((q) => s.text.toLowerCase().includes(q))) score *= 2;
    if (named.length && named.some((t) => s.text.toLowerCase().includes(t))) score *= speakerOf(index, i, named) ? 1.3 : 1;
    if (recent) score *= 1 + (0.6 * (index.articleRank.get(s.articleId) ?? 0)) / maxRank;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0 || matched[best]! / totalIdf < 0.45) return undefined;
  const sentence = index.sentences[best]!;
  const citation: Citation = { articleId: sentence.articleId, quote: sentence.text, sentenceId: sentence.id };
  return { found: true, answer: sentence.text, citations: [citation], earlier: [], related: [] };
}

function speakerOf(index: Briefing['index'], i: number, names: readonly string[]): boolean {
  const attributions = findAttributions(index.sentences[i]!.text);
  const speaker = attributions[0] ? resolvePronoun(attributions[0].speaker, previousSpeaker(index.sentences, i)) : '';
  return names.some((n) => speaker.toLowerCase().includes(n));
}

function notFound(briefing: Briefing): NotFoundAnswer {
  return {
    found: false,
    answer: 'The articles in this set do not answer that.',
    citations: [],
    suggestions: briefing.timelines.slice(0, 5).map((t) => t.label),
  };
}
