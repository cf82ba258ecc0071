/**
 * Run as a separate process by the race tests: opens the store at argv[2] (a SQLite path or a
 * postgres:// URL) and tries to claim argv[3] slots as fast as it can (in reverse order when
 * argv[4] starts with `r`, so that two processes meet in the middle), printing the slots it won as JSON.
 */
import type { DigestStore } from '../../../src/store/digest-store.js';
import { openPostgresStore } from '../../../src/store/postgres-digest-store.js';
import { openSqliteStore } from '../../../src/store/sqlite-digest-store.js';

const [target = '', count = '0', who = 'p'] = process.argv.slice(2);
const store: DigestStore = /^postgres(ql)?:/.test(target) ? await openPostgresStore(target, { maxConnections: 2 }) : openSqliteStore(target);
const policy = { leaseMs: 600_000, retryAfterMs: 60_000, maxAttempts: 5 };
const won: string[] = [];
for (let n = 0; n < Number(count); n++) {
  const i = who.startsWith('r') ? Number(count) - 1 - n : n;
  const slot = new Date(Date.UTC(2025, 0, 1, 8) + i * 60_000).toISOString();
  const result = await store.claimSlot('s1', slot, new Date(Date.UTC(2025, 0, 1, 9)), policy, `${who}-${i}`);
  if (result.claimed) won.push(slot);
}
await store.close();
process.stdout.write(JSON.stringify(won));
