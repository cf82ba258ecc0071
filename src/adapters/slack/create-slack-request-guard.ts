import type { Logger } from '../../logger.js';
import type { SeenRequests } from '../../store/seen-requests.js';

/** Why a correctly signed Slack request is refused, or `fresh` when it may be handled. */
export type RequestVerdict = 'fresh' | 'future-dated' | 'stale' | 'replayed';

/**
 * Screens correctly signed Slack requests by their timestamp and signature. Bolt refuses only
 * timestamps more than five minutes old; this also refuses ones more than five minutes ahead,
 * and a second delivery of a request already seen (same signature: same timestamp and body).
 */
export interface SlackRequestGuard {
  /**
   * Call once per signed request; a `fresh` answer records the signature for the window. The
   * timestamp checks answer at once; with `shared`, the seen check answers as a promise.
   */
  screen(timestampSec: number, signature: string): RequestVerdict | Promise<RequestVerdict>;
  /** Signatures remembered now (bounded by `maxEntries`). */
  readonly size: number;
}

export interface SlackRequestGuardOptions {
  /** How far a timestamp may be from now, either way. Default 300 s, as Slack recommends. */
  readonly windowSec?: number;
  /** Most signatures remembered; past it the oldest is forgotten first. Default 50,000. */
  readonly maxEntries?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * Where the seen check goes when replicas share a database, so that a request replayed to
   * another replica is refused too. Unset: this process's memory alone.
   */
  readonly shared?: SeenRequests;
  /** Told when `shared` cannot be reached and the memory answers instead. */
  readonly logger?: Logger;
}

/**
 * A replay guard with a bounded memory: each signature is kept until its timestamp leaves the
 * window (after which the timestamp check refuses it anyway), and never more than `maxEntries`
 * at once. Only call it for requests whose signature verified, so forged requests cannot fill it.
 */
export function createSlackRequestGuard(options: SlackRequestGuardOptions = {}): SlackRequestGuard {
  const windowMs = (options.windowSec ?? 300) * 1000;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const { shared } = options;
  /** Signature → when it can be forgotten; in arrival order. */
  const seen = new Map<string, number>();

  /** The in-process seen check: `fresh` (and recorded) the first time, `replayed` after. */
  const remember = (signature: string, expires: number): RequestVerdict => {
    if (seen.has(signature)) return 'replayed';
    seen.set(signature, expires);
    // Arrival order is nearly expiry order; the cap bounds whatever the sweep leaves.
    while (seen.size > maxEntries) seen.delete(seen.keys().next().value as string);
    return 'fresh';
  };

  const forgetExpired = (at: number): void => {
    for (const [signature, expires] of seen) {
      if (expires > at) break;
      seen.delete(signature);
    }
  };

  return {
    get size() {
      return seen.size;
    },
    screen(timestampSec, signature) {
      const at = now();
      forgetExpired(at);
      const sentAt = timestampSec * 1000;
      if (!Number.isFinite(sentAt) || sentAt > at + windowMs) return 'future-dated';
      if (sentAt < at - windowMs) return 'stale';
      const expires = sentAt + windowMs;
      if (!shared) return remember(signature, expires);
      return shared.firstSighting(signature, new Date(expires)).then(
        (first): RequestVerdict => (first ? 'fresh' : 'replayed'),
        (error: unknown) => {
          // The shared store is unreachable: refuse nothing silently. Say so, and let this
          // process's memory answer for this request (replays to this replica are still refused).
          options.logger?.warn('the shared replay guard is unreachable; this process alone screens the request', { error: error instanceof Error ? error.message : String(error) });
          return remember(signature, expires);
        },
      );
    },
  };
}
