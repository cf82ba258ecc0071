import type { Briefing, FigureKind, FigureTimeline, TimelineEntry } from '../core/types.js';

/** `[1][3]` for the articles behind an entry or point, in source-list order. */
export function sourceRefs(briefing: Briefing, articleIds: Iterable<string>): string {
  const numbers = new Set<number>();
  for (const id of articleIds) {
    const source = briefing.sources.find((s) => s.articleId === id);
    if (source) numbers.add(source.number);
  }
  return [...numbers].sort((a, b) => a - b).map((n) => `[${n}]`).join('');
}

export function entryArticles(entry: TimelineEntry): string[] {
  return [...new Set(entry.figures.map((f) => f.citation.articleId))];
}

/** `an estimated 400 — fire service, via Wirepost, in October [5]` */
export function formatEntry(briefing: Briefing, entry: TimelineEntry): string {
  const value = [entry.qualifier, entry.display].filter(Boolean).join(' ');
  const who = [entry.speaker, entry.via ? `via ${entry.via}` : '', entry.when].filter(Boolean).join(', ');
  return `${value}${who ? ` — ${who}` : ''} ${sourceRefs(briefing, entryArticles(entry))}`.trim();
}

export const kindLabel: Record<FigureKind, string> = { estimate: 'Latest estimate', projection: 'Projection', claim: 'Claim' };

/** One paragraph on a quantity: the latest value per kind, and what the estimate was up from. */
export function summarizeTimeline(briefing: Briefing, timeline: FigureTimeline): string {
  const parts: string[] = [];
  for (const kind of ['estimate', 'projection', 'claim'] as const) {
    const latest = timeline.latest[kind];
    if (!latest) continue;
    let part = `${kind === 'estimate' && timeline.entries.filter((e) => e.kind === 'estimate').length === 1 ? 'Estimate' : kindLabel[kind]}: ${formatEntry(briefing, latest)}`;
    const earlier = timeline.entries.filter((e) => e.kind === kind && e !== latest && e.rank < latest.rank).reverse();
    if (earlier.length) part += `; earlier ${earlier.map((e) => formatEntry(briefing, e)).join('; ')}`;
    parts.push(part);
  }
  for (const group of timeline.disagreements) {
    parts.push(`Sources differ: ${group.map((e) => formatEntry(briefing, e)).join(' vs ')}`);
  }
  return parts.join('. ');
}
