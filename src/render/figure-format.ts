import { titleWord } from './titles.js';
import { figureKinds, type Briefing, type FigureKind, type FigureTimeline, type KeyPoint, type TimelineEntry } from '../core/types.js';

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

/** `an estimated 400`, `over $60 billion since 2021`: an entry's value with its qualifier and the start of a running total. */
function valueOf(entry: TimelineEntry): string {
  return [entry.qualifier, displayOf(entry.display), entry.since].filter(Boolean).join(' ');
}

/** A count in words as a sentence opened with it ("Six workers …") reads mid-line in lower case: "six". */
function displayOf(display: string): string {
  return /^[A-Z][a-z]+(?:[ -][a-z]+)*$/.test(display) ? display.toLowerCase() : display;
}

/**
 * An entry with its sources, and as much of who and when as asked: `full`, "an estimated 400 —
 * fire service, via Wirepost, in October [5]"; `speaker`, "an estimated 400 — fire service [5]"
 * (the brief's one line per quantity); `bare`, "an estimated 400 [5]" (a value in its history).
 */
export function formatEntry(briefing: Briefing, entry: TimelineEntry, detail: 'full' | 'speaker' | 'bare' = 'full'): string {
  const who = detail === 'bare' ? '' : detail === 'speaker' ? entry.speaker : [entry.speaker, entry.via ? `via ${entry.via}` : '', entry.when].filter(Boolean).join(', ');
  return `${valueOf(entry)}${who ? ` — ${who}` : ''} ${sourceRefs(briefing, entryArticles(entry))}`.trim();
}

/** The entries of the same kind reported before `latest`, newest first. */
function earlierThan(timeline: FigureTimeline, latest: TimelineEntry): TimelineEntry[] {
  return timeline.entries.filter((e) => e.kind === latest.kind && e !== latest && e.rank < latest.rank).reverse();
}

export const kindLabel: Record<FigureKind, string> = { estimate: 'Latest estimate', projection: 'Projection', claim: 'Claim' };

/** The kinds of a `fixed` quantity whose sources differ, or of an `unreconciled` one: shown as differing only, never as latest and earlier. */
function differingKinds(timeline: FigureTimeline): Set<string> {
  return new Set(timeline.fixed ? timeline.disagreements.map((g) => g[0]!.kind) : (timeline.unreconciled ?? []));
}

/** One paragraph on a quantity: the latest value per kind, and what the estimate was up from. */
export function summarizeTimeline(briefing: Briefing, timeline: FigureTimeline): string {
  const parts: string[] = [];
  const differing = differingKinds(timeline);
  for (const kind of figureKinds) {
    const latest = timeline.latest[kind];
    if (!latest || differing.has(kind)) continue;
    let part = `${kind === 'estimate' && timeline.entries.filter((e) => e.kind === 'estimate').length === 1 ? 'Estimate' : kindLabel[kind]}: ${formatEntry(briefing, latest)}`;
    const earlier = earlierThan(timeline, latest);
    if (earlier.length) part += `; earlier ${earlier.map((e) => formatEntry(briefing, e)).join('; ')}`;
    parts.push(part);
  }
  for (const group of timeline.disagreements) {
    parts.push(`Sources differ: ${group.map((e) => formatEntry(briefing, e)).join(' vs ')}`);
  }
  return parts.join('. ');
}

/** Earlier values a brief line shows in full; past them, the newest six, how many more, and the first. */
const briefEarlier = 8;

/** "3,000 [2], 2,500 [3], …, 4 more in /numbers, first 120 [1]": an earlier history, newest first. */
function earlierValues(briefing: Briefing, earlier: readonly TimelineEntry[]): string {
  const bare = (e: TimelineEntry): string => formatEntry(briefing, e, 'bare');
  if (earlier.length <= briefEarlier) return earlier.map(bare).join(', ');
  return [...earlier.slice(0, briefEarlier - 2).map(bare), `${earlier.length - briefEarlier + 1} more in /numbers`, `first ${bare(earlier[earlier.length - 1]!)}`].join(', ');
}

/**
 * " (an earlier figure, per [7])": the latest value of a series that a source calls superseded
 * ("in its previous report, said 400") while the series holds no value that replaced it.
 */
function calledEarlier(briefing: Briefing, entry: TimelineEntry): string {
  if (!entry.superseded) return '';
  return ` (an earlier figure, per ${sourceRefs(briefing, entry.figures.filter((f) => f.earlier).map((f) => f.citation.articleId))})`;
}

/**
 * One line on a quantity for the brief: per kind, the latest value with who gave it, then the
 * earlier values newest first with their sources only (who gave each is in /numbers; a long
 * history is cut, see `earlierValues`), and where sources differ. `afterLead`: the line stands under
 * the lead line (`leadLine`) of the same quantity, so it leaves out what that line says.
 */
export function briefTimeline(briefing: Briefing, timeline: FigureTimeline, afterLead = false): string {
  const parts: string[] = [];
  const differing = differingKinds(timeline);
  for (const kind of figureKinds) {
    const latest = timeline.latest[kind];
    if (!latest || differing.has(kind)) continue;
    const earlier = earlierThan(timeline, latest);
    // Under the lead line, which says the latest estimate and the one before it, only the older history is news.
    if (afterLead && kind === 'estimate') {
      if (earlier.length > 1) parts.push(`earlier still ${earlierValues(briefing, earlier.slice(1))}`);
      continue;
    }
    const lead = kind === 'estimate' ? '' : kind === 'projection' ? 'projected ' : 'claimed ';
    parts.push(`${lead}${formatEntry(briefing, latest, 'speaker')}${calledEarlier(briefing, latest)}${earlier.length ? `; earlier ${earlierValues(briefing, earlier)}` : ''}`);
  }
  for (const group of timeline.disagreements) parts.push(`sources differ: ${group.map((e) => formatEntry(briefing, e, 'speaker')).join(' vs ')}`);
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
  const previous = earlierThan(timeline, latest)[0];
  const who = latest.speaker ? ` — ${nameOf(latest.speaker)}` : '';
  // Who gave the earlier value is said only when someone else gave it.
  const earlierWho = previous?.speaker && previous.speaker !== latest.speaker ? ` (${nameOf(previous.speaker)})` : '';
  const move = previous ? `, ${previous.value > latest.value ? 'down' : 'up'} from ${valueOf(previous)}${earlierWho}` : '';
  // "90 deaths in six states": how widely the latest value was counted, where the label names no place of its own.
  const across = latest.scope && !/\bin\s/.test(timeline.label) ? ` ${latest.scope}` : '';
  return `${valueOf(latest)} ${timeline.label}${across}${who}${move} ${sourceRefs(briefing, [...entryArticles(latest), ...(previous ? entryArticles(previous) : [])])}`;
}

/** A role before a name ("the agency's spokesman Ana Vell"): the lead line names the person alone. */
const roleThenName = new RegExp(String.raw`^.*\b${titleWord}\s+((?:[A-Z][\w.'’-]*\s+)+[A-Z][\w'’-]*)$`);

function nameOf(speaker: string): string {
  return roleThenName.exec(speaker)?.[1] ?? speaker;
}

/** A point as shown: its sentence, and a quotation's speaker where the point carries one ("Vell: “…”"). */
export function pointText(point: KeyPoint): string {
  const text = point.speaker ? `${point.speaker}: “${point.text.replace(/^["“]|["”]$/g, '')}”` : point.text;
  return point.then ? `${text} Later: ${pointText(point.then)}` : text;
}
