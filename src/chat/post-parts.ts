import type { PartLedger, PostFailure, PostOutcome } from './chat-port.js';
import type { Logger } from '../logger.js';

/** How a failed request ended: whether the platform may have posted it, and whether to try again now. */
export interface SendFailure {
  readonly failure: PostFailure;
  readonly detail: string;
  /** `maybe` when the request may have been posted all the same (a 5xx, a timeout, a reset). */
  readonly landed: 'no' | 'maybe';
  /** Worth another try within this post (a 429 waited out, a 5xx, a network error). */
  readonly retry: boolean;
}

/** One platform's way of posting a part and of finding a part it may already have. */
export interface PartChannel<P> {
  send(part: number, payload: P): Promise<string>;
  /** The id of the message for `part` posted at or after `since`, if the platform has it; throws if it cannot tell. */
  find(part: number, payload: P, since: Date): Promise<string | undefined>;
  classify(error: unknown): SendFailure;
}

export interface PostPartsOptions {
  readonly logger: Logger;
  /** Tries per part within one post (default 4). */
  readonly tries?: number;
  /** Pause before trying again after a possibly landed failure. */
  readonly backoff: () => Promise<void>;
  readonly fields: Record<string, unknown>;
}

/** Clocks differ between Sitrep and the platform: a search for a part starts this much earlier. */
const searchMarginMs = 60_000;

/**
 * Posts the parts of one message exactly once each, as far as the ledger and the platform can
 * tell: a part recorded as posted is skipped; a part whose earlier outcome was lost (`posting`,
 * or a failure that may have landed) is looked up on the platform before it is sent again; every
 * part is recorded as `posting` before its request and `posted` after. If the platform cannot be
 * asked, the part is not sent: the post fails, to be retried later.
 */
export async function postParts<P>(payloads: readonly P[], ledger: PartLedger, channel: PartChannel<P>, options: PostPartsOptions): Promise<PostOutcome> {
  const known = await ledger.load();
  const tries = options.tries ?? 4;
  const ids: string[] = [];
  for (const [part, payload] of payloads.entries()) {
    const record = known.get(part);
    if (record?.status === 'posted') {
      ids.push(record.messageId ?? '');
      continue;
    }
    const where = { ...options.fields, part: part + 1, parts: payloads.length };
    let since = record?.startedAt;
    let unsure = record !== undefined;
    let done: string | undefined;
    for (let attempt = 1; done === undefined; attempt++) {
      if (unsure && since) {
        const found = await channel.find(part, payload, new Date(since.getTime() - searchMarginMs)).then(
          (id) => ({ id }),
          (error: unknown) => ({ error: channel.classify(error) }),
        );
        if ('error' in found) {
          options.logger.warn('could not check whether a digest part was posted; not posting it again yet', { ...where, ...found.error });
          // Not being allowed to look is no reason to stop the subscription: the post is retried later.
          const failure = found.error.failure === 'gone' ? 'gone' : 'failed';
          return { ok: false, failure, detail: `cannot check whether part ${part + 1} was posted: ${found.error.detail}` };
        }
        if (found.id !== undefined) {
          options.logger.info('digest part was already posted; not posting it again', { ...where, messageId: found.id });
          done = found.id;
          break;
        }
      }
      if (!since) {
        await ledger.posting(part);
        since = new Date();
      }
      try {
        done = await channel.send(part, payload);
      } catch (error) {
        const failure = channel.classify(error);
        options.logger.warn('digest part not posted', { ...where, attempt, failure: failure.failure, detail: failure.detail, landed: failure.landed });
        if (!failure.retry || attempt >= tries) return { ok: false, failure: failure.failure, detail: failure.detail };
        unsure = failure.landed === 'maybe';
        if (unsure) await options.backoff();
      }
    }
    await ledger.posted(part, done);
    ids.push(done);
  }
  return { ok: true, messageIds: ids };
}
