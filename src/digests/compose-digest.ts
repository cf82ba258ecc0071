import { diffBriefings, snapshotBriefing, type Changes, type DigestSnapshot } from '../core/diff-briefings.js';
import type { Briefing } from '../core/types.js';
import type { Message } from '../render/message.js';
import { buildDigestMessage, buildUnchangedMessage } from './digest-message.js';

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
      ...(options.quietWhenUnchanged ? {} : { message: buildUnchangedMessage(topic.title, since, options.timeZone) }),
    };
  }
  return {
    changes,
    snapshot: snapshotBriefing(topic.briefing, options.now.toISOString()),
    message: buildDigestMessage({ topicTitle: topic.title, briefing: topic.briefing, changes, timeZone: options.timeZone, ...(since ? { since } : {}) }),
  };
}
