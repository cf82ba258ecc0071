import type pg from 'pg';
import { decideClaim } from './decide-claim.js';
import { toDelivery, toPart, toSubscription, type DeliveryRow, type PartRow, type SubscriptionRow } from './store-rows.js';
import type { ChannelTopic, ClaimPolicy, ClaimResult, DeliveryStatus, DigestStore } from './digest-store.js';
import { toSnapshot } from './parse-snapshot.js';
import { openPostgresPool, type PostgresPoolOptions } from './open-postgres-pool.js';

/**
 * Claims a slot so that of any number of processes exactly one wins it: a fresh slot is one
 * `INSERT … ON CONFLICT DO NOTHING` (the primary key decides); an existing one is re-read under
 * `FOR UPDATE`, so that one claimer at a time applies the shared `decideClaim` to its lease.
 */
async function claimSlot(pool: pg.Pool, subscriptionId: string, slot: string, now: Date, policy: ClaimPolicy, newKey: string): Promise<ClaimResult> {
  const inserted = await pool.query(
    `INSERT INTO deliveries (subscription_id, slot, delivery_key, status, attempts, claimed_at) VALUES ($1, $2, $3, 'claimed', 1, $4)
     ON CONFLICT (subscription_id, slot) DO NOTHING`,
    [subscriptionId, slot, newKey, now],
  );
  if (inserted.rowCount === 1) return { claimed: true, deliveryKey: newKey, attempt: 1 };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = $1 AND slot = $2 FOR UPDATE', [subscriptionId, slot]);
    const row = rows[0];
    const decision = decideClaim(row ? toDelivery(row) : undefined, now, policy);
    if (!row || decision !== 'claim') {
      await client.query('COMMIT');
      // A row that vanished between the two statements was removed by hand: leave the slot alone.
      return { claimed: false, reason: decision === 'claim' ? 'in-flight' : decision };
    }
    await client.query(`UPDATE deliveries SET status = 'claimed', attempts = attempts + 1, claimed_at = $1 WHERE subscription_id = $2 AND slot = $3`, [now, subscriptionId, slot]);
    await client.query('COMMIT');
    return { claimed: true, deliveryKey: row.delivery_key, attempt: row.attempts + 1 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Opens a pool on `url` (migrated) and the digest store on it; closing the store ends the pool. */
export async function openPostgresStore(url: string, options: PostgresPoolOptions = {}): Promise<DigestStore> {
  return createPostgresDigestStore(await openPostgresPool(url, options));
}

/**
 * The digest store on a migrated pool (`openPostgresPool`). Many Sitrep processes may share one
 * database: claims are decided in it, not in memory. Closing the store ends the pool.
 */
export function createPostgresDigestStore(pool: pg.Pool): DigestStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<R[]> => (await pool.query<R>(sql, values)).rows;
  const run = async (sql: string, values: unknown[]): Promise<number> => (await pool.query(sql, values)).rowCount ?? 0;
  const finish = async (status: DeliveryStatus, key: string, at: Date, detail: string | undefined): Promise<void> => {
    await run('UPDATE deliveries SET status = $1, finished_at = $2, detail = coalesce($3, detail) WHERE delivery_key = $4', [status, at, detail ?? null, key]);
  };

  return {
    listSubscriptions: async () => (await rows<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id', [])).map(toSubscription),
    listChannelSubscriptions: async (platform, channelId) =>
      (await rows<SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY id', [platform, channelId])).map(toSubscription),
    async getSubscription(id) {
      const [row] = await rows<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1', [id]);
      return row ? toSubscription(row) : undefined;
    },
    async saveSubscription(s) {
      await run(
        `INSERT INTO subscriptions (id, platform, channel_id, topic, cron, timezone, quiet_when_unchanged, owner, created_by, active_from, disabled_reason, disabled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, channel_id = excluded.channel_id, topic = excluded.topic, cron = excluded.cron,
           timezone = excluded.timezone, quiet_when_unchanged = excluded.quiet_when_unchanged, owner = excluded.owner, created_by = excluded.created_by,
           active_from = excluded.active_from, disabled_reason = excluded.disabled_reason, disabled_at = excluded.disabled_at`,
        [s.id, s.platform, s.channelId, s.topic, s.cron, s.timezone, s.quietWhenUnchanged, s.owner, s.createdBy ?? null, s.activeFrom, s.disabled?.reason ?? null, s.disabled?.at ?? null],
      );
    },
    removeSubscription: async (id) => (await run('DELETE FROM subscriptions WHERE id = $1', [id])) > 0,
    async disableSubscription(id, reason, at) {
      await run('UPDATE subscriptions SET disabled_reason = $1, disabled_at = $2 WHERE id = $3', [reason, at, id]);
    },
    claimSlot: (subscriptionId, slot, now, policy, newKey) => claimSlot(pool, subscriptionId, slot, now, policy, newKey),
    markDelivered: (key, at, detail) => finish('delivered', key, at, detail),
    markFailed: (key, at, detail) => finish('failed', key, at, detail),
    markAbandoned: (key, at, detail) => finish('abandoned', key, at, detail),
    listDeliveries: async (subscriptionId, limit = 50) =>
      (await rows<DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY slot DESC LIMIT $2', [subscriptionId, limit])).map(toDelivery),
    async saveDigestBody(key, body) {
      await run('UPDATE deliveries SET body = $1 WHERE delivery_key = $2 AND body IS NULL', [body, key]);
    },
    getDigestBody: async (key) => (await rows<{ body: string | null }>('SELECT body FROM deliveries WHERE delivery_key = $1', [key]))[0]?.body ?? undefined,
    listParts: async (key) => (await rows<PartRow>('SELECT * FROM delivery_parts WHERE delivery_key = $1 ORDER BY part', [key])).map(toPart),
    async markPartPosting(key, part, at) {
      await run(`INSERT INTO delivery_parts (delivery_key, part, status, started_at) VALUES ($1, $2, 'posting', $3) ON CONFLICT DO NOTHING`, [key, part, at]);
    },
    async markPartPosted(key, part, messageId, at) {
      await run(
        `INSERT INTO delivery_parts (delivery_key, part, status, started_at, message_id, posted_at) VALUES ($1, $2, 'posted', $3, $4, $3)
         ON CONFLICT (delivery_key, part) DO UPDATE SET status = 'posted', message_id = excluded.message_id, posted_at = excluded.posted_at`,
        [key, part, at, messageId],
      );
    },
    async getSnapshot(c: ChannelTopic) {
      const [row] = await rows<{ snapshot: unknown }>('SELECT snapshot FROM snapshots WHERE platform = $1 AND channel_id = $2 AND topic = $3', [c.platform, c.channelId, c.topic]);
      return row ? toSnapshot(row.snapshot) : undefined;
    },
    async saveSnapshot(c, snapshot) {
      await run(
        `INSERT INTO snapshots (platform, channel_id, topic, taken_at, snapshot) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, channel_id, topic) DO UPDATE SET taken_at = excluded.taken_at, snapshot = excluded.snapshot`,
        [c.platform, c.channelId, c.topic, snapshot.takenAt, JSON.stringify(snapshot)],
      );
    },
    close: () => pool.end(),
  };
}
