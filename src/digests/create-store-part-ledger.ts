import type { PartLedger } from '../chat/chat-port.js';
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
