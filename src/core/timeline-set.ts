/**
 * The timelines of a set, kept per quantity so that an update rebuilds only the quantities whose
 * figures changed, or whose articles moved in time.
 */
import type { ArticleWork } from './article-work.js';
import { sortTimelines, timelineOf } from './timeline.js';
import type { Figure, FigureTimeline } from './types.js';

/** One quantity's figures, in the order of the set, and their timeline. */
export interface QuantityFigures {
  readonly figures: readonly Figure[];
  readonly timeline: FigureTimeline;
}

export interface TimelineUpdate {
  readonly works: readonly ArticleWork[];
  readonly articleRank: ReadonlyMap<string, number>;
  /** The state updated from, with the articles it had that are gone and the ones new since. */
  readonly previous: { readonly quantities: ReadonlyMap<string, QuantityFigures>; readonly articleRank: ReadonlyMap<string, number> } | undefined;
  readonly removedWorks: readonly ArticleWork[];
  readonly addedWorks: readonly ArticleWork[];
}

export function updateTimelines(update: TimelineUpdate): { byQuantity: Map<string, QuantityFigures>; timelines: FigureTimeline[] } {
  const { works, articleRank, previous } = update;
  if (!previous) {
    const grouped = new Map<string, Figure[]>();
    for (const w of works) for (const f of w.figures) pushTo(grouped, f.quantity, f);
    const byQuantity = new Map([...grouped].map(([q, figures]) => [q, { figures, timeline: timelineOf(q, figures, articleRank) }]));
    return { byQuantity, timelines: sortTimelines([...byQuantity.values()].map((e) => e.timeline)) };
  }
  const added = new Set(update.addedWorks);
  const dirty = new Set<string>();
  for (const w of [...update.removedWorks, ...update.addedWorks]) for (const q of w.quantities) dirty.add(q);
  for (const w of works) {
    if (!added.has(w) && previous.articleRank.get(w.article.id) !== articleRank.get(w.article.id)) for (const q of w.quantities) dirty.add(q);
  }
  const position = new Map(works.map((w, i) => [w.article.id, i]));
  const incoming = new Map<string, Figure[]>();
  for (const w of works) if (added.has(w)) for (const f of w.figures) pushTo(incoming, f.quantity, f);
  const gone = new Set(update.removedWorks.map((w) => w.article.id));
  const byQuantity = new Map(previous.quantities);
  for (const q of dirty) {
    const kept = (previous.quantities.get(q)?.figures ?? []).filter((f) => !gone.has(f.citation.articleId));
    const figures = mergeBy(kept, incoming.get(q) ?? [], (f) => position.get(f.citation.articleId)!);
    if (figures.length) byQuantity.set(q, { figures, timeline: timelineOf(q, figures, articleRank) });
    else byQuantity.delete(q);
  }
  return { byQuantity, timelines: sortTimelines(inFirstAppearanceOrder(byQuantity, works, position)) };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Merges two lists each ordered by `key`; on equal keys the first list goes first. */
function mergeBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => number): T[] {
  if (b.length === 0) return [...a];
  const out: T[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && key(b[j]!) < key(x)) out.push(b[j++]!);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Timelines in the order their quantities' first figures appear in the set. */
function inFirstAppearanceOrder(byQuantity: ReadonlyMap<string, QuantityFigures>, works: readonly ArticleWork[], position: ReadonlyMap<string, number>): FigureTimeline[] {
  const figureStart = new Int32Array(works.length + 1);
  works.forEach((w, i) => (figureStart[i + 1] = figureStart[i]! + w.figures.length));
  const keyed = [...byQuantity.values()].map((e) => {
    const first = e.figures[0]!;
    const p = position.get(first.citation.articleId)!;
    return { timeline: e.timeline, at: figureStart[p]! + works[p]!.figures.indexOf(first) };
  });
  return keyed.sort((x, y) => x.at - y.at).map((k) => k.timeline);
}
