import type { Message } from './message.js';

/** A feed that has failed `failureThreshold` polls in a row. */
export interface FailingFeed {
  readonly url: string;
  /** The first failure of the current run. */
  readonly since: Date;
  /** The last error, short and readable (`HTTP 500 Internal Server Error`). */
  readonly error: string;
  readonly failures: number;
}

/** One line for `sources` and notices: which feed, since when, and the last error. */
export function describeFailingFeed(feed: FailingFeed): string {
  const since = feed.since.toISOString().slice(0, 16).replace('T', ' ');
  return `${feed.url} has failed since ${since} UTC (${feed.failures} attempts): ${feed.error}`;
}

/** The notice a digest channel gets when a feed of its topic keeps failing. */
export function renderFailingFeedMessage(topicTitle: string, feed: FailingFeed): Message {
  return {
    title: `A feed of ${topicTitle} is failing`,
    sections: [{ style: 'plain', items: [{ text: describeFailingFeed(feed) }] }],
    footer: 'Sitrep keeps retrying it with backoff; the articles already stored are still briefed.',
    tone: 'error',
  };
}
