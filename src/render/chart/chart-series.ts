/**
 * What a chart draws, taken from the briefing and nothing else: one point per timeline entry, with
 * the value, kind and sources the briefing gives it. Pure and JSON-safe, so a digest keeps it with
 * its composed body and the adapter that posts it draws it (src/render/chart/render-chart.ts).
 */
import type { Briefing } from '../../core/types.js';
import { entryArticles, sourceRefs } from '../figure-format.js';

type Series = Briefing['timelines'][number];
type Entry = Series['entries'][number];
type Kind = Entry['kind'];

/** One plotted value: a timeline entry of the briefing, with its citation. */
export interface ChartPoint {
  /** Position on the time axis: 0 for the earliest report, one step per distinct time. */
  readonly step: number;
  readonly value: number;
  /** The value as the articles wrote it, with its qualifier (`an estimated 10,000`). */
  readonly display: string;
  readonly kind: Kind;
  /** Who gave it and where (`Alden Fire Service [3]`): the point's label. */
  readonly source: string;
  /** A later report says this value was superseded. */
  readonly superseded: boolean;
  /** Another source gives a different value of the same kind at the same time. */
  readonly disputed: boolean;
  /** The latest value of its kind. */
  readonly latest: boolean;
  /**
   * Joined by its kind's line: every value but those another source contradicts at the same time,
   * of which only one (the latest, else the first) is joined; the others hang off it by a rule.
   */
  readonly joined: boolean;
  /** The first sentence that reports it. */
  readonly citation: { readonly articleId: string; readonly quote: string };
}

export interface ChartSeries {
  /** What is counted (`volunteers in Alden`). */
  readonly label: string;
  /** The series' unit: `%`, `$`, `£`, `€`, or '' for a count. */
  readonly unit: string;
  /** Labels of the time axis, one per step: the report's date where the articles give one. */
  readonly steps: readonly string[];
  /** Oldest first. */
  readonly points: readonly ChartPoint[];
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const speakerChars = 28;

/**
 * The chart of one timeline, or undefined when it has fewer than two values (one value is no
 * movement to draw).
 */
export function chartSeries(briefing: Briefing, timeline: Series): ChartSeries | undefined {
  if (timeline.entries.length < 2) return undefined;
  const ranks = [...new Set(timeline.entries.map((e) => e.rank))].sort((a, b) => a - b);
  const disputed = new Set(timeline.disagreements.flat());
  const latest = new Set(Object.values(timeline.latest));
  const unjoined = new Set(timeline.disagreements.flatMap((group) => {
    const kept = group.find((e) => latest.has(e)) ?? group[0];
    return group.filter((e) => e !== kept);
  }));
  const steps = ranks.map((rank, i) => stepLabel(briefing, timeline.entries.filter((e) => e.rank === rank), i));
  const points = timeline.entries.map((e): ChartPoint => {
    const first = e.figures[0]!.citation;
    return {
      step: ranks.indexOf(e.rank),
      value: e.value,
      display: [e.qualifier, e.display].filter(Boolean).join(' '),
      kind: e.kind,
      source: `${shortSpeaker(e.speaker || outletOf(briefing, first.articleId))} ${sourceRefs(briefing, entryArticles(e))}`.trim(),
      superseded: e.superseded,
      disputed: disputed.has(e),
      latest: latest.has(e),
      joined: !unjoined.has(e),
      citation: { articleId: first.articleId, quote: first.quote },
    };
  });
  return { label: timeline.label, unit: timeline.unit, steps, points };
}

/**
 * The series a chart shows: the one whose measure or label is `measure` (`deaths`, `troops`), else
 * the briefing's main series (the most reported). Undefined when that series has fewer than two values.
 */
export function pickChartSeries(briefing: Briefing, measure?: string): ChartSeries | undefined {
  const timeline = measure === undefined ? briefing.timelines[0] : findTimeline(briefing, measure);
  return timeline ? chartSeries(briefing, timeline) : undefined;
}

/** The timeline a word names: its measure, its quantity key or words of its label, most reported first. */
export function findTimeline(briefing: Briefing, measure: string): Series | undefined {
  const wanted = measure.trim().toLowerCase();
  if (!wanted) return undefined;
  const words = wanted.split(/\s+/);
  return (
    briefing.timelines.find((t) => t.measure === wanted || t.quantity === wanted || t.label.toLowerCase() === wanted) ??
    briefing.timelines.find((t) => words.every((w) => ` ${t.label.toLowerCase()} `.includes(` ${w}`) || (t.measure ?? '').startsWith(w)))
  );
}

/** The step's date (`3 Nov`) where its first report is dated; `before 3 Nov` for a value known only as an earlier one. */
function stepLabel(briefing: Briefing, entries: readonly Entry[], index: number): string {
  const figures = entries.flatMap((e) => e.figures);
  const current = figures.filter((f) => !f.earlier);
  const rank = briefing.index.articleRank;
  const first = [...(current.length ? current : figures)].sort((a, b) => (rank.get(a.citation.articleId) ?? 0) - (rank.get(b.citation.articleId) ?? 0))[0];
  const published = briefing.sources.find((s) => s.articleId === first?.citation.articleId)?.published;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m) return current.length ? `report ${index + 1}` : `before report ${index + 2}`;
  const date = `${Number(m[3])} ${months[Number(m[2]) - 1]}`;
  return current.length ? date : `before ${date}`;
}

/** The outlet's own name: "Outlet (rehosted copy; …)", "Outlet, citing a wire" → "Outlet". */
function outletOf(briefing: Briefing, articleId: string): string {
  const outlet = briefing.sources.find((s) => s.articleId === articleId)?.source ?? '';
  return outlet.replace(/\s*\([^)]*\)?/g, '').replace(/,.*$/, '').trim();
}

function shortSpeaker(speaker: string): string {
  return speaker.length > speakerChars ? `${speaker.slice(0, speakerChars - 1).trimEnd()}…` : speaker;
}
