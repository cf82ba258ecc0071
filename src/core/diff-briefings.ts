import { pointParts } from './reversals.js';
import { figureKinds, type Briefing, type FigureKind, type FigureTimeline, type KeyPoint, type SourceInfo, type TimelineEntry } from './types.js';

/** A figure as a snapshot remembers it: enough to say "up from 300". */
export interface SnapshotFigure {
  readonly value: number;
  readonly display: string;
  readonly speaker: string;
}

/**
 * What a channel was last told about a topic: a small JSON-able summary of the briefing a digest
 * was built from, stored after each delivery and diffed against the next briefing.
 */
export interface DigestSnapshot {
  readonly version: 1;
  /** When the digest was delivered (ISO 8601); the "since" of the next one. */
  readonly takenAt: string;
  readonly articleIds: readonly string[];
  /** Latest value per quantity, unit and kind, keyed by `figureKey`. */
  readonly figures: Readonly<Record<string, SnapshotFigure>>;
  /** Key point texts, as shown. */
  readonly keyPoints: readonly string[];
}

/** A quantity whose latest value of one kind is new or different since the snapshot. */
export interface FigureChange {
  readonly timeline: FigureTimeline;
  readonly kind: FigureKind;
  readonly entry: TimelineEntry;
  /** What the previous digest gave; absent when it had no value of this kind. */
  readonly previous?: SnapshotFigure;
  readonly direction: 'new' | 'up' | 'down';
}

/** What a digest reports as changed. */
export interface Changes {
  /** There was no previous digest: nothing is "new", the digest shows the current state only. */
  readonly first: boolean;
  /** Articles not in the snapshot, in source-list order. */
  readonly newArticles: readonly SourceInfo[];
  readonly figures: readonly FigureChange[];
  /** Key points the previous digest did not show, carried by at least one new article. */
  readonly newPoints: readonly KeyPoint[];
  /** Nothing new since the previous digest (false for a first digest). */
  readonly unchanged: boolean;
}


/** The snapshot key of one quantity's latest value of one kind. */
export function figureKey(timeline: Pick<FigureTimeline, 'quantity' | 'unit'>, kind: FigureKind): string {
  return `${timeline.quantity}|${timeline.unit}|${kind}`;
}

const pointKey = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

const remember = (entry: TimelineEntry): SnapshotFigure => ({ value: entry.value, display: entry.display, speaker: entry.speaker });

/** Summarizes a briefing for `diffBriefings`; `takenAt` is when its digest was delivered. */
export function snapshotBriefing(briefing: Briefing, takenAt: string): DigestSnapshot {
  const figures: Record<string, SnapshotFigure> = {};
  for (const t of briefing.timelines) {
    for (const kind of figureKinds) {
      const entry = t.latest[kind];
      if (entry) figures[figureKey(t, kind)] = remember(entry);
    }
  }
  return { version: 1, takenAt, articleIds: briefing.sources.map((s) => s.articleId), figures, keyPoints: briefing.keyPoints.flatMap(pointParts).map((p) => p.text) };
}

/**
 * The snapshot a briefing would have had before the articles in `newArticleIds` arrived,
 * approximated from the briefing itself (no rebuild): per quantity and kind the latest value that
 * an older article reports, and the key points an older article carries.
 */
export function snapshotWithout(briefing: Briefing, newArticleIds: ReadonlySet<string>, takenAt: string): DigestSnapshot {
  const isOld = (articleId: string): boolean => !newArticleIds.has(articleId);
  const figures: Record<string, SnapshotFigure> = {};
  for (const t of briefing.timelines) {
    for (const kind of figureKinds) {
      let latest: TimelineEntry | undefined;
      for (const e of t.entries) {
        if (e.kind === kind && e.figures.some((f) => isOld(f.citation.articleId)) && (!latest || e.rank >= latest.rank)) latest = e;
      }
      if (latest) figures[figureKey(t, kind)] = remember(latest);
    }
  }
  return {
    version: 1,
    takenAt,
    articleIds: briefing.sources.map((s) => s.articleId).filter(isOld),
    figures,
    keyPoints: briefing.keyPoints.flatMap(pointParts).filter((p) => p.citations.some((c) => isOld(c.articleId))).map((p) => p.text),
  };
}

/**
 * What changed between the briefing a channel last got (`previous`) and `current`: new articles,
 * quantities whose latest value is new or different, and new key points. Pure.
 */
export function diffBriefings(previous: DigestSnapshot | undefined, current: Briefing): Changes {
  if (!previous) return { first: true, newArticles: [], figures: [], newPoints: [], unchanged: false };
  const known = new Set(previous.articleIds);
  const newArticles = current.sources.filter((s) => !known.has(s.articleId));
  const fresh = new Set(newArticles.map((s) => s.articleId));
  const figures: FigureChange[] = [];
  for (const timeline of current.timelines) {
    for (const kind of figureKinds) {
      const entry = timeline.latest[kind];
      if (!entry) continue;
      const before = previous.figures[figureKey(timeline, kind)];
      if (!before) figures.push({ timeline, kind, entry, direction: 'new' });
      else if (before.value !== entry.value) figures.push({ timeline, kind, entry, previous: before, direction: entry.value > before.value ? 'up' : 'down' });
    }
  }
  const shown = new Set(previous.keyPoints.map(pointKey));
  // A denial shown before and its reversal new since: the folded point is new.
  const newPoints = current.keyPoints.filter((p) => pointParts(p).some((part) => !shown.has(pointKey(part.text)) && part.citations.some((c) => fresh.has(c.articleId))));
  return { first: false, newArticles, figures, newPoints, unchanged: newArticles.length === 0 && figures.length === 0 && newPoints.length === 0 };
}
