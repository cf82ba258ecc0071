/**
 * The timelines of a set, kept per quantity so that an update rebuilds only the quantities whose
 * figures changed, or whose articles moved in time.
 */
import type { ArticleWork } from './article-work.js';
import { sortTimelines, timelineOf } from './timeline.js';
import type { Figure, FigureTimeline } from './types.js';

/** One quantity's figures, in the order of the set, and their timeline. */
/** How many quantities a brief shows in Key numbers (the first of the sorted timelines); /numbers shows them all. */
export const briefNumbers = 7;

/**
 * The quantities a brief's Key numbers show: the first `briefNumbers` of the sorted timelines. A
 * quantity that is only a running total ("over $60 billion since 2022") is background to a story
 * that has numbers of its own, and goes (/numbers still shows it); it stays when it is all there is.
 */
export function keyNumbersOf(timelines: readonly FigureTimeline[]): FigureTimeline[] {
  const own = timelines.filter((t) => !t.entries.every((e) => e.since));
  return (own.length ? own : timelines).slice(0, briefNumbers);
}

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
    return { byQuantity, timelines: sortTimelines(foldSameValues(foldSetting([...byQuantity.values()].map((e) => e.timeline), byQuantity, works, articleRank), works, articleRank)) };
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
  return { byQuantity, timelines: sortTimelines(foldSameValues(foldSetting(inFirstAppearanceOrder(byQuantity, works, position), byQuantity, works, articleRank), works, articleRank)) };
}

/**
 * The story's one setting, where it has one: the place of a series that more than half of the
 * articles name in their headline (or, without one, their first sentence), when no other such
 * place does. "Deaths in Rivertown" in a story about Rivertown are its deaths: that series folds
 * into the unplaced one. A story of two places ("Rivertown and Hillford") folds neither.
 */
function foldSetting(timelines: FigureTimeline[], byQuantity: ReadonlyMap<string, QuantityFigures>, works: readonly ArticleWork[], articleRank: ReadonlyMap<string, number>): FigureTimeline[] {
  const places = new Set<string>();
  for (const t of timelines) {
    const at = t.quantity.indexOf('@');
    if (at >= 0 && t.quantity[at + 1] !== '@') places.add(t.quantity.slice(at + 1));
  }
  if (places.size === 0 || works.length < 2) return timelines;
  const heads = works.map((w) => (w.article.title || w.sentences[0]?.text || '').toLowerCase());
  const named = [...places].filter((p) => heads.filter((h) => wordIn(h, p)).length * 2 > works.length);
  if (named.length !== 1) return timelines;
  const suffix = `@${named[0]!}`;
  const folded = new Map<string, Figure[]>();
  for (const [q, e] of byQuantity) {
    if (!q.endsWith(suffix)) continue;
    const into = q.slice(0, -suffix.length);
    const base = byQuantity.get(into);
    if (!base) continue;
    folded.set(into, [...(folded.get(into) ?? base.figures), ...e.figures]);
  }
  if (folded.size === 0) return timelines;
  const order = new Map(works.map((w, i) => [w.article.id, i]));
  return timelines.flatMap((t) => {
    if (t.quantity.endsWith(suffix) && folded.has(t.quantity.slice(0, -suffix.length))) return [];
    const figures = folded.get(t.quantity);
    return figures ? [timelineOf(t.quantity, [...figures].sort((a, b) => order.get(a.citation.articleId)! - order.get(b.citation.articleId)!), articleRank)] : [t];
  });
}

/**
 * One value of one measure told of two things ("8.5 million computers affected", "8.5 million
 * devices affected"): each series a single value, the same measure, unit, kind and value, neither
 * of a place or a party. That is one fact in two wordings, so Key numbers says it once: the later
 * series folds into the first, with its sources.
 */
function foldSameValues(timelines: FigureTimeline[], works: readonly ArticleWork[], articleRank: ReadonlyMap<string, number>): FigureTimeline[] {
  const first = new Map<string, FigureTimeline>();
  const into = new Map<FigureTimeline, FigureTimeline[]>();
  for (const t of timelines) {
    const only = t.entries.length === 1 ? t.entries[0]! : undefined;
    if (!only || !t.measure || t.quantity.includes('@')) continue;
    const key = `${t.measure}|${t.unit}|${only.kind}|${only.value}`;
    const kept = first.get(key);
    if (!kept) first.set(key, t);
    else into.set(kept, [...(into.get(kept) ?? []), t]);
  }
  if (into.size === 0) return timelines;
  const folded = new Set([...into.values()].flat());
  const order = new Map(works.map((w, i) => [w.article.id, i]));
  return timelines.flatMap((t) => {
    if (folded.has(t)) return [];
    const others = into.get(t);
    if (!others) return [t];
    const figures = [...t.entries, ...others.flatMap((o) => o.entries)].flatMap((e) => e.figures);
    return [timelineOf(t.quantity, figures.sort((a, b) => order.get(a.citation.articleId)! - order.get(b.citation.articleId)!), articleRank)];
  });
}

function wordIn(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  return at >= 0 && !/\w/.test(text[at - 1] ?? '') && !/\w/.test(text[at + phrase.length] ?? '');
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
