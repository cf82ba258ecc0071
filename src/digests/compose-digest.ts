import { diffBriefings, snapshotBriefing, type Changes, type DigestSnapshot } from '../core/diff-briefings.js';
import type { Briefing } from '../core/types.js';
import type { Summaries } from '../llm/create-summaries.js';
import { withSummary } from '../llm/summary-section.js';
import { pickChartSeries } from '../render/chart/chart-series.js';
import type { Message } from '../render/message.js';
import { renderDigestMessage, renderUnchangedMessage } from '../render/digest-message.js';

export interface ComposedDigest {
  /** Absent when nothing changed and the subscription is quiet. */
  readonly message?: Message;
  readonly changes: Changes;
  /** What to remember once the message is delivered: the previous snapshot when nothing changed. */
  readonly snapshot: DigestSnapshot;
}

export interface ComposeOptions {
  readonly timeZone: string;
  readonly quietWhenUnchanged: boolean;
  /** When the digest goes out: the snapshot's `takenAt`. */
  readonly now: Date;
}

/** The digest with the chart of the story's main series, when it has two values or more (posted after the text). */
function withMainChart(message: Message, briefing: Briefing): Message {
  const chart = pickChartSeries(briefing);
  return chart ? { ...message, chart } : message;
}

/**
 * One channel's digest of one topic, from what the channel was last told. When nothing changed
 * the snapshot is kept as it was, so that the next "no new reporting since …" still names the
 * last digest that had news.
 */
export function composeDigest(topic: { readonly title: string; readonly briefing: Briefing }, previous: DigestSnapshot | undefined, options: ComposeOptions): ComposedDigest {
  const changes = diffBriefings(previous, topic.briefing);
  const since = previous ? new Date(previous.takenAt) : undefined;
  if (previous && changes.unchanged) {
    return {
      changes,
      snapshot: previous,
      ...(options.quietWhenUnchanged ? {} : { message: renderUnchangedMessage(topic.title, since, options.timeZone) }),
    };
  }
  return {
    changes,
    snapshot: snapshotBriefing(topic.briefing, options.now.toISOString()),
    message: withMainChart(renderDigestMessage({ topicTitle: topic.title, briefing: topic.briefing, changes, timeZone: options.timeZone, ...(since ? { since } : {}) }), topic.briefing),
  };
}

/**
 * The digest opened by a checked summary of the story when a model is configured. A digest that
 * only says nothing changed gets none; a model that fails or is slow (bounded by LLM_TIMEOUT_MS)
 * leaves the digest as composed.
 */
export async function withDigestSummary(composed: ComposedDigest, topic: { readonly title: string; readonly briefing: Briefing }, summaries: Summaries | undefined): Promise<ComposedDigest> {
  if (!summaries || !composed.message || composed.changes.unchanged) return composed;
  return { ...composed, message: withSummary(composed.message, await summaries.forBriefing(topic.title, topic.briefing)) };
}
