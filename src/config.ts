import { z } from 'zod';
import { briefingsDirProblem } from './briefings-dir-problem.js';

/**
 * Every setting Sitrep reads, validated once at start-up. This is the only module that reads
 * `process.env`; everything else receives the typed `Config` (or the part it needs).
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

const flagValues = z.enum(['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off']).optional();
/** A switch that is off unless set (1, true, yes, on). */
const flag = flagValues.transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');
/** A switch that is on unless turned off (0, false, no, off). */
const flagOn = flagValues.transform((v) => !(v === '0' || v === 'false' || v === 'no' || v === 'off'));

/** A TCP port; an empty or blank value is refused rather than read as 0 (a random port). */
const port = z
  .string()
  .trim()
  .min(1, 'is empty: give a port number (0 to 65535) or leave it unset')
  .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be a whole number from 0 to 65535')
  .optional()
  .default(3000);

/** An IP address or a host name to bind to; a dotted number that is no IPv4 address is refused. */
const host = optionalText.pipe(
  z
    .union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an IP address or a host name' })
    .refine((h) => !/^[\d.]+$/.test(h) || z.ipv4().safeParse(h).success, 'must be an IP address or a host name')
    .optional(),
);

/** At most this many shards in all (Discord's largest bots run a few thousand). */
const maxDiscordShards = 100_000;

/**
 * `DISCORD_SHARDS`: shard ids (single ids or ranges, comma-separated), a slash, and the total shard
 * count of the bot across all processes: `0,1/4` runs shards 0 and 1 of 4.
 */
function parseDiscordShards(text: string, ctx: z.RefinementCtx): DiscordShards {
  const refuse = (message: string): never => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const format = /^(\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)\/(\d+)$/.exec(text.replace(/\s+/g, ''));
  if (!format) return refuse('must be shard ids out of the total shard count, e.g. 0,1/4 (shards 0 and 1 of 4) or 0-3/8; leave it unset to run every shard');
  const count = Number(format[2]);
  if (count < 1 || count > maxDiscordShards) return refuse(`must have a total shard count from 1 to ${maxDiscordShards}, after the slash`);
  const ids = new Set<number>();
  for (const part of format[1]!.split(',')) {
    const [first = 0, last = first] = part.split('-').map(Number);
    if (last < first) return refuse(`has the range ${part} backwards: write it lowest first`);
    if (last >= count) return refuse(`names shard ${last}, but shard ids run from 0 to ${count - 1} of ${count}`);
    for (let id = first; id <= last; id++) ids.add(id);
  }
  return { ids: [...ids].sort((a, b) => a - b), count };
}

const envSchema = z.object({
  /** The folder of topic folders; `loadConfig` checks that it exists and holds articles. */
  BRIEFINGS_DIR: optionalText.default('briefings'),
  DEFAULT_TOPIC: optionalText,
  /** Watch the topic folders by polling (network and VM mounts that deliver no file events). */
  BRIEFINGS_WATCH_POLL: flag,
  DATABASE_PATH: optionalText.default('data/sitrep.sqlite'),
  /** `postgres://user:password@host:port/database`: the stores live there instead of the SQLite file. */
  DATABASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// (or postgresql://) URL, e.g. postgres://sitrep:password@127.0.0.1:5432/sitrep' })
      // A Unix socket is named by ?host=/path, as libpq reads it.
      .refine((url) => !URL.canParse(url) || new URL(url).hostname !== '' || new URL(url).searchParams.has('host'), 'names no server: give a host, e.g. postgres://sitrep:password@127.0.0.1:5432/sitrep')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional().default('info'),
  /** Also run the console adapter when a chat platform is configured. */
  SITREP_CONSOLE: flag,

  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalUrl,
  /** Only channel managers (admins, owners, channel creator) may subscribe digests in Slack. */
  SLACK_RESTRICT_DIGESTS: flag,
  /** The three OAuth settings (all or none): many workspaces install the app at /slack/install. */
  SLACK_CLIENT_ID: optionalText.pipe(z.string().regex(/^\d+\.\d+$/, 'must be the app\'s Client ID from "Basic Information", digits.digits').optional()),
  /** Never logged. */
  SLACK_CLIENT_SECRET: optionalText,
  /** Signs the OAuth state parameter; never logged. */
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters: a random string, e.g. from openssl rand -hex 32').optional()),
  PORT: port,
  /** Bind address of the HTTP receiver. Unset: every interface. */
  HOST: host,

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'must be a numeric snowflake id').optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'must be a numeric snowflake id').optional()),
  DISCORD_API_URL: optionalUrl,
  /** The shards this process runs, `ids/count` (`0,1/4`, `2-3/4`); unset: all, as many as Discord recommends. */
  DISCORD_SHARDS: optionalText.pipe(z.string().transform(parseDiscordShards).optional()),

  /** Missed digest slots younger than this are still sent at start-up. */
  DIGEST_GRACE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).optional().default(360),
  /** A digest claim not finished after this long is presumed crashed and taken over. */
  DIGEST_LEASE_SECONDS: z.coerce.number().int().min(2).max(24 * 60 * 60).optional().default(600),
  /** How many channels this process posts digests to at once (posts to one channel are paced ~1 s apart). */
  DIGEST_CONCURRENCY: z.coerce.number().int().min(1).max(500).optional().default(50),

  /** Let feeds and `add <url>` fetch private/loopback addresses (for tests and intranets). */
  FEEDS_ALLOW_PRIVATE: flag,
  FEEDS_POLL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).optional().default(15),
  /** `0` (or `false`, `no`, `off`): this process never polls feeds (`add` still works). For replicas sharing folders: one polls. */
  FEEDS_POLL: flagOn,

  /** An OpenAI-compatible API base (`http://127.0.0.1:11434/v1`); unset, no model is ever called. */
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: optionalText,
  /** Sent as a bearer token; never logged. */
  LLM_API_KEY: optionalText,
  /** The whole budget of one summary, retries included. */
  LLM_TIMEOUT_MS: optionalText.pipe(
    z.string().regex(/^\d+$/, 'must be a positive whole number of milliseconds').transform(Number).refine((n) => n >= 1 && n <= 120_000, 'must be from 1 to 120000 milliseconds').optional(),
  ),
});

/** Slack's OAuth flow, from SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET. */
export interface SlackOAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the state parameter of the install flow. */
  readonly stateSecret: string;
}

export interface SlackConfig {
  /** One workspace's bot token; unset with `oauth`, where each installed workspace has its own. */
  readonly botToken?: string;
  /** Set: many workspaces install the app through OAuth (HTTP mode, no SLACK_BOT_TOKEN). */
  readonly oauth?: SlackOAuthConfig;
  readonly signingSecret: string;
  readonly appToken?: string;
  readonly apiUrl?: string;
  readonly port: number;
  /** Bind address in HTTP mode; undefined listens on every interface. */
  readonly host?: string;
  readonly restrictDigests: boolean;
}

/** The gateway shards one process runs, from DISCORD_SHARDS. */
export interface DiscordShards {
  /** Ascending, each below `count`. */
  readonly ids: readonly number[];
  /** The bot's total shard count, the same in every process. */
  readonly count: number;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  /** Commands registered in this server only (for development); unset: globally, for every server. */
  readonly guildId?: string;
  readonly apiUrl?: string;
  /** Unset: every shard, as many as Discord recommends (`GET /gateway/bot`). */
  readonly shards?: DiscordShards;
}

/** The optional language model that phrases a checked summary (see src/llm). */
export interface LlmConfig {
  /** Base of the API, without a trailing slash: requests go to `${baseUrl}/chat/completions`. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
}

/** A Postgres database for the stores, from DATABASE_URL. */
export interface PostgresConfig {
  readonly url: string;
  /** The URL with its password masked: what logs may show. */
  readonly displayUrl: string;
  /** The password as written in the URL, and decoded: the logger redacts both. */
  readonly secrets: readonly string[];
}

export interface Config {
  readonly briefingsDir: string;
  readonly defaultTopic?: string;
  /** Poll the topic folders for changes instead of relying on file-system events. */
  readonly watchPoll: boolean;
  readonly databasePath: string;
  /** Set: the stores live in this Postgres database, and `databasePath` is not used. */
  readonly postgres?: PostgresConfig;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly console: boolean;
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  readonly digestGraceMinutes: number;
  readonly digestLeaseSeconds: number;
  readonly digestConcurrency: number;
  readonly feeds: { readonly allowPrivate: boolean; readonly pollMinutes: number; readonly poll: boolean };
  readonly llm?: LlmConfig;
}

/** Thrown for configuration that cannot start; the message names the variable and never a secret's value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /**
   * Check that BRIEFINGS_DIR exists and holds articles (default true). Tools that read no
   * articles (`register:discord`) turn it off.
   */
  readonly checkBriefingsDir?: boolean;
}

/** Validates the environment into a `Config`, or throws `ConfigError` with one line naming the problem. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid setting ${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const briefingsDir = e.BRIEFINGS_DIR ?? 'briefings';
  const folderProblem = options.checkBriefingsDir === false ? undefined : briefingsDirProblem(briefingsDir);
  if (folderProblem) throw new ConfigError(`Invalid setting BRIEFINGS_DIR: ${folderProblem}`);
  return {
    briefingsDir,
    ...(e.DEFAULT_TOPIC ? { defaultTopic: e.DEFAULT_TOPIC } : {}),
    watchPoll: e.BRIEFINGS_WATCH_POLL,
    databasePath: e.DATABASE_PATH,
    ...(e.DATABASE_URL ? { postgres: postgresPart(e.DATABASE_URL) } : {}),
    logLevel: e.LOG_LEVEL,
    console: e.SITREP_CONSOLE,
    ...slackPart(e),
    ...discordPart(e),
    digestGraceMinutes: e.DIGEST_GRACE_MINUTES,
    digestLeaseSeconds: e.DIGEST_LEASE_SECONDS,
    digestConcurrency: e.DIGEST_CONCURRENCY,
    feeds: { allowPrivate: e.FEEDS_ALLOW_PRIVATE, pollMinutes: e.FEEDS_POLL_MINUTES, poll: e.FEEDS_POLL },
    ...llmPart(e),
  };
}

type ParsedEnv = z.infer<typeof envSchema>;

function slackPart(e: ParsedEnv): { slack?: SlackConfig } {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = e;
  const oauth = slackOAuthPart(e);
  if (oauth) return { slack: { oauth, signingSecret: signingSecret ?? '', ...slackHttpPart(e) } };
  if (!botToken && !signingSecret && !appToken) return {};
  if (!botToken) throw new ConfigError('Invalid setting SLACK_BOT_TOKEN: required when other SLACK_* settings are set');
  if (!signingSecret && !appToken) {
    throw new ConfigError('Invalid setting SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return {
    slack: {
      botToken,
      signingSecret: signingSecret ?? '',
      ...(appToken ? { appToken } : {}),
      ...slackHttpPart(e),
    },
  };
}

function slackHttpPart(e: ParsedEnv): Pick<SlackConfig, 'apiUrl' | 'port' | 'host' | 'restrictDigests'> {
  return {
    ...(e.SLACK_API_URL ? { apiUrl: withTrailingSlash(e.SLACK_API_URL) } : {}),
    port: e.PORT,
    ...(e.HOST ? { host: e.HOST } : {}),
    restrictDigests: e.SLACK_RESTRICT_DIGESTS,
  };
}

/** All three OAuth settings or none; with them, events still need the signing secret, and no single-workspace token. */
function slackOAuthPart(e: ParsedEnv): SlackOAuthConfig | undefined {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = e;
  if (!clientId && !clientSecret && !stateSecret) return undefined;
  const missing = !clientId ? 'SLACK_CLIENT_ID' : !clientSecret ? 'SLACK_CLIENT_SECRET' : !stateSecret ? 'SLACK_STATE_SECRET' : undefined;
  if (missing || !clientId || !clientSecret || !stateSecret) {
    throw new ConfigError(`Invalid setting ${missing ?? 'SLACK_CLIENT_ID'}: required with the other OAuth settings (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together)`);
  }
  if (!e.SLACK_SIGNING_SECRET) throw new ConfigError('Invalid setting SLACK_SIGNING_SECRET: required with SLACK_CLIENT_ID (Slack signs every request to /slack/events)');
  if (e.SLACK_BOT_TOKEN) throw new ConfigError('Invalid setting SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID (each installed workspace has its own token)');
  if (e.SLACK_APP_TOKEN) throw new ConfigError('Invalid setting SLACK_APP_TOKEN: leave it unset with SLACK_CLIENT_ID (the install pages are served in HTTP mode, on PORT)');
  return { clientId, clientSecret, stateSecret };
}

function discordPart(e: ParsedEnv): { discord?: DiscordConfig } {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId } = e;
  if (!token && !applicationId) {
    if (e.DISCORD_SHARDS) throw new ConfigError('Invalid setting DISCORD_SHARDS: set only with DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    return {};
  }
  if (!token) throw new ConfigError('Invalid setting DISCORD_TOKEN: required when DISCORD_APPLICATION_ID is set');
  if (!applicationId) throw new ConfigError('Invalid setting DISCORD_APPLICATION_ID: required with DISCORD_TOKEN');
  return {
    discord: {
      token,
      applicationId,
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
      ...(e.DISCORD_SHARDS ? { shards: e.DISCORD_SHARDS } : {}),
    },
  };
}

function llmPart(e: ParsedEnv): { llm?: LlmConfig } {
  const { LLM_BASE_URL: base, LLM_MODEL: model, LLM_API_KEY: apiKey } = e;
  if (!base) {
    if (model || apiKey) throw new ConfigError('Invalid setting LLM_BASE_URL: required when other LLM_* settings are set');
    return {};
  }
  if (!model) throw new ConfigError('Invalid setting LLM_MODEL: required with LLM_BASE_URL (the model name the server knows, e.g. llama3.1:8b)');
  // Either the API base (…/v1) or the full endpoint may be given; requests add /chat/completions.
  const baseUrl = base.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  return { llm: { baseUrl, model, ...(apiKey ? { apiKey } : {}), timeoutMs: e.LLM_TIMEOUT_MS ?? 8000 } };
}

function postgresPart(url: string): PostgresConfig {
  const parsed = new URL(url);
  const decoded = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const secrets = parsed.password ? [parsed.password, decoded(parsed.password)] : [];
  if (parsed.password) parsed.password = '***';
  return { url, displayUrl: parsed.toString(), secrets: [...new Set(secrets)] };
}

/** Bolt's WebClient joins method names onto the base URL, so it must end in a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
