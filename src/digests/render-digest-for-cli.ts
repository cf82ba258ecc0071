import { diffBriefings, snapshotWithout } from '../core/diff-briefings.js';
import type { Briefing } from '../core/types.js';
import type { Message } from '../render/message.js';
import { renderDigestMessage, renderUnchangedMessage } from '../render/digest-message.js';

/**
 * Parses `--since` (`2024-11-01`, `2024-11-01T08:00`, `2024-11-01T08:00:00Z`). A date or a time
 * without a zone is read as UTC, so the result does not depend on the machine's zone.
 */
export function parseSince(text: string): Date | { readonly error: string } {
  const trimmed = text.trim();
  const shape = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (!shape) return { error: `--since must be a date like 2024-11-01 or 2024-11-01T08:00Z (got "${text}")` };
  const iso = trimmed.replace(' ', 'T');
  const ms = Date.parse(iso.length === 10 || shape[1] ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? { error: `--since is not a real date: "${text}"` } : new Date(ms);
}

/**
 * The digest for `sitrep digest [--since DATE]`, in UTC. With `since`, the articles published at or
 * after it are the new ones and the digest reports what they changed; undated articles (and dates
 * that cannot be read) count as older, since nothing says they are new. Without `since` there is
 * no baseline: the digest shows where the story stands.
 */
export function renderDigestForCli(topicTitle: string, briefing: Briefing, since?: Date): Message {
  const timeZone = 'UTC';
  if (!since) return renderDigestMessage({ topicTitle, briefing, changes: diffBriefings(undefined, briefing), timeZone });
  const newIds = new Set(
    briefing.sources
      .filter((s) => {
        const published = s.published ? Date.parse(s.published) : NaN;
        return !Number.isNaN(published) && published >= since.getTime();
      })
      .map((s) => s.articleId),
  );
  const changes = diffBriefings(snapshotWithout(briefing, newIds, since.toISOString()), briefing);
  if (changes.unchanged) return renderUnchangedMessage(topicTitle, since, timeZone);
  return renderDigestMessage({ topicTitle, briefing, changes, since, timeZone });
}
