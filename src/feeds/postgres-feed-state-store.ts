import type pg from 'pg';
import type { Logger } from '../logger.js';
import { topicFeedStateSchema, type FeedStateStore } from './feed-state-store.js';

/**
 * Keeps each topic's feed state in the `feed_states` table of the Postgres database (on a pool
 * from `openPostgresPool`, which creates the table), keyed by topic name, so that every replica
 * reads what the last poll saved. A row that no longer validates is logged and replaced at the
 * next save, as the JSON file is.
 */
export function createPostgresFeedStateStore(pool: pg.Pool, logger: Logger): FeedStateStore {
  return {
    async load(topic) {
      const { rows } = await pool.query<{ state: unknown }>('SELECT state FROM feed_states WHERE topic = $1', [topic.name]);
      if (!rows[0]) return topicFeedStateSchema.parse({});
      const parsed = topicFeedStateSchema.safeParse(rows[0].state);
      if (parsed.success) return parsed.data;
      logger.warn('feed state is invalid; starting fresh', { topic: topic.name, issue: parsed.error.issues[0]?.message });
      return topicFeedStateSchema.parse({});
    },
    async save(topic, state) {
      await pool.query(
        `INSERT INTO feed_states (topic, state, saved_at) VALUES ($1, $2, now())
         ON CONFLICT (topic) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at`,
        [topic.name, JSON.stringify(state)],
      );
    },
  };
}
