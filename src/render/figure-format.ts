import type { Briefing, FigureKind, FigureTimeline, KeyPoint, TimelineEntry } from '../core/types.js';

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

/** `an estimated 400 — fire service [5]`: an entry with its speaker only, for the brief's one line per quantity. */
function shortEntry(briefing: Briefing, entry: TimelineEntry): string {
  const value = [entry.qualifier, entry.display].filter(Boolean).join(' ');
  return `${value}${entry.speaker ? ` — ${entry.speaker}` : ''} ${sourceRefs(briefing, entryArticles(entry))}`.trim();
}

/** `at least 3,000 [1][2]`: a value and its sources, for the history of a quantity. */
function bareEntry(briefing: Briefing, entry: TimelineEntry): string {
  return `${[entry.qualifier, entry.display].filter(Boolean).join(' ')} ${sourceRefs(briefing, entryArticles(entry))}`.trim();
}

/**
 * One line on a quantity for the brief: per kind, the latest value with who gave it, then the
 * earlier values newest first with their sources only (who gave each is in /numbers), and where
 * sources differ.
 */
export function briefTimeline(briefing: Briefing, timeline: FigureTimeline): string {
  const parts: string[] = [];
  for (const kind of ['estimate', 'projection', 'claim'] as const) {
    const latest = timeline.latest[kind];
    if (!latest) continue;
    const earlier = timeline.entries.filter((e) => e.kind === kind && e !== latest && e.rank < latest.rank).reverse();
    const lead = kind === 'estimate' ? '' : kind === 'projection' ? 'projected ' : 'claimed ';
    parts.push(`${lead}${shortEntry(briefing, latest)}${earlier.length ? `; earlier ${earlier.map((e) => bareEntry(briefing, e)).join(', ')}` : ''}`);
  }
  for (const group of timeline.disagreements) parts.push(`sources differ: ${group.map((e) => shortEntry(briefing, e)).join(' vs ')}`);
  return parts.join('. ');
}

/**
 * The state of the story in one line, from its main quantity: "an estimated 400 volunteers —
 * fire service [5], up from at least 120 (a spokesman) [1]". Undefined when the set has no
 * estimate with a history or a source.
 */
export function leadLine(briefing: Briefing, timeline: FigureTimeline | undefined): string | undefined {
  const latest = timeline?.latest.estimate;
  if (!timeline || !latest) return undefined;
  const previous = timeline.entries.filter((e) => e.kind === 'estimate' && e !== latest && e.rank < latest.rank).at(-1);
  const value = [latest.qualifier, latest.display].filter(Boolean).join(' ');
  const who = latest.speaker ? ` — ${latest.speaker}` : '';
  const move = previous ? `, ${previous.value > latest.value ? 'down' : 'up'} from ${[previous.qualifier, previous.display].filter(Boolean).join(' ')}${previous.speaker ? ` (${previous.speaker})` : ''}` : '';
  return `${value} ${timeline.label}${who}${move} ${sourceRefs(briefing, [...entryArticles(latest), ...(previous ? entryArticles(previous) : [])])}`;
}

/** A point as shown: its sentence, and a quotation's speaker where the point carries one ("Vell: “…”"). */
export function pointText(point: KeyPoint): string {
  return point.speaker ? `${point.speaker}: “${point.text.replace(/^["“]|["”]$/g, '')}”` : point.text;
}
