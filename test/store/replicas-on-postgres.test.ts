/**
 * Replicas as the digest service sees them: two services, each with its own pool on one Postgres
 * database, as two Sitrep processes would have. Every due slot is posted once across them, and a
 * replica that dies holding claims has its slots posted by the other once the lease is over.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createDigestService, type DigestService } from '../../src/digests/create-digest-service.js';
import { silentLogger } from '../../src/logger.js';
import type { DigestStore, Subscription } from '../../src/store/digest-store.js';
import { openPostgresStore } from '../../src/store/postgres-digest-store.js';
import { dayOne, makeBriefing } from '../digests/support/briefing-fixture.js';
import { createRecordingPoster, type RecordingPoster } from '../digests/support/recording-poster.js';
import { makeTopic, makeTopics } from '../digests/support/topic-fixture.js';
import { useTestPostgres } from './support/use-test-postgres.js';

const postgres = useTestPostgres();
const stores: DigestStore[] = [];
afterAll(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const topics = makeTopics(makeTopic('troops', 'North Korean troops in Russia', makeBriefing(dayOne)));
const count = 100;
const leaseMs = 60_000;
const subscriptions: Subscription[] = Array.from({ length: count }, (_, i) => ({
  id: `chat:slack:C${i}:troops`,
  platform: 'slack',
  channelId: `C${i}`,
  topic: 'troops',
  cron: '0 8 * * *',
  timezone: 'UTC',
  quietWhenUnchanged: false,
  owner: 'chat',
  activeFrom: '2025-01-01T00:00:00.000Z',
}));

async function replica(url: string, poster: RecordingPoster): Promise<DigestService> {
  const store = await openPostgresStore(url, { maxConnections: 4 });
  stores.push(store);
  return createDigestService({ store, topics, posters: [poster], logger: silentLogger, clock: () => new Date(), graceMinutes: 360, policy: { leaseMs } });
}

async function databaseWithSubscriptions(): Promise<string> {
  const url = await postgres().createDatabase();
  const setup = await openPostgresStore(url);
  for (const s of subscriptions) await setup.saveSubscription(s);
  await setup.close();
  return url;
}

describe('two replicas on one Postgres database', () => {
  it(`post each of ${count} digests due in the same minute exactly once between them`, async () => {
    const url = await databaseWithSubscriptions();
    const poster = createRecordingPoster();
    const [a, b] = await Promise.all([replica(url, poster), replica(url, poster)]);
    const now = new Date('2025-06-02T08:00:30Z');
    await Promise.all([a.runDue(now), b.runDue(now), a.runDue(now), b.runDue(now)]);
    expect(poster.posts).toHaveLength(count);
    expect(new Set(poster.posts.map((p) => p.channelId)).size).toBe(count);
    expect(new Set(poster.posts.map((p) => p.deliveryKey)).size).toBe(count);
  });

  it('post the slots a dead replica had claimed once its lease is over, and not before', async () => {
    const url = await databaseWithSubscriptions();
    const now = new Date('2025-06-02T08:00:30Z');
    // The dead replica claimed the first 30 slots and never posted them.
    const dead = await openPostgresStore(url);
    const slot = '2025-06-02T08:00:00.000Z';
    for (const s of subscriptions.slice(0, 30)) await dead.claimSlot(s.id, slot, now, { leaseMs, retryAfterMs: 60_000, maxAttempts: 5 }, `dead-${s.id}`);
    await dead.close();
    const poster = createRecordingPoster();
    const survivor = await replica(url, poster);
    await survivor.runDue(now);
    expect(poster.posts).toHaveLength(count - 30);
    await survivor.runDue(new Date(now.getTime() + leaseMs - 1000));
    expect(poster.posts).toHaveLength(count - 30);
    await survivor.runDue(new Date(now.getTime() + leaseMs));
    expect(poster.posts).toHaveLength(count);
    expect(new Set(poster.posts.map((p) => p.channelId)).size).toBe(count);
    // A taken-over slot keeps the key its first claimer chose, so a platform can dedupe on it.
    expect(poster.posts.filter((p) => p.deliveryKey.startsWith('dead-'))).toHaveLength(30);
  });
});
