import type { DigestSnapshot } from '../core/diff-briefings.js';
import type { Message } from '../render/message.js';
import type { DeliveryLog } from '../store/digest-store.js';

/** What a slot posts and, once delivered, remembers: fixed at the first attempt. */
export interface DigestBody {
  readonly message: Message;
  readonly snapshot: DigestSnapshot;
}

function parseBody(json: string): DigestBody | undefined {
  try {
    const value = JSON.parse(json) as Partial<DigestBody>;
    const ok = typeof value.message?.title === 'string' && Array.isArray(value.message.sections) && value.snapshot?.version === 1;
    return ok ? (value as DigestBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The digest of a slot as its first attempt composed it, or `compose()` saved as that body. A
 * retry after a crash posts the very parts the first attempt began (the topic may have changed
 * since), so that the parts already posted and the ones still to post belong to one digest. A
 * `compose()` with nothing to post (a quiet subscription) saves nothing.
 */
export async function fixDigestBody(
  log: Pick<DeliveryLog, 'getDigestBody' | 'saveDigestBody'>,
  deliveryKey: string,
  compose: () => Promise<DigestBody | undefined>,
): Promise<DigestBody | undefined> {
  const saved = await log.getDigestBody(deliveryKey);
  const earlier = saved === undefined ? undefined : parseBody(saved);
  if (earlier) return earlier;
  const body = await compose();
  if (body) await log.saveDigestBody(deliveryKey, JSON.stringify(body));
  return body;
}
