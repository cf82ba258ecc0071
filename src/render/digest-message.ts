import type { Changes, FigureChange } from '../core/diff-briefings.js';
import { figureKinds, type Briefing, type KeyPoint } from '../core/types.js';
import { secondReferences } from './second-references.js';
import { entryArticles, formatEntry, kindLabel, pointText, sourceRefs } from './figure-format.js';
import type { Message, MessageItem, MessageSection } from './message.js';
import { formatInstant } from './schedule-words.js';
import { topPoints } from './top-points.js';
import { plural } from '../shared/plural.js';

/** What one digest is built from. */
export interface DigestInput {
  readonly topicTitle: string;
  readonly briefing: Briefing;
  readonly changes: Changes;
  /** When the previous digest went out: the start of the period (absent for a first digest). */
  readonly since?: Date;
  /** Zone the period is shown in. */
  readonly timeZone: string;
}

/** How much of each part a digest shows: a message read in about a minute. */
const limits = { figures: 8, newPoints: 5, newArticles: 8, numbers: 5, points: 5 };

/** `volunteers estimate: 400, up from 250 — fire service` */
export function describeFigureChange(change: FigureChange): string {
  const { timeline, kind, entry, previous } = change;
  const value = [entry.qualifier, entry.display].filter(Boolean).join(' ');
  // A size of the event has no history: a new value is one more source differing.
  const was = previous ? (timeline.fixed ? `; sources differ, earlier reported ${previous.display}` : `, ${change.direction} from ${previous.display}`) : '';
  return `${timeline.label} ${kind}${previous ? '' : ' (new)'}: ${value}${was}${entry.speaker ? ` — ${entry.speaker}` : ''}`;
}

/** A list of points as the digest shows them, a titled person named alone after the first time (`secondReferences`). */
function pointItems(briefing: Briefing, points: readonly KeyPoint[]): MessageItem[] {
  const texts = secondReferences(points.map(pointText));
  return points.map((p, k) => ({ text: texts[k]!, note: `${plural(p.sourceCount, 'source')} ${sourceRefs(briefing, p.citations.map((c) => c.articleId))}` }));
}

function changedSections(input: DigestInput): MessageSection[] {
  const { briefing, changes } = input;
  const heading = (name: string, total: number, shown: number): string => (total > shown ? `${name} (${shown} of ${total})` : name);
  const figures = changes.figures.slice(0, limits.figures).map((c) => {
    const when = [c.entry.via ? `via ${c.entry.via}` : '', c.entry.when].filter(Boolean).join(', ');
    return { text: describeFigureChange(c), note: `${when ? `${when} ` : ''}${sourceRefs(briefing, entryArticles(c.entry))}` };
  });
  const sections: MessageSection[] = [];
  if (figures.length) sections.push({ heading: heading('New and revised figures', changes.figures.length, figures.length), style: 'list', items: figures });
  const points = pointItems(briefing, changes.newPoints.slice(0, limits.newPoints));
  if (points.length) sections.push({ heading: heading('New key points', changes.newPoints.length, points.length), style: 'list', items: points });
  const articles = changes.newArticles.slice(0, limits.newArticles).map((s) => ({ text: `[${s.number}] ${s.label}` }));
  if (articles.length) sections.push({ heading: heading('New articles', changes.newArticles.length, articles.length), style: 'plain', items: articles });
  return sections;
}

function currentSections(briefing: Briefing, skipPoints: ReadonlySet<KeyPoint>): MessageSection[] {
  const numbers = briefing.timelines.slice(0, limits.numbers).map((t) => ({
    label: t.label,
    text: figureKinds
      .flatMap((kind) => {
        const entry = t.latest[kind];
        return entry ? [`${kindLabel[kind]}: ${formatEntry(briefing, entry)}`] : [];
      })
      .join('\n'),
  }));
  const points = pointItems(briefing, topPoints(briefing.keyPoints.filter((p) => !skipPoints.has(p)), limits.points));
  return [
    ...(numbers.length ? [{ heading: 'Key numbers', style: 'fields' as const, items: numbers }] : []),
    ...(points.length ? [{ heading: 'Top points', style: 'list' as const, items: points }] : []),
  ];
}

/** The sources a message cites, in source-list order. */
function citedSources(briefing: Briefing, sections: readonly MessageSection[]): MessageItem[] {
  const cited = new Set<number>();
  for (const s of sections) for (const item of s.items) for (const m of `${item.text} ${item.note ?? ''}`.matchAll(/\[(\d+)\]/g)) cited.add(Number(m[1]));
  return briefing.sources.filter((s) => cited.has(s.number)).map((s) => ({ text: `[${s.number}] ${s.label}${s.url ? ` · ${s.url}` : ''}` }));
}

/**
 * The digest as a neutral message: the period, what changed since the last digest (new and
 * revised figures, new key points, new articles), then where the story stands (key numbers and
 * top points) and the sources cited. A first digest (no previous one) shows the current state only.
 */
export function renderDigestMessage(input: DigestInput): Message {
  const { briefing, changes } = input;
  const changed = changes.first ? [] : changedSections(input);
  const current = currentSections(briefing, new Set(changes.newPoints));
  const sources = citedSources(briefing, [...changed, ...current]);
  const counts = changes.first
    ? [plural(briefing.sources.length, 'article'), plural(briefing.timelines.length, 'key number')]
    : [
        plural(changes.newArticles.length, 'new article'),
        ...(changes.figures.length ? [plural(changes.figures.length, 'new or revised figure')] : []),
        ...(changes.newPoints.length ? [plural(changes.newPoints.length, 'new key point')] : []),
      ];
  const period = input.since ? `Since ${formatInstant(input.since, input.timeZone)} (${input.timeZone})` : 'Where the story stands';
  return {
    title: `Digest: ${input.topicTitle}`,
    subtitle: [period, ...counts].join(' · '),
    sections: [...changed, ...current, ...(sources.length ? [{ heading: 'Sources', style: 'plain' as const, items: sources }] : [])],
    footer: 'The full briefing: /brief · ask a question: /ask <question>',
    tone: 'normal',
  };
}

/** The one-line digest for a period with nothing new. */
export function renderUnchangedMessage(topicTitle: string, since: Date | undefined, timeZone: string): Message {
  const when = since ? ` since ${formatInstant(since, timeZone)} (${timeZone})` : '';
  return { title: `Digest: ${topicTitle}`, sections: [{ style: 'plain', items: [{ text: `No new reporting${when}.` }] }], tone: 'normal' };
}
