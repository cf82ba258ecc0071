import type { DigestCommandHandler } from '../commands/execute-command.js';
import type { Summaries } from '../llm/create-summaries.js';
import type { Logger } from '../logger.js';
import type { ClaimPolicy, DigestStore } from '../store/digest-store.js';
import type { TopicLibrary } from '../topics/topic-library.js';
import type { ChannelPoster } from '../chat/chat-port.js';
import { createSlotDeliverer } from './create-slot-deliverer.js';
import { createDigestCommands } from './create-digest-commands.js';
import { createDigestScheduler } from './create-digest-scheduler.js';
import { syncConfigSubscriptions } from './sync-config-subscriptions.js';

export interface DigestServiceOptions {
  readonly store: DigestStore;
  readonly topics: TopicLibrary;
  /** One per running platform (Slack, Discord, console); digests for others wait and are retried. */
  readonly posters: readonly ChannelPoster[];
  readonly logger: Logger;
  /** The only source of "now": node-cron ticks ask it, tests step it. */
  readonly clock: () => Date;
  /** Missed slots younger than this are sent at start-up (config `digestGraceMinutes`). */
  readonly graceMinutes: number;
  /** Defaults: a 10-minute lease on claims, failed posts retried after a minute, 5 attempts a slot. */
  readonly policy?: Partial<ClaimPolicy>;
  /** Checked model summaries opening each digest, when LLM_BASE_URL is set. */
  readonly summaries?: Summaries;
  /** How many channels are posted to at once (config `digestConcurrency`); default `defaultDigestConcurrency`. */
  readonly concurrency?: number;
}

export interface DigestService {
  /** `digest …` commands, for `CommandDeps.digests`. */
  readonly commands: DigestCommandHandler;
  /**
   * Syncs topic.yml digests, starts the cron tasks, then sends the latest missed slot of each
   * subscription (within the grace period). Call it once the platforms' posters can post.
   */
  start(): Promise<void>;
  /** Stops the cron tasks (the store stays open: its owner closes it). */
  stop(): void;
  /** Delivers whatever is due at `now`; what every tick calls, and tests directly. */
  runDue(now: Date): Promise<void>;
}

export const defaultClaimPolicy: ClaimPolicy = { leaseMs: 10 * 60_000, retryAfterMs: 60_000, maxAttempts: 5 };

/** Wires the digests: store, topics and posters in; commands, a scheduler and its lifecycle out. */
export function createDigestService(options: DigestServiceOptions): DigestService {
  const { store, topics, logger, clock } = options;
  const policy: ClaimPolicy = { ...defaultClaimPolicy, ...options.policy };
  const deliver = createSlotDeliverer({ store, topics, posters: options.posters, logger, clock, policy, ...(options.summaries ? { summaries: options.summaries } : {}) });
  const scheduler = createDigestScheduler({ store, deliver, clock, logger, graceMinutes: options.graceMinutes, ...(options.concurrency ? { concurrency: options.concurrency } : {}) });
  let started = false;
  const reschedule = async (): Promise<void> => {
    if (started) scheduler.schedule(await store.listSubscriptions());
  };
  return {
    commands: createDigestCommands({ store, topics, onChange: reschedule }),
    async start() {
      const sync = await syncConfigSubscriptions(store, topics, clock(), logger);
      logger.info('digest subscriptions synced from topic.yml', { ...sync });
      const running = new Set(options.posters.map((p) => p.platform));
      for (const s of await store.listSubscriptions()) {
        if (!running.has(s.platform)) logger.warn('digest waits for a platform that is not running', { subscription: s.id, platform: s.platform });
      }
      started = true;
      await reschedule();
      // Catch-up runs through the same queue as the ticks, so a tick during it waits its turn.
      await scheduler.runDue(clock());
    },
    stop() {
      started = false;
      scheduler.stop();
    },
    runDue: (now) => scheduler.runDue(now),
  };
}
