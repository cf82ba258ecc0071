import type { Briefing, Figure, FigureKind, FigureTimeline, KeyPoint, SourceInfo, TimelineEntry } from '../../../src/core/types.js';

export interface FixtureArticle {
  readonly id: string;
  readonly title?: string;
  readonly source?: string;
  readonly published?: string;
}

export interface FixturePoint {
  readonly text: string;
  /** Articles carrying the point, the representative first. */
  readonly articles: readonly string[];
}

export interface FixtureFigure {
  readonly quantity: string;
  readonly label?: string;
  readonly kind?: FigureKind;
  readonly value: number;
  readonly display?: string;
  readonly qualifier?: string;
  readonly speaker?: string;
  readonly articleId: string;
  /** Time order within the quantity; defaults to the order given. */
  readonly rank?: number;
}

export interface FixtureSpec {
  readonly articles: readonly FixtureArticle[];
  readonly points?: readonly FixturePoint[];
  readonly figures?: readonly FixtureFigure[];
}

const emptyIndex: Briefing['index'] = {
  sentences: [],
  articleRank: new Map(),
  vocabulary: new Map(),
  tokens: [],
  postingStart: new Int32Array(1),
  postings: new Int32Array(0),
  support: [],
  avgLength: 0,
};

/** A hand-built briefing that satisfies the core's types, for tests that must not depend on the engine. */
export function makeBriefing(spec: FixtureSpec): Briefing {
  const sources: SourceInfo[] = spec.articles.map((a, i) => ({
    articleId: a.id,
    number: i + 1,
    label: [a.title ?? a.id, a.source, a.published].filter(Boolean).join(' · '),
    origin: `${a.id}.txt`,
    ...(a.title ? { title: a.title } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.published ? { published: a.published } : {}),
    sentenceCount: 3,
  }));
  const keyPoints: KeyPoint[] = (spec.points ?? []).map((p, i) => ({
    text: p.text,
    citations: p.articles.map((articleId, k) => ({ articleId, quote: p.text, sentenceId: `${articleId}#${i + k}` })),
    sourceCount: new Set(p.articles).size,
    score: 10 - i,
    fresh: false,
    keep: spec.points!.length - 1 - i,
  }));
  const figures: Figure[] = (spec.figures ?? []).map((f, i) => ({
    id: `f${i}`,
    value: f.value,
    display: f.display ?? f.value.toLocaleString('en-US'),
    unit: '',
    counts: f.label ?? f.quantity,
    quantity: f.quantity,
    qualifier: f.qualifier ?? '',
    kind: f.kind ?? 'estimate',
    speaker: f.speaker ?? '',
    via: '',
    when: '',
    earlier: false,
    citation: { articleId: f.articleId, quote: `${f.display ?? f.value} ${f.quantity}`, sentenceId: `${f.articleId}#f${i}` },
  }));
  return { sources, keyPoints, figures, timelines: timelinesOf(spec.figures ?? [], figures), sentenceCount: sources.length * 3, index: emptyIndex };
}

function timelinesOf(specs: readonly FixtureFigure[], figures: readonly Figure[]): FigureTimeline[] {
  const byQuantity = new Map<string, { spec: FixtureFigure; figure: Figure; rank: number }[]>();
  specs.forEach((spec, i) => {
    const list = byQuantity.get(spec.quantity) ?? [];
    list.push({ spec, figure: figures[i]!, rank: spec.rank ?? i });
    byQuantity.set(spec.quantity, list);
  });
  return [...byQuantity].map(([quantity, list]) => {
    const entries: TimelineEntry[] = list
      .sort((a, b) => a.rank - b.rank)
      .map(({ figure, rank }) => ({
        value: figure.value,
        display: figure.display,
        kind: figure.kind,
        qualifier: figure.qualifier,
        speaker: figure.speaker,
        via: '',
        when: '',
        superseded: false,
        rank,
        figures: [figure],
      }));
    const latest: Partial<Record<FigureKind, TimelineEntry>> = {};
    for (const e of entries) latest[e.kind] = e;
    return {
      quantity,
      label: list[0]?.spec.label ?? quantity,
      unit: '',
      entries,
      latest,
      disagreements: [],
      sourceCount: new Set(list.map((x) => x.spec.articleId)).size,
    };
  });
}

/** The story as of day 1: two articles, the first troop estimate. */
export const dayOne: Required<FixtureSpec> = {
  articles: [
    { id: 'a1', title: 'Troops arrive in Russia', source: 'Reuters', published: '2024-10-18' },
    { id: 'a2', title: 'Seoul says troops are training', source: 'BBC News', published: '2024-10-19' },
  ],
  points: [
    { text: 'North Korean troops have arrived in eastern Russia for training.', articles: ['a1', 'a2'] },
    { text: 'Seoul says the deployment is the first of its kind.', articles: ['a2'] },
  ],
  figures: [{ quantity: 'troops', label: 'North Korean troops', value: 3000, speaker: 'South Korean intelligence', articleId: 'a1' }],
};

/** Day 2: a Pentagon article revises the estimate to 10,000 and adds a point. */
export const dayTwo: Required<FixtureSpec> = {
  articles: [...dayOne.articles, { id: 'a3', title: 'Pentagon raises estimate', source: 'AP', published: '2024-10-28' }],
  points: [
    ...dayOne.points,
    { text: 'The Pentagon says some troops have moved toward the Kursk region.', articles: ['a3'] },
  ],
  figures: [...dayOne.figures, { quantity: 'troops', label: 'North Korean troops', value: 10000, speaker: 'Pentagon', articleId: 'a3' }],
};
