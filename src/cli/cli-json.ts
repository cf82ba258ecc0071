/** The JSON shapes of `--json` / `--format json`: a contract other tools rely on, keep them stable. */
import type { Briefing, TimelineEntry } from '../core/types.js';

export function entryJson(e: TimelineEntry): Record<string, unknown> {
  return {
    value: e.value,
    display: e.display,
    kind: e.kind,
    qualifier: e.qualifier,
    speaker: e.speaker,
    via: e.via,
    when: e.when,
    superseded: e.superseded,
    citations: e.figures.map((f) => ({ article: f.citation.articleId, quote: f.citation.quote, counts: f.counts })),
  };
}

export function timelineJson(t: Briefing['timelines'][number]): Record<string, unknown> {
  return {
    quantity: t.quantity,
    label: t.label,
    unit: t.unit,
    latest: Object.fromEntries(Object.entries(t.latest).map(([k, e]) => [k, entryJson(e)])),
    entries: t.entries.map(entryJson),
    disagreements: t.disagreements.map((g) => g.map(entryJson)),
  };
}

export function briefingJson(title: string, b: Briefing): Record<string, unknown> {
  return {
    title,
    keyPoints: b.keyPoints.map((p) => ({ text: p.text, sourceCount: p.sourceCount, fresh: p.fresh, keep: p.keep, citations: p.citations })),
    timelines: b.timelines.map(timelineJson),
    sources: b.sources,
  };
}
