import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { decideClaim } from './decide-claim.js';
import { toDelivery, toPart, toSubscription, type DeliveryRow, type PartRow, type SubscriptionRow } from './store-rows.js';
import type { ChannelTopic, DeliveryStatus, DigestStore, Subscription } from './digest-store.js';
import { parseSnapshot } from './parse-snapshot.js';
import { migrate } from './sqlite-migrations.js';

/**
 * Opens (creating the directory and file if needed) and migrates the SQLite database of
 * subscriptions, deliveries and snapshots. WAL mode, so that readers never wait for the writer;
 * claims run in `BEGIN IMMEDIATE` transactions so two processes on one file cannot both win a slot.
 */
export function openSqliteStore(path: string): DigestStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // A writer waits for another process's transaction this long before SQLITE_BUSY: claims are
  // short, but on a loaded machine (each commit an fsync) a waiter can miss the lock for seconds.
  const db = new Database(path, { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  // A claim must survive a power cut, or a restart could post the same slot again.
  db.pragma('synchronous = FULL');
  migrate(db);

  const q = {
    list: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id'),
    channel: db.prepare<[string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY id'),
    get: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?'),
    save: db.prepare(`INSERT OR REPLACE INTO subscriptions (id, platform, channel_id, topic, cron, timezone, quiet_when_unchanged, owner, created_by, active_from, disabled_reason, disabled_at)
      VALUES (@id, @platform, @channelId, @topic, @cron, @timezone, @quiet, @owner, @createdBy, @activeFrom, @disabledReason, @disabledAt)`),
    remove: db.prepare<[string]>('DELETE FROM subscriptions WHERE id = ?'),
    disable: db.prepare<[string, string, string]>('UPDATE subscriptions SET disabled_reason = ?, disabled_at = ? WHERE id = ?'),
    delivery: db.prepare<[string, string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? AND slot = ?'),
    insertClaim: db.prepare<[string, string, string, string]>(
      `INSERT INTO deliveries (subscription_id, slot, delivery_key, status, attempts, claimed_at) VALUES (?, ?, ?, 'claimed', 1, ?) ON CONFLICT DO NOTHING`,
    ),
    reclaim: db.prepare<[string, string, string]>(`UPDATE deliveries SET status = 'claimed', attempts = attempts + 1, claimed_at = ? WHERE subscription_id = ? AND slot = ?`),
    finish: db.prepare<[DeliveryStatus, string, string | null, string]>('UPDATE deliveries SET status = ?, finished_at = ?, detail = coalesce(?, detail) WHERE delivery_key = ?'),
    deliveries: db.prepare<[string, number], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY slot DESC LIMIT ?'),
    saveBody: db.prepare<[string, string]>('UPDATE deliveries SET body = ? WHERE delivery_key = ? AND body IS NULL'),
    body: db.prepare<[string], { body: string | null }>('SELECT body FROM deliveries WHERE delivery_key = ?'),
    parts: db.prepare<[string], PartRow>('SELECT * FROM delivery_parts WHERE delivery_key = ? ORDER BY part'),
    partPosting: db.prepare<[string, number, string]>(`INSERT INTO delivery_parts (delivery_key, part, status, started_at) VALUES (?, ?, 'posting', ?) ON CONFLICT DO NOTHING`),
    partPosted: db.prepare<[string, number, string, string, string]>(
      `INSERT INTO delivery_parts (delivery_key, part, status, started_at, message_id, posted_at) VALUES (?, ?, 'posted', ?, ?, ?)
       ON CONFLICT (delivery_key, part) DO UPDATE SET status = 'posted', message_id = excluded.message_id, posted_at = excluded.posted_at`,
    ),
    snapshot: db.prepare<[string, string, string], { snapshot: string }>('SELECT snapshot FROM snapshots WHERE platform = ? AND channel_id = ? AND topic = ?'),
    saveSnapshot: db.prepare<[string, string, string, string, string]>('INSERT OR REPLACE INTO snapshots (platform, channel_id, topic, taken_at, snapshot) VALUES (?, ?, ?, ?, ?)'),
  };

  const claim = db.transaction((subscriptionId: string, slot: string, now: Date, policy: Parameters<DigestStore['claimSlot']>[3], newKey: string) => {
    const row = q.delivery.get(subscriptionId, slot);
    const decision = decideClaim(row ? toDelivery(row) : undefined, now, policy);
    if (decision !== 'claim') return { claimed: false as const, reason: decision };
    if (!row) {
      // The unique key (subscription, slot) is the guard of last resort.
      if (q.insertClaim.run(subscriptionId, slot, newKey, now.toISOString()).changes === 0) return { claimed: false as const, reason: 'in-flight' as const };
      return { claimed: true as const, deliveryKey: newKey, attempt: 1 };
    }
    q.reclaim.run(now.toISOString(), subscriptionId, slot);
    return { claimed: true as const, deliveryKey: row.delivery_key, attempt: row.attempts + 1 };
  });
  const finish = async (status: DeliveryStatus, key: string, at: Date, detail: string | undefined): Promise<void> => {
    q.finish.run(status, at.toISOString(), detail ?? null, key);
  };

  return {
    listSubscriptions: async () => q.list.all().map(toSubscription),
    listChannelSubscriptions: async (platform, channelId) => q.channel.all(platform, channelId).map(toSubscription),
    getSubscription: async (id) => {
      const row = q.get.get(id);
      return row ? toSubscription(row) : undefined;
    },
    async saveSubscription(s: Subscription) {
      q.save.run({
        id: s.id,
        platform: s.platform,
        channelId: s.channelId,
        topic: s.topic,
        cron: s.cron,
        timezone: s.timezone,
        quiet: s.quietWhenUnchanged ? 1 : 0,
        owner: s.owner,
        createdBy: s.createdBy ?? null,
        activeFrom: s.activeFrom,
        disabledReason: s.disabled?.reason ?? null,
        disabledAt: s.disabled?.at ?? null,
      });
    },
    removeSubscription: async (id) => q.remove.run(id).changes > 0,
    async disableSubscription(id, reason, at) {
      q.disable.run(reason, at.toISOString(), id);
    },
    claimSlot: async (subscriptionId, slot, now, policy, newKey) => claim.immediate(subscriptionId, slot, now, policy, newKey),
    markDelivered: (key, at, detail) => finish('delivered', key, at, detail),
    markFailed: (key, at, detail) => finish('failed', key, at, detail),
    markAbandoned: (key, at, detail) => finish('abandoned', key, at, detail),
    listDeliveries: async (subscriptionId, limit = 50) => q.deliveries.all(subscriptionId, limit).map(toDelivery),
    async saveDigestBody(key, body) {
      q.saveBody.run(body, key);
    },
    getDigestBody: async (key) => q.body.get(key)?.body ?? undefined,
    listParts: async (key) => q.parts.all(key).map(toPart),
    async markPartPosting(key, part, at) {
      q.partPosting.run(key, part, at.toISOString());
    },
    async markPartPosted(key, part, messageId, at) {
      q.partPosted.run(key, part, at.toISOString(), messageId, at.toISOString());
    },
    getSnapshot: async (c: ChannelTopic) => {
      const row = q.snapshot.get(c.platform, c.channelId, c.topic);
      return row ? parseSnapshot(row.snapshot) : undefined;
    },
    async saveSnapshot(c, snapshot) {
      q.saveSnapshot.run(c.platform, c.channelId, c.topic, snapshot.takenAt, JSON.stringify(snapshot));
    },
    async close() {
      db.close();
    },
  };
}
