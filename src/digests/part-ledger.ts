import type { PartLedger, PartRecord } from '../chat/chat-port.js';
import type { DeliveryLog } from '../store/digest-store.js';

type PartLog = Pick<DeliveryLog, 'listParts' | 'markPartPosting' | 'markPartPosted'>;

/** A ledger kept in the delivery log, so that it survives a crash and a restart. */
export function createStorePartLedger(log: PartLog, deliveryKey: string, clock: () => Date): PartLedger {
  return {
    async load() {
      const parts = await log.listParts(deliveryKey);
      return new Map(
        parts.map((p) => [p.part, { status: p.status, startedAt: new Date(p.startedAt), ...(p.messageId !== undefined ? { messageId: p.messageId } : {}) }]),
      );
    },
    posting: (part) => log.markPartPosting(deliveryKey, part, clock()),
    posted: (part, messageId) => log.markPartPosted(deliveryKey, part, messageId, clock()),
  };
}

/**
 * Ledgers kept in memory, one per scope (channel + delivery key), for posts made without a
 * delivery log; the oldest scopes are forgotten beyond `limit`.
 */
export function createMemoryPartLedgers(limit: number, clock: () => Date = () => new Date()): (scope: string) => PartLedger {
  const scopes = new Map<string, Map<number, PartRecord>>();
  const parts = (scope: string): Map<number, PartRecord> => {
    let found = scopes.get(scope);
    if (!found) {
      found = new Map();
      scopes.set(scope, found);
      if (scopes.size > limit) scopes.delete(scopes.keys().next().value!);
    }
    return found;
  };
  return (scope) => ({
    load: async () => new Map(parts(scope)),
    async posting(part) {
      const known = parts(scope);
      if (!known.has(part)) known.set(part, { status: 'posting', startedAt: clock() });
    },
    async posted(part, messageId) {
      const known = parts(scope);
      known.set(part, { status: 'posted', startedAt: known.get(part)?.startedAt ?? clock(), messageId });
    },
  });
}
