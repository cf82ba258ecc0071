/**
 * The Slack installations of a multi-workspace app: one record per workspace (or Enterprise Grid
 * org) that installed it through OAuth, and which channels Sitrep has heard from in each, so that
 * a digest is posted with the token of the workspace its channel belongs to. A port with an
 * in-memory twin (`createMemorySlackInstallationStore`) and a SQLite implementation
 * (`openSqliteSlackInstallationStore`); every method is async for a networked store.
 */

/** One installation, as the OAuth flow gave it. */
export interface SlackInstallationRecord {
  /** The workspace's team id, or the enterprise id of an org-wide install. */
  readonly key: string;
  readonly teamId?: string;
  readonly enterpriseId?: string;
  /** The installation as JSON (the bot token included): the store keeps it whole and does not read it. */
  readonly installation: string;
  /** ISO instant it was stored (a re-install replaces it). */
  readonly installedAt: string;
}

export interface SlackInstallationStore {
  /** Inserts or replaces by key. */
  saveInstallation(record: SlackInstallationRecord): Promise<void>;
  getInstallation(key: string): Promise<SlackInstallationRecord | undefined>;
  /** Every installation, by key. */
  listInstallations(): Promise<SlackInstallationRecord[]>;
  /** Removes the installation and forgets its channels; returns whether it existed. */
  removeInstallation(key: string): Promise<boolean>;
  /** Records that a request from `channelId` came through installation `key`. */
  rememberChannel(key: string, channelId: string, at: Date): Promise<void>;
  /** The installations `channelId` was heard through (a shared channel may have several), by key. */
  channelInstallations(channelId: string): Promise<string[]>;
  /** The channels heard through installation `key`, by id. */
  installationChannels(key: string): Promise<string[]>;
  /** Releases the file or the connections. */
  close(): Promise<void>;
}
