import pg from 'pg';
import type { Logger } from '../logger.js';
import { migratePostgres } from './postgres-migrations.js';

const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ);

/** `timestamptz` values read as ISO 8601 text (`2025-01-02T06:00:00.000Z`), as the store port has instants. */
const instantsAsIso: typeof pg.types.getTypeParser = (oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.TIMESTAMPTZ && format !== 'binary' ? (value: string) => (parseTimestamptz(value) as Date).toISOString() : pg.types.getTypeParser(oid, format);

export interface PostgresPoolOptions {
  /** Connections kept open at most (default 10). */
  readonly maxConnections?: number;
  /** Told when an idle connection fails (the server restarted, a network cut); the next query reconnects. */
  readonly logger?: Logger;
}

/**
 * Connects to the Postgres database at `url` (`postgres://user:password@host:port/database`, with
 * `?sslmode=…` as libpq reads it) and brings its schema up to date; every Postgres store of one
 * process shares the pool. Rejects, with the pool closed, when the server cannot be reached or its
 * schema is newer than this Sitrep.
 */
export async function openPostgresPool(url: string, options: PostgresPoolOptions = {}): Promise<pg.Pool> {
  // A server that never answers (a dropped route) fails the start after 10 s instead of hanging it.
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000, types: { getTypeParser: instantsAsIso } });
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', (error) => options.logger?.warn('a database connection failed; it is replaced at the next query', { error: error.message }));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
