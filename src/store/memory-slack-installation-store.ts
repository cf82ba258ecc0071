import type { SlackInstallationRecord, SlackInstallationStore } from './slack-installation-store.js';

/** The in-memory twin of the SQLite installation store, for tests and runs without a database. */
export function createMemorySlackInstallationStore(): SlackInstallationStore {
  const installations = new Map<string, SlackInstallationRecord>();
  /** key → channel ids */
  const channels = new Map<string, Set<string>>();
  const sorted = (values: Iterable<string>): string[] => [...values].sort();

  return {
    async saveInstallation(record) {
      installations.set(record.key, record);
    },
    getInstallation: async (key) => installations.get(key),
    listInstallations: async () => sorted(installations.keys()).map((key) => installations.get(key)!),
    async removeInstallation(key) {
      channels.delete(key);
      return installations.delete(key);
    },
    async rememberChannel(key, channelId) {
      const known = channels.get(key) ?? new Set<string>();
      known.add(channelId);
      channels.set(key, known);
    },
    channelInstallations: async (channelId) => sorted([...channels].filter(([, ids]) => ids.has(channelId)).map(([key]) => key)),
    installationChannels: async (key) => sorted(channels.get(key) ?? []),
    async close() {},
  };
}
