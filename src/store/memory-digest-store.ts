import type { DigestSnapshot } from '../core/diff-briefings.js';
import { decideClaim } from './decide-claim.js';
import type { ChannelTopic, Delivery, DeliveryStatus, DigestStore, PartDelivery, Subscription } from './digest-store.js';

const channelKey = (c: ChannelTopic): string => `${c.platform}\n${c.channelId}\n${c.topic}`;

/**
 * The in-memory twin of the SQLite store: the same contract (and the same contract tests), for
 * tests and for runs without a database. Nothing survives the process.
 */
export function createMemoryDigestStore(): DigestStore {
  const subscriptions = new Map<string, Subscription>();
  const deliveries = new Map<string, Delivery>();
  const snapshots = new Map<string, DigestSnapshot>();
  const bodies = new Map<string, string>();
  const parts = new Map<string, PartDelivery>();
  const partKey = (key: string, part: number): string => `${key}\n${part}`;
  const byKey = (key: string): [string, Delivery] | undefined => [...deliveries].find(([, d]) => d.deliveryKey === key);
  const finish = (key: string, status: DeliveryStatus, at: Date, detail: string | undefined): void => {
    const found = byKey(key);
    if (!found) return;
    const [k, d] = found;
    deliveries.set(k, { ...d, status, finishedAt: at.toISOString(), ...(detail !== undefined ? { detail } : {}) });
  };

  return {
    listSubscriptions: async () => [...subscriptions.values()].sort((a, b) => a.id.localeCompare(b.id)),
    listChannelSubscriptions: async (platform, channelId) =>
      [...subscriptions.values()].filter((s) => s.platform === platform && s.channelId === channelId).sort((a, b) => a.id.localeCompare(b.id)),
    getSubscription: async (id) => subscriptions.get(id),
    async saveSubscription(s) {
      subscriptions.set(s.id, s);
    },
    removeSubscription: async (id) => subscriptions.delete(id),
    async disableSubscription(id, reason, at) {
      const s = subscriptions.get(id);
      if (s) subscriptions.set(id, { ...s, disabled: { reason, at: at.toISOString() } });
    },
    async claimSlot(subscriptionId, slot, now, policy, newKey) {
      const k = `${subscriptionId}\n${slot}`;
      const existing = deliveries.get(k);
      const decision = decideClaim(existing, now, policy);
      if (decision !== 'claim') return { claimed: false, reason: decision };
      const attempts = (existing?.attempts ?? 0) + 1;
      const deliveryKey = existing?.deliveryKey ?? newKey;
      deliveries.set(k, { subscriptionId, slot, deliveryKey, status: 'claimed', attempts, claimedAt: now.toISOString(), ...(existing?.detail ? { detail: existing.detail } : {}) });
      return { claimed: true, deliveryKey, attempt: attempts };
    },
    markDelivered: async (key, at, detail) => finish(key, 'delivered', at, detail),
    markFailed: async (key, at, detail) => finish(key, 'failed', at, detail),
    markAbandoned: async (key, at, detail) => finish(key, 'abandoned', at, detail),
    listDeliveries: async (subscriptionId, limit = 50) =>
      [...deliveries.values()].filter((d) => d.subscriptionId === subscriptionId).sort((a, b) => b.slot.localeCompare(a.slot)).slice(0, limit),
    async saveDigestBody(key, body) {
      if (byKey(key) && !bodies.has(key)) bodies.set(key, body);
    },
    getDigestBody: async (key) => bodies.get(key),
    listParts: async (key) => [...parts.values()].filter((p) => p.deliveryKey === key).sort((a, b) => a.part - b.part),
    async markPartPosting(key, part, at) {
      if (!parts.has(partKey(key, part))) parts.set(partKey(key, part), { deliveryKey: key, part, status: 'posting', startedAt: at.toISOString() });
    },
    async markPartPosted(key, part, messageId, at) {
      const startedAt = parts.get(partKey(key, part))?.startedAt ?? at.toISOString();
      parts.set(partKey(key, part), { deliveryKey: key, part, status: 'posted', startedAt, messageId, postedAt: at.toISOString() });
    },
    getSnapshot: async (channel) => snapshots.get(channelKey(channel)),
    async saveSnapshot(channel, snapshot) {
      snapshots.set(channelKey(channel), snapshot);
    },
    async close() {},
  };
}
