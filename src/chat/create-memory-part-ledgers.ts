import type { PartLedger, PartRecord } from './chat-port.js';

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
