import { schedule, type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';
import type { Subscription, SubscriptionStore } from '../store/digest-store.js';
import type { SlotOutcome } from './create-slot-deliverer.js';
import { latestSlot } from './due-slots.js';

export interface DigestSchedulerDeps {
  readonly store: SubscriptionStore;
  readonly deliver: (subscription: Subscription, slot: Date, now: Date) => Promise<SlotOutcome>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Missed slots younger than this are still sent (only the latest per subscription). */
  readonly graceMinutes: number;
  /**
   * How many subscriptions are delivered at once (default `defaultDigestConcurrency`). Posts to one channel are paced about
   * a second apart, so a digest with its chart takes a second or more: 10,000 channels due in one
   * minute need tens at once, not a few.
   */
  readonly concurrency?: number;
}

/**
 * Decides what is due from times it is given, and lets node-cron do nothing but tick it.
 * `runDue(now)` delivers, `concurrency` at a time, for every enabled subscription, the latest slot in
 * (max(activeFrom, now − window), now] — window being the grace period, at least `onTimeMs` —
 * unless the delivery log says it is done or in hand. Calls are serialized in this process; across
 * processes the log's claims keep a slot to one post.
 */
export interface DigestScheduler {
  runDue(now: Date): Promise<void>;
  /** Replaces the cron tasks: one per distinct (cron, zone), plus a once-a-minute sweep of every subscription. */
  schedule(subscriptions: readonly Subscription[]): void;
  stop(): void;
}

/** Channels posted to at once unless the caller says (start-up passes DIGEST_CONCURRENCY, whose default is the same). */
export const defaultDigestConcurrency = 50;

/** A tick may come a little late (a busy event loop): slots this recent still count without any grace. */
export const onTimeMs = 2 * 60_000;

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { store, logger } = deps;
  const windowMs = Math.max(deps.graceMinutes * 60_000, onTimeMs);
  let tasks: ScheduledTask[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function runOne(sub: Subscription, now: Date): Promise<void> {
    try {
      const from = new Date(Math.max(Date.parse(sub.activeFrom), now.getTime() - windowMs));
      const slot = latestSlot(sub.cron, sub.timezone, from, now);
      if (slot) await deps.deliver(sub, slot, now);
    } catch (error) {
      logger.error('digest subscription could not be run', { subscription: sub.id, error });
    }
  }

  async function runAll(now: Date): Promise<void> {
    const due = (await store.listSubscriptions()).filter((s) => !s.disabled);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length) await runOne(due[next++]!, now);
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? defaultDigestConcurrency, due.length) }, worker));
  }

  const tick = (): void => {
    scheduler.runDue(deps.clock()).catch((error: unknown) => logger.error('digest tick failed', { error }));
  };

  const scheduler: DigestScheduler = {
    runDue(now) {
      const run = queue.then(() => runAll(now));
      queue = run.catch(() => undefined);
      return run;
    },
    schedule(subscriptions) {
      scheduler.stop();
      const distinct = new Map<string, Subscription>();
      for (const s of subscriptions) if (!s.disabled) distinct.set(`${s.cron}\n${s.timezone}`, s);
      for (const s of distinct.values()) {
        tasks.push(schedule(s.cron, tick, { timezone: s.timezone, name: `digest ${s.cron} ${s.timezone}`, suppressMissedWarning: true }));
      }
      // Retries of failed or crashed slots, a safety net for ticks node-cron missed, and the
      // subscriptions this process has no task for: made (or re-enabled) by another replica on a
      // shared database, or by a workspace installed again. It runs even with no subscriptions yet.
      tasks.push(schedule('* * * * *', tick, { name: 'digest retry sweep', suppressMissedWarning: true }));
    },
    stop() {
      for (const t of tasks) void Promise.resolve(t.destroy()).catch(() => undefined);
      tasks = [];
    },
  };
  return scheduler;
}
