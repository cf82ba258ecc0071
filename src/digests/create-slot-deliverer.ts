import type { Summaries } from '../llm/create-summaries.js';
import type { Logger } from '../logger.js';
import type { ClaimPolicy, DigestStore, Subscription } from '../store/digest-store.js';
import type { TopicLibrary } from '../topics/topic-library.js';
import type { ChannelPoster, PostOutcome } from '../chat/chat-port.js';
import { composeDigest, withDigestSummary } from './compose-digest.js';
import { fixDigestBody } from './digest-body.js';
import { createStorePartLedger } from './create-store-part-ledger.js';
import { channelOf, deliveryKeyFor } from './subscription-keys.js';
import { errorText } from '../shared/error-text.js';

/** What became of one slot, for logs and tests. */
export type SlotOutcome = 'delivered' | 'quiet' | 'failed' | 'disabled' | 'not-claimed';

export interface DeliverSlotDeps {
  readonly store: DigestStore;
  readonly topics: TopicLibrary;
  readonly posters: readonly ChannelPoster[];
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly policy: ClaimPolicy;
  /** Checked model summaries opening each digest, when LLM_BASE_URL is set. */
  readonly summaries?: Summaries;
}

/**
 * Delivers one slot of one subscription exactly once: claim the slot (a unique row), compose the
 * digest against the channel's last snapshot (or take the one an earlier attempt composed and
 * kept), post it with the slot's delivery key and its durable part ledger (each part recorded
 * before and after posting, and looked up on the platform when its outcome was lost), then mark
 * it delivered and keep the new snapshot. `gone`/`forbidden` disable the subscription; `failed`
 * (or a throw) leaves the slot to be retried. Never throws.
 */
export function createSlotDeliverer(deps: DeliverSlotDeps): (subscription: Subscription, slot: Date, now: Date) => Promise<SlotOutcome> {
  const { store, logger } = deps;
  return async (sub, slot, now) => {
    const slotIso = slot.toISOString();
    // A platform that is not running this time (no token) leaves its slots unclaimed for a run that has it.
    const poster = deps.posters.find((p) => p.platform === sub.platform);
    if (!poster) return 'not-claimed';
    const claim = await store.claimSlot(sub.id, slotIso, now, deps.policy, deliveryKeyFor(sub.id, slotIso));
    if (!claim.claimed) {
      if (claim.reason === 'gave-up') logger.debug('digest slot given up', { subscription: sub.id, slot: slotIso });
      return 'not-claimed';
    }
    const key = claim.deliveryKey;
    const fields = { subscription: sub.id, slot: slotIso, deliveryKey: key, attempt: claim.attempt };
    const fail = async (detail: string): Promise<SlotOutcome> => {
      await store.markFailed(key, deps.clock(), detail);
      logger.warn('digest not delivered; will retry', { ...fields, detail });
      return 'failed';
    };
    try {
      const topic = deps.topics.get(sub.topic);
      if (!topic) return await fail(`unknown topic "${sub.topic}"`);
      const digest = await fixDigestBody(store, key, async () => {
        const plain = composeDigest(topic, await store.getSnapshot(channelOf(sub)), { timeZone: sub.timezone, quietWhenUnchanged: sub.quietWhenUnchanged, now });
        // Composed once and kept: a retry posts the same summary, and never waits on the model again.
        const composed = await withDigestSummary(plain, topic, deps.summaries);
        return composed.message ? { message: composed.message, snapshot: composed.snapshot } : undefined;
      });
      if (!digest) {
        await store.markDelivered(key, deps.clock(), 'quiet: nothing changed');
        return 'quiet';
      }
      const parts = createStorePartLedger(store, key, deps.clock);
      const outcome: PostOutcome = await poster.post(sub.channelId, digest.message, key, parts).catch((error: unknown) => ({
        ok: false as const,
        failure: 'failed' as const,
        detail: errorText(error),
      }));
      if (outcome.ok) {
        // Delivered first, snapshot second: a crash between them repeats changes next time, never a post.
        await store.markDelivered(key, deps.clock(), outcome.messageIds.join(',') || undefined);
        await store.saveSnapshot(channelOf(sub), digest.snapshot);
        logger.info('digest delivered', { ...fields, late: `${Math.round((now.getTime() - slot.getTime()) / 60_000)} min` });
        return 'delivered';
      }
      if (outcome.failure === 'failed') return await fail(outcome.detail);
      const reason = `${outcome.failure === 'gone' ? 'the channel is gone' : 'Sitrep may not post there'} (${outcome.detail})`;
      await store.markAbandoned(key, deps.clock(), reason);
      await store.disableSubscription(sub.id, reason, deps.clock());
      logger.warn('digest subscription disabled', { ...fields, platform: sub.platform, channel: sub.channelId, reason });
      return 'disabled';
    } catch (error) {
      logger.error('digest delivery failed', { ...fields, error });
      return fail(errorText(error));
    }
  };
}
