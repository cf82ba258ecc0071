import { keyNumbersOf } from '../core/timeline-set.js';
import type { Briefing, KeyPoint } from '../core/types.js';
import { renderText } from './render-text.js';
import { topPoints } from './top-points.js';
import { briefTimeline, formatEntry, leadLine, pointText, sourceRefs, summarizeTimeline } from './figure-format.js';
import { secondReferences } from './second-references.js';
import { compactSourceLabel, publishedSpan } from './source-label.js';
import type { Message, MessageItem } from './message.js';
import { plural } from '../shared/plural.js';

function sourceItems(briefing: Briefing): MessageItem[] {
  return briefing.sources.map((s) => ({ text: `[${s.number}] ${s.label}` }));
}

/**
 * A brief is read first thing, in a minute or two: points, numbers and sources together take at
 * most this many words (counted as the console shows them). Past it, the points a shorter brief
 * would leave out first (`KeyPoint.keep`) go, down to `fewestPoints`.
 */
export const briefWords = 450;
const fewestPoints = 3;

/** The briefing: the state of the story, key points with their sources, the key numbers, the sources in short. */
export function renderBriefingMessage(title: string, briefing: Briefing, maxWords = briefWords): Message {
  let points = briefing.keyPoints;
  let message = briefingMessage(title, briefing, points);
  while (points.length > fewestPoints && wordsOf(renderText(message)) > maxWords) {
    points = topPoints(points, points.length - 1);
    message = briefingMessage(title, briefing, points);
  }
  return message;
}

function wordsOf(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function briefingMessage(title: string, briefing: Briefing, keyPoints: readonly KeyPoint[]): Message {
  const texts = secondReferences(keyPoints.map(pointText));
  const points = keyPoints.map((p, k) => ({ text: texts[k]!, note: sourceRefs(briefing, p.citations.map((c) => c.articleId)) }));
  const shown = keyNumbersOf(briefing.timelines);
  // The state of the story is the main quantity whose latest value no source has called superseded;
  // a size of the event (a quake's magnitude) is no state that moves.
  const moving = shown.filter((t) => !t.fixed && !t.unreconciled?.includes('estimate'));
  const leading = moving.find((t) => t.latest.estimate && !t.latest.estimate.superseded) ?? moving[0];
  const lead = leadLine(briefing, leading);
  // Every fact once: the lead quantity's line keeps only what the lead line does not say, and goes if that is nothing.
  const numbers = shown
    .map((t) => ({ label: t.label, text: briefTimeline(briefing, t, lead !== undefined && t === leading) }))
    .filter((n) => n.text);
  return {
    title,
    // The counts of points and numbers are there to see; when the reporting ran is not.
    subtitle: [plural(briefing.sources.length, 'article'), publishedSpan(briefing.sources)].filter(Boolean).join(', '),
    sections: [
      ...(lead ? [{ heading: 'Latest', style: 'plain' as const, items: [{ text: lead }] }] : []),
      { heading: 'Key points', style: 'list', items: points.length ? points : [{ text: 'No key points: the set has no usable sentences.' }] },
      ...(numbers.length ? [{ heading: 'Key numbers', style: 'fields' as const, items: numbers }] : []),
      { heading: 'Sources', style: 'plain', items: compactSources(briefing) },
    ],
    footer: 'More: /ask <question>, /numbers.',
    tone: 'normal',
  };
}

function compactSources(briefing: Briefing): MessageItem[] {
  const years = new Set(briefing.sources.map((s) => s.published?.slice(0, 4)).filter(Boolean));
  return briefing.sources.map((s) => ({ text: `[${s.number}] ${compactSourceLabel(s, years.size > 1)}`, ...(s.url ? { url: s.url } : {}) }));
}

/** Every quantity with its full timeline, oldest value first. */
export function renderNumbersMessage(title: string, briefing: Briefing): Message {
  const items = briefing.timelines.map((t) => ({
    label: `${t.label}${t.unit && t.unit !== '%' ? ` (${t.unit})` : ''}`,
    text: t.entries.map((e) => `${e.kind}${e.superseded ? ' (superseded)' : ''}: ${formatEntry(briefing, e)}`).join('\n'),
    note: summarizeTimeline(briefing, t),
  }));
  return {
    title: `Key numbers: ${title}`,
    subtitle: `${plural(items.length, 'quantity', 'quantities')} · ${plural(briefing.figures.length, 'figure')} in ${plural(briefing.sources.length, 'article')}`,
    sections: [
      items.length ? { style: 'fields', items } : { style: 'plain', items: [{ text: 'The articles give no figures.' }] },
      { heading: 'Sources', style: 'plain', items: sourceItems(briefing) },
    ],
    tone: 'normal',
  };
}

/** A file of the set with something wrong: skipped, or read with a field left out (`kept`). */
export interface FileProblem {
  readonly path: string;
  readonly reason: string;
  readonly kept?: true;
}

/**
 * Sources, then what is wrong with the set: files skipped at reading, files read with a field
 * left out, feeds failing to fetch.
 */
export function renderSourcesMessage(title: string, briefing: Briefing, problems: readonly FileProblem[], failingFeeds: readonly string[] = []): Message {
  const lines = (kept: boolean) => problems.filter((p) => Boolean(p.kept) === kept).map((p) => ({ text: `${p.path}: ${p.reason}` }));
  const skipped = lines(false);
  const warned = lines(true);
  return {
    title: `Sources: ${title}`,
    subtitle: plural(briefing.sources.length, 'article'),
    sections: [
      { style: 'list', items: briefing.sources.map((s) => ({ text: s.label, note: `${s.origin}${s.url ? ` · ${s.url}` : ''}` })) },
      ...(skipped.length ? [{ heading: 'Skipped files', style: 'plain' as const, items: skipped }] : []),
      ...(warned.length ? [{ heading: 'Read with a warning', style: 'plain' as const, items: warned }] : []),
      ...(failingFeeds.length ? [{ heading: 'Failing feeds', style: 'plain' as const, items: failingFeeds.map((text) => ({ text })) }] : []),
    ],
    tone: 'normal',
  };
}
