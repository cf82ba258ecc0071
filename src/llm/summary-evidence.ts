/**
 * What a model may write from, and what its sentences are checked against: the extractive
 * briefing's own points and key numbers, each with the sources (`[n]`) that carry it, and under
 * each source number the very sentences of that article the briefing rests on (its points'
 * quotations and its figures' sentences, with who gave each figure). Pure.
 */
import { pointParts } from '../core/reversals.js';
import type { Briefing, FoundAnswer, TimelineEntry } from '../core/types.js';
import { briefTimeline, pointText } from '../render/figure-format.js';
import { topPoints } from '../render/top-points.js';
import { shownSentence } from './summary-sentences.js';

export interface EvidenceSentence {
  readonly text: string;
  /** Who gave the sentence's figures, as the briefing resolved them (pronouns followed back). */
  readonly speakers: readonly string[];
}

export interface EvidenceSource {
  /** The `[n]` of the briefing's source list. */
  readonly number: number;
  readonly label: string;
  readonly sentences: readonly EvidenceSentence[];
}

export interface Evidence {
  /** Lines shown to the model, each ending with its sources: `… [1][3]`. */
  readonly points: readonly string[];
  readonly numbers: readonly string[];
  readonly sources: readonly EvidenceSource[];
}

/** How many points and quantities a summary is written from (as many as the brief shows). */
const pointsShown = 10;
const numbersShown = 6;

/** The `[n]` of each article, in source-list order. */
function sourceNumbers(briefing: Briefing, articleIds: readonly string[]): number[] {
  return briefing.sources.filter((s) => articleIds.includes(s.articleId)).map((s) => s.number);
}

type SentenceSink = Map<string, { text: string; speakers: Set<string> }>;

function add(sink: Map<string, SentenceSink>, articleId: string, text: string, speaker = ''): void {
  let sentences = sink.get(articleId);
  if (!sentences) sink.set(articleId, (sentences = new Map()));
  let entry = sentences.get(text);
  if (!entry) sentences.set(text, (entry = { text, speakers: new Set() }));
  if (speaker) entry.speakers.add(speaker);
}

function sourcesOf(briefing: Briefing, sink: Map<string, SentenceSink>): EvidenceSource[] {
  return briefing.sources.flatMap((s) => {
    const sentences = sink.get(s.articleId);
    if (!sentences) return [];
    return [{ number: s.number, label: s.label, sentences: [...sentences.values()].map((e) => ({ text: e.text, speakers: [...e.speakers] })) }];
  });
}

/** The evidence of a brief or a digest: the top points, the main quantities, and every sentence behind them or behind a figure. */
export function briefingEvidence(briefing: Briefing): Evidence {
  const sink = new Map<string, SentenceSink>();
  const points = topPoints(briefing.keyPoints, pointsShown);
  for (const p of points) for (const c of p.citations) add(sink, c.articleId, c.quote);
  for (const f of briefing.figures) add(sink, f.citation.articleId, f.citation.quote, f.speaker);
  for (const f of briefing.figures) if (f.via) add(sink, f.citation.articleId, f.citation.quote, f.via);
  return {
    // Cited as the model is asked to cite: `… in Rivertown [1][2].`
    // A denial and its later reversal are two sentences, each with its own sources.
    points: points.flatMap(pointParts).map((p) => shownSentence({ claim: pointText(p), cites: sourceNumbers(briefing, p.citations.map((c) => c.articleId)) })),
    numbers: briefing.timelines.slice(0, numbersShown).map((t) => `${t.label}: ${briefTimeline(briefing, t)}`),
    sources: sourcesOf(briefing, sink),
  };
}

/** The evidence of one found answer: its quoted sentences, and those of the earlier values and projections beside it. */
export function answerEvidence(answer: FoundAnswer, briefing: Briefing): Evidence {
  const sink = new Map<string, SentenceSink>();
  for (const c of answer.citations) add(sink, c.articleId, c.quote);
  const entries: TimelineEntry[] = [...(answer.figure ? [answer.figure.entry] : []), ...answer.earlier, ...answer.related];
  for (const e of entries) for (const f of e.figures) add(sink, f.citation.articleId, f.citation.quote, f.speaker);
  const sources = sourcesOf(briefing, sink);
  return {
    points: [shownSentence({ claim: answer.answer, cites: sourceNumbers(briefing, answer.citations.map((c) => c.articleId)) })],
    numbers: [],
    sources,
  };
}
