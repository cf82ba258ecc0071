/**
 * Digest figures for `npm run bench`: what a minute's sweep costs with many subscriptions, how fast
 * the slot evaluator walks a year, and how many slot claims SQLite commits a second (each one
 * synchronous=FULL, as exactly-once needs). The lead's runner prints the returned record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTopic, type TopicLibrary } from '../src/topics/topic-library.js';
import { createDigestService } from '../src/digests/create-digest-service.js';
import { dueSlots, latestSlot } from '../src/digests/due-slots.js';
import { silentLogger } from '../src/logger.js';
import { createMemoryDigestStore } from '../src/store/memory-digest-store.js';
import { openSqliteStore } from '../src/store/sqlite-digest-store.js';
import type { Subscription } from '../src/store/digest-store.js';
import { ms, percentiles, time } from './support.js';

const seedDir = fileURLToPath(new URL('../briefings/north-korea-troops', import.meta.url));
const yukosDir = fileURLToPath(new URL('../test/fixtures/yukos', import.meta.url));
const topicCount = 10;
const zones = ['UTC', 'Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo'];

const measure = async (fn: () => Promise<void>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** Runs the digest benchmarks; every value is a display string or a number. */
export async function benchDigests(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const yearFrom = new Date('2025-01-01T00:00:00Z');
  const yearTo = new Date('2026-01-01T00:00:00Z');
  const year = percentiles(time(() => dueSlots('0 8 * * *', 'Europe/Kyiv', yearFrom, yearTo), 20, 2));
  out['dueSlots: a year of daily slots, Europe/Kyiv (p50)'] = ms(year.p50);
  const every5 = percentiles(time(() => dueSlots('*/5 * * * *', 'America/New_York', yearFrom, new Date('2025-01-08T00:00:00Z')), 20, 2));
  out['dueSlots: a week of 5-minute slots (p50)'] = ms(every5.p50);
  const latest = percentiles(time(() => latestSlot('0 8 * * *', 'Asia/Kolkata', new Date('2025-06-01T00:00:00Z'), new Date('2025-06-01T06:00:00Z')), 2000, 100));
  out['latestSlot: one subscription, 6-hour window (mean)'] = `${(latest.mean * 1000).toFixed(1)} µs`;

  // Ten topics, each loaded and briefed on its own (the two bundled stories, alternately).
  const loaded = new Map<string, Awaited<ReturnType<typeof loadTopic>>>();
  for (let t = 0; t < topicCount; t++) loaded.set(`topic-${t}`, await loadTopic(t % 2 ? yukosDir : seedDir, `topic-${t}`));
  const names = [...loaded.keys()];
  const topics: TopicLibrary = { names: () => names, defaultName: () => names[0]!, get: (name) => loaded.get(name), reload: async (name) => loaded.get(name), update: async () => undefined, put: () => undefined };
  const count = 1000;
  const store = createMemoryDigestStore();
  for (let i = 0; i < count; i++) {
    const sub: Subscription = { id: `s${i}`, platform: 'slack', channelId: `C${i}`, topic: `topic-${i % topicCount}`, cron: `${i % 60} 8 * * *`, timezone: zones[i % zones.length]!, quietWhenUnchanged: false, owner: 'chat', activeFrom: '2025-01-01T00:00:00.000Z' };
    await store.saveSubscription(sub);
  }
  let posts = 0;
  const poster = { platform: 'slack' as const, post: async () => (posts++, { ok: true as const, messageIds: [] }) };
  const service = createDigestService({ store, topics, posters: [poster], logger: silentLogger, clock: () => new Date(), graceMinutes: 24 * 60 });
  const now = new Date('2025-06-02T12:00:00Z');
  out[`runDue: ${count} subscriptions across ${topicCount} topics, all due (compose + post, memory store)`] = ms(await measure(() => service.runDue(now)));
  out['runDue: digests posted'] = posts;
  out[`runDue: ${count} subscriptions, nothing due (the minute sweep)`] = ms(await measure(() => service.runDue(new Date(now.getTime() + 60_000))));

  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'bench.sqlite'));
    const policy = { leaseMs: 600_000, retryAfterMs: 60_000, maxAttempts: 5 };
    const n = 2000;
    const elapsed = await measure(async () => {
      for (let i = 0; i < n; i++) {
        const claim = await sqlite.claimSlot('s', new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), now, policy, `k${i}`);
        if (claim.claimed) await sqlite.markDelivered(claim.deliveryKey, now);
      }
    });
    await sqlite.close();
    out['SQLite: slots claimed and marked delivered per second (WAL, synchronous=FULL)'] = Math.round((n / elapsed) * 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
