/**
 * Time order of articles and of figures. Dates come first where known; otherwise the text itself
 * orders things: an article that calls 400 "an earlier estimate" comes after the articles that
 * report 400 as current. File order breaks the remaining ties.
 */
import type { Article, Figure, FigureKind, FigureTimeline, TimelineEntry } from './types.js';

/** Article id → rank (0 = oldest). */
export function orderArticles(articles: readonly Article[], figures: readonly Figure[]): Map<string, number> {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const after = new Map<string, Set<string>>(articles.map((a) => [a.id, new Set<string>()]));
  const current = new Map<string, Set<string>>();
  for (const f of figures) {
    if (f.earlier) continue;
    const key = `${f.quantity}|${f.kind}|${f.value}`;
    if (!current.has(key)) current.set(key, new Set());
    current.get(key)!.add(f.citation.articleId);
  }
  for (const f of figures) {
    if (!f.earlier) continue;
    for (const older of current.get(`${f.quantity}|${f.kind}|${f.value}`) ?? []) {
      if (older !== f.citation.articleId) after.get(f.citation.articleId)!.add(older);
    }
  }
  const published = (a: Article): number => (a.published ? Date.parse(a.published) : NaN);
  const compare = (x: Article, y: Article): number => {
    const px = published(x);
    const py = published(y);
    if (!Number.isNaN(px) && !Number.isNaN(py) && px !== py) return px - py;
    return position.get(x.id)! - position.get(y.id)!;
  };
  // Dated articles follow their dates; the text's own "earlier" links order the undated ones.
  const dated = articles.filter((a) => !Number.isNaN(published(a)));
  for (const a of dated) for (const b of dated) if (published(a) < published(b)) after.get(b.id)!.add(a.id);
  return topologicalRanks(articles, after, compare);
}

function topologicalRanks(articles: readonly Article[], after: Map<string, Set<string>>, compare: (x: Article, y: Article) => number): Map<string, number> {
  const remaining = new Set(articles.map((a) => a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const ranks = new Map<string, number>();
  while (remaining.size) {
    let ready = [...remaining].filter((id) => [...after.get(id)!].every((dep) => !remaining.has(dep)));
    if (ready.length === 0) ready = [...remaining]; // a cycle: the text contradicts itself; fall back to dates and file order
    ready.sort((x, y) => compare(byId.get(x)!, byId.get(y)!));
    const next = ready[0]!;
    ranks.set(next, ranks.size);
    remaining.delete(next);
  }
  return ranks;
}

function specificity(counts: string): number {
  return counts.split(/\s+/).filter(Boolean).length + (/[A-Z]/.test(counts) ? 1 : 0);
}

/** Groups figures by quantity, merges equal values of one kind, and orders them in time. */
export function buildTimelines(figures: readonly Figure[], articleRank: ReadonlyMap<string, number>): FigureTimeline[] {
  const byQuantity = new Map<string, Figure[]>();
  for (const f of figures) {
    if (!byQuantity.has(f.quantity)) byQuantity.set(f.quantity, []);
    byQuantity.get(f.quantity)!.push(f);
  }
  const timelines: FigureTimeline[] = [];
  for (const [quantity, group] of byQuantity) timelines.push(timelineOf(quantity, group, articleRank));
  const firstSeen = (t: FigureTimeline): number => Math.min(...t.entries.flatMap((e) => e.figures.map((f) => articleRank.get(f.citation.articleId) ?? 0)));
  return timelines.sort((a, b) => b.sourceCount - a.sourceCount || b.entries.length - a.entries.length || firstSeen(a) - firstSeen(b));
}

function timelineOf(quantity: string, group: readonly Figure[], articleRank: ReadonlyMap<string, number>): FigureTimeline {
  const merged = new Map<string, Figure[]>();
  for (const f of group) {
    const key = `${f.kind}|${f.value}`;
    if (!merged.has(key)) merged.set(key, []);
    merged.get(key)!.push(f);
  }
  const rankOf = (f: Figure): number => articleRank.get(f.citation.articleId) ?? 0;
  const entries = [...merged.values()].map((figs): TimelineEntry => {
    const current = figs.filter((f) => !f.earlier);
    const shown = [...(current.length ? current : figs)].sort((a, b) => rankOf(a) - rankOf(b) || specificity(b.speaker) - specificity(a.speaker));
    const lead = shown.find((f) => f.speaker) ?? shown[0]!;
    const rank = current.length ? Math.min(...current.map(rankOf)) : Math.min(...figs.map(rankOf)) - 0.5;
    return {
      value: lead.value,
      display: lead.display,
      kind: lead.kind,
      qualifier: shown.find((f) => f.qualifier)?.qualifier ?? '',
      speaker: lead.speaker,
      via: lead.via,
      when: shown.find((f) => f.when)?.when ?? '',
      superseded: figs.some((f) => f.earlier),
      rank,
      figures: [...figs].sort((a, b) => rankOf(a) - rankOf(b)),
    };
  });
  entries.sort((a, b) => a.rank - b.rank || a.value - b.value);
  const latest: Partial<Record<FigureKind, TimelineEntry>> = {};
  for (const kind of ['estimate', 'projection', 'claim'] as const) {
    const ofKind = entries.filter((e) => e.kind === kind);
    const live = ofKind.filter((e) => !e.superseded);
    const pick = (live.length ? live : ofKind).at(-1);
    if (pick) latest[kind] = pick;
  }
  const label = [...group].sort((a, b) => specificity(b.counts) - specificity(a.counts) || a.counts.length - b.counts.length)[0]!.counts;
  return {
    quantity,
    label: label || (group[0]!.unit === '%' ? 'Percentage' : `Amount (${group[0]!.unit})`),
    unit: group[0]!.unit,
    entries,
    latest,
    disagreements: disagreementsOf(entries),
    sourceCount: new Set(group.map((f) => f.citation.articleId)).size,
  };
}

/** Live entries of one kind with different values at the same time (same rank) from different speakers. */
function disagreementsOf(entries: readonly TimelineEntry[]): TimelineEntry[][] {
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    if (e.superseded) continue;
    const key = `${e.kind}|${Math.floor(e.rank)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  return [...groups.values()].filter((g) => g.length > 1 && new Set(g.map((e) => e.speaker).filter(Boolean)).size > 1);
}
