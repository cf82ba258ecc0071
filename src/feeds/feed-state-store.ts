import { z } from 'zod';
import type { Topic } from '../topics/topic-library.js';

/** A feed item whose page failed: kept so it is retried (with backoff) even when the feed answers 304. */
export const pendingItemSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().optional(),
  published: z.string().optional(),
  source: z.string().optional(),
  failures: z.number().int().min(0),
  nextAttemptAt: z.string(),
  error: z.string(),
});

/** What Sitrep remembers about one feed between polls and restarts. */
export const feedStateSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Item ids and canonical URLs already stored (or found to be duplicates), newest last. */
  seen: z.array(z.string()).default([]),
  /** Consecutive failed polls; 0 after a good answer. */
  failures: z.number().int().min(0).default(0),
  lastError: z.string().optional(),
  /** First failure of the current run of failures (ISO). */
  failingSince: z.string().optional(),
  /** The current run of failures has been reported through `onFeedFailing`. */
  reported: z.boolean().default(false),
  lastAttemptAt: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  /** Not polled before this time (ISO): the interval, or the backoff after failures. */
  nextAttemptAt: z.string().optional(),
  pending: z.array(pendingItemSchema).default([]),
});

export const topicFeedStateSchema = z.object({
  version: z.literal(1).default(1),
  feeds: z.record(z.string(), feedStateSchema).default({}),
});

export type PendingItem = z.infer<typeof pendingItemSchema>;
export type FeedState = z.infer<typeof feedStateSchema>;
export type TopicFeedState = z.infer<typeof topicFeedStateSchema>;

/** Where feed state lives: a dot-file in the topic folder by default, anything else by injection. */
export interface FeedStateStore {
  load(topic: Topic): Promise<TopicFeedState>;
  save(topic: Topic, state: TopicFeedState): Promise<void>;
}

export function emptyFeedState(): FeedState {
  return feedStateSchema.parse({});
}
