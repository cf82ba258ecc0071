import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySlackInstallationStore } from '../../src/store/memory-slack-installation-store.js';
import type { SlackInstallationRecord, SlackInstallationStore } from '../../src/store/slack-installation-store.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import { openSqliteSlackInstallationStore } from '../../src/store/sqlite-slack-installation-store.js';
import { openPostgresSlackInstallationStore } from '../../src/store/postgres-slack-installation-store.js';
import { useTestPostgres } from './support/use-test-postgres.js';

const dirs: string[] = [];
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-installations-'));
  dirs.push(dir);
  return join(dir, 'sitrep.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const postgres = useTestPostgres();

const stores: [string, () => Promise<SlackInstallationStore>][] = [
  ['memory', async () => createMemorySlackInstallationStore()],
  ['sqlite', async () => openSqliteSlackInstallationStore(tempFile())],
  ['postgres', async () => openPostgresSlackInstallationStore(await postgres().createDatabase())],
];

const record = (key: string, token: string): SlackInstallationRecord => ({
  key,
  teamId: key,
  installation: JSON.stringify({ team: { id: key }, bot: { token } }),
  installedAt: '2024-10-30T08:00:00.000Z',
});
const at = new Date('2024-10-30T09:00:00Z');

describe.each(stores)('Slack installation store (%s)', (_, open) => {
  it('keeps an installation whole by key, and a re-install replaces it', async () => {
    const store = await open();
    await store.saveInstallation(record('T0BETA', 'xoxb-test-beta-1'));
    await store.saveInstallation(record('T0ALPHA', 'xoxb-test-alpha-1'));
    await store.saveInstallation({ ...record('T0ALPHA', 'xoxb-test-alpha-2'), enterpriseId: 'E0ORG' });
    expect(await store.getInstallation('T0ALPHA')).toEqual({ ...record('T0ALPHA', 'xoxb-test-alpha-2'), enterpriseId: 'E0ORG' });
    expect((await store.listInstallations()).map((r) => r.key)).toEqual(['T0ALPHA', 'T0BETA']);
    expect(await store.getInstallation('T0NONE')).toBeUndefined();
    await store.close();
  });

  it('knows which installations a channel was heard through, and removing one forgets its channels only', async () => {
    const store = await open();
    await store.saveInstallation(record('T0ALPHA', 'xoxb-test-alpha'));
    await store.saveInstallation(record('T0BETA', 'xoxb-test-beta'));
    await store.rememberChannel('T0ALPHA', 'C0NEWS', at);
    await store.rememberChannel('T0ALPHA', 'C0NEWS', at);
    await store.rememberChannel('T0ALPHA', 'C0SHARED', at);
    await store.rememberChannel('T0BETA', 'C0SHARED', at);
    expect(await store.channelInstallations('C0SHARED')).toEqual(['T0ALPHA', 'T0BETA']);
    expect(await store.installationChannels('T0ALPHA')).toEqual(['C0NEWS', 'C0SHARED']);

    expect(await store.removeInstallation('T0ALPHA')).toBe(true);
    expect(await store.removeInstallation('T0ALPHA')).toBe(false);
    expect(await store.getInstallation('T0ALPHA')).toBeUndefined();
    expect(await store.installationChannels('T0ALPHA')).toEqual([]);
    expect(await store.channelInstallations('C0SHARED')).toEqual(['T0BETA']);
    expect(await store.channelInstallations('C0NEWS')).toEqual([]);
    await store.close();
  });
});

describe('SQLite installation store', () => {
  it('shares the digest store file: either may open it first, and installations survive a reopen', async () => {
    const file = tempFile();
    const digests = openSqliteStore(file);
    const first = openSqliteSlackInstallationStore(file);
    await first.saveInstallation(record('T0ALPHA', 'xoxb-test-alpha'));
    await first.rememberChannel('T0ALPHA', 'C0NEWS', at);
    await first.close();
    await digests.close();
    const again = openSqliteSlackInstallationStore(file);
    expect(await again.getInstallation('T0ALPHA')).toEqual(record('T0ALPHA', 'xoxb-test-alpha'));
    expect(await again.channelInstallations('C0NEWS')).toEqual(['T0ALPHA']);
    await again.close();
  });
});
