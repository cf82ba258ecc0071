import type { Pool } from 'pg';
import type { Logger } from '../logger.js';
import type { SeenRequests } from './seen-requests.js';

export interface PostgresSeenRequestsOptions {
  /** Least time between two sweeps of expired rows (default 60 s). */
  readonly sweepEveryMs?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** Told when a sweep fails (the next one retries). */
  readonly logger?: Logger;
}

/**
 * Seen signatures in the `slack_seen_requests` table, shared by every replica on the database: a
 * signature is claimed by inserting its row, so of two replicas offered the same one at once,
 * exactly one inserts it (first sighting) and the other finds the conflict. Rows past their expiry
 * are deleted now and then, by whichever call comes after the sweep interval, without awaiting it.
 */
export function createPostgresSeenRequests(pool: Pool, options: PostgresSeenRequestsOptions = {}): SeenRequests {
  const sweepEveryMs = options.sweepEveryMs ?? 60_000;
  const now = options.now ?? Date.now;
  let nextSweep = 0;

  const sweep = (at: number): void => {
    if (at < nextSweep) return;
    nextSweep = at + sweepEveryMs;
    pool.query('DELETE FROM slack_seen_requests WHERE expires_at <= $1', [new Date(at)]).catch((error: unknown) => {
      options.logger?.warn('expired Slack request signatures could not be deleted', { error: error instanceof Error ? error.message : String(error) });
    });
  };

  return {
    async firstSighting(signature, expiresAt) {
      sweep(now());
      const result = await pool.query('INSERT INTO slack_seen_requests (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING', [signature, expiresAt]);
      return result.rowCount === 1;
    },
  };
}
