/**
 * A local stand-in for Discord, over loopback. REST (`/api/v10/...`, JSON, `Authorization: Bot <token>`
 * checked where Discord checks it): gateway discovery, the current user, interaction callbacks,
 * interaction webhooks (edit the original, follow-ups, delete), channel messages (honouring
 * `enforce_nonce` for a few minutes as Discord does, and listed by `GET …/messages?after=` without
 * their nonce, as Discord lists them) and command registration. A message may come as
 * multipart/form-data (`payload_json` and `files[n]`, as @discordjs/rest sends files): its
 * attachments are kept, and an embed pointing at `attachment://<name>` no file carries is refused. The gateway is a `ws` server speaking
 * JSON: HELLO, IDENTIFY → READY, heartbeat → ack; the test pushes dispatches. Every request is recorded.
 * Sharded as Discord shards: `GET /gateway/bot` recommends `shards`, each IDENTIFY's `shard: [id, count]`
 * is its own session, and a guild's dispatches go only to the session of shard `(guild_id >> 22) % count`
 * (those of no guild to shard 0); an IDENTIFY without `shard` is shard 0 of 1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RestCall {
  readonly method: string;
  /** The path under `/api/v10`, e.g. `/channels/123/messages`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown> | unknown[] | undefined;
  /** The files of a multipart request. */
  readonly files: readonly SentFile[];
  /** Date.now() when it arrived. */
  readonly at: number;
}

/** A file part of a multipart request (`files[0]`). */
export interface SentFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** The parts of a multipart/form-data body: `payload_json` as the JSON body, the rest as files. */
function parseMultipart(raw: Buffer, contentType: string): { body: Record<string, unknown> | undefined; files: SentFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error('multipart without a boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files: SentFile[] = [];
  let body: Record<string, unknown> | undefined;
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.toString('latin1', start, start + 2) === '--') break;
    const next = raw.indexOf(delimiter, start);
    const part = raw.subarray(start + 2, next < 0 ? raw.length : next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.toString('utf8', 0, split);
    const data = part.subarray(split + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (field === 'payload_json') body = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    else if (filename !== undefined) files.push({ field, filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '', data: Buffer.from(data) });
    at = next;
  }
  return { body, files };
}

export interface RestAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  /** The answer is sent once this settles (never, for a response that a crash cuts off). */
  readonly hold?: Promise<unknown>;
}

/**
 * Answers a REST call before the defaults do; return undefined to fall through. `defaults` runs
 * the stand-in's own handling (creating the message, say), for a script that fails afterwards.
 */
export type RestScript = (call: RestCall, defaults: () => RestAnswer) => RestAnswer | undefined;

export interface CreatedMessage {
  readonly channelId: string;
  readonly id: string;
  readonly body: Record<string, unknown>;
  /** The files attached to it. */
  readonly files: readonly SentFile[];
  /** Date.now() when it was created. */
  readonly at: number;
}

/** A gateway shard, `[id, count]` as IDENTIFY names it. */
export type Shard = readonly [id: number, count: number];

/** A dispatch the gateway sent over a session's connection (a replay on RESUME included). */
export interface Delivery {
  readonly sessionId: string;
  readonly shard: Shard;
  readonly t: string;
  readonly d: unknown;
}

/** The shard that owns a guild among `count`, as Discord computes it. */
export const shardOfGuild = (guildId: string, count: number): number => Number((BigInt(guildId) >> 22n) % BigInt(count));

export interface DiscordStandIn {
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly calls: RestCall[];
  /** Messages the stand-in created in channels (a nonce-deduplicated retry creates none). */
  readonly created: CreatedMessage[];
  /** IDENTIFY payloads (`d`) the gateway received. */
  readonly identifies: Record<string, unknown>[];
  script(answer: RestScript): void;
  /** RESUME payloads (`d`) the gateway received. */
  readonly resumes: Record<string, unknown>[];
  /** Every dispatch sent, with the session and shard whose connection carried it. */
  readonly deliveries: Delivery[];
  /**
   * Sends a dispatch (op 0) to every session of the shard that owns its `guild_id` (shard 0 without
   * one): at once to a connected one; a session whose connection dropped gets it on RESUME, as
   * Discord replays what a session missed. With no such session, no connection gets it.
   */
  dispatch(t: string, d: unknown): void;
  /** Closes every identified connection with `code` (default 4000, which a client may resume after). */
  dropConnections(code?: number): void;
  waitFor<T>(what: () => T | undefined, timeoutMs?: number): Promise<T>;
  /** Recorded calls matching a method and a path pattern. */
  callsTo(method: string, path: RegExp): RestCall[];
  close(): Promise<void>;
}

export interface StandInOptions {
  readonly token: string;
  readonly applicationId: string;
  readonly heartbeatIntervalMs?: number;
  /** How long `enforce_nonce` returns the earlier message ("the past few minutes"); default 5 minutes. */
  readonly nonceWindowMs?: number;
  /** The shard count `GET /gateway/bot` recommends; default 1. */
  readonly shards?: number;
  /** `session_start_limit.max_concurrency`: shards that may identify at once (5 s apart otherwise); default 1. */
  readonly maxConcurrency?: number;
}

const botUser = { id: '1100000000000000001', username: 'sitrep', discriminator: '0', global_name: 'Sitrep', avatar: null, bot: true };

/** An embed image `attachment://<name>` that none of the request's files is. */
function missingAttachment(body: Record<string, unknown>, files: readonly SentFile[]): boolean {
  const embeds = Array.isArray(body['embeds']) ? (body['embeds'] as { image?: { url?: string } }[]) : [];
  return embeds.some((e) => e.image?.url?.startsWith('attachment://') && !files.some((f) => f.filename === e.image!.url!.slice('attachment://'.length)));
}

export async function startDiscordStandIn(options: StandInOptions): Promise<DiscordStandIn> {
  const { token, applicationId } = options;
  const calls: RestCall[] = [];
  const created: CreatedMessage[] = [];
  const identifies: Record<string, unknown>[] = [];
  const scripts: RestScript[] = [];
  const identified = new Set<WebSocket>();
  const resumes: Record<string, unknown>[] = [];
  const deliveries: Delivery[] = [];
  /** Per session id: its connection, its shard and every dispatch it was sent, for replay on RESUME. */
  const sessions = new Map<string, { ws: WebSocket; readonly shard: Shard; readonly events: { readonly s: number; readonly t: string; readonly d: unknown }[] }>();
  const sockets = new Set<WebSocket>();
  let counter = 0n;
  let sequence = 0;
  // Snowflakes as Discord makes them: milliseconds since 2015 in the top bits, so `after` compares times.
  const snowflake = (): string => String(((BigInt(Date.now()) - 1_420_070_400_000n) << 22n) | (counter++ & 0x3fffffn));
  const nonceWindowMs = options.nonceWindowMs ?? 5 * 60_000;

  const message = (channelId: string, body: Record<string, unknown>, files: readonly SentFile[] = []): Record<string, unknown> => ({
    id: snowflake(),
    type: 0,
    channel_id: channelId,
    author: botUser,
    content: body['content'] ?? '',
    embeds: body['embeds'] ?? [],
    attachments: files.map((f) => ({ id: snowflake(), filename: f.filename, size: f.data.length, content_type: f.contentType, url: `https://cdn.invalid/attachments/${f.filename}` })),
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body['flags'] ?? 0,
    ...(body['nonce'] !== undefined ? { nonce: body['nonce'] } : {}),
  });

  /** Discord's enforce_nonce: a second message with the same nonce returns the first instead of posting. */
  const postToChannel = (channelId: string, body: Record<string, unknown>, files: readonly SentFile[]): RestAnswer => {
    const recent = (m: CreatedMessage): boolean => Date.now() - m.at < nonceWindowMs;
    const earlier = body['enforce_nonce'] === true ? created.find((m) => m.channelId === channelId && m.body['nonce'] === body['nonce'] && recent(m)) : undefined;
    if (earlier) return { status: 200, json: { ...message(channelId, earlier.body, earlier.files), id: earlier.id } };
    const made = message(channelId, body, files);
    created.push({ channelId, id: String(made['id']), body, files, at: Date.now() });
    return { status: 200, json: made };
  };

  /** `GET /channels/{id}/messages?after=&limit=`: the oldest `limit` after the id, newest first; no nonce. */
  const listChannel = (channelId: string, query: URLSearchParams): RestAnswer => {
    const after = BigInt(query.get('after') ?? '0');
    const limit = Math.min(100, Number(query.get('limit') ?? 50));
    const page = created.filter((m) => m.channelId === channelId && BigInt(m.id) > after).slice(0, limit);
    const listed = page.map((m) => {
      const shown: Record<string, unknown> = { ...message(channelId, m.body), id: m.id, timestamp: new Date(m.at).toISOString() };
      delete shown['nonce'];
      return { ...shown, embeds: ((m.body['embeds'] ?? []) as Record<string, unknown>[]).map((e) => ({ type: 'rich', ...e })) };
    });
    return { status: 200, json: listed.reverse() };
  };

  const defaults = (call: RestCall): RestAnswer => {
    const { method, path } = call;
    const body = (call.body ?? {}) as Record<string, unknown>;
    const bot = call.authorization === `Bot ${token}`;
    const unauthorized: RestAnswer = { status: 401, json: { message: '401: Unauthorized', code: 0 } };
    if (missingAttachment(body, call.files)) return { status: 400, json: { message: 'Invalid Form Body', code: 50035 } };
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!bot) return unauthorized;
      const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: options.maxConcurrency ?? 1 };
      return { status: 200, json: { url: `ws://127.0.0.1:${port}`, shards: options.shards ?? 1, session_start_limit: limit } };
    }
    if (method === 'GET' && path === '/users/@me') return bot ? { status: 200, json: botUser } : unauthorized;
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      return call.query.get('with_response') === 'true' ? { status: 200, json: { interaction: { id: path.split('/')[2] } } } : { status: 204 };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      if (m[1] !== applicationId) return { status: 404, json: { message: 'Unknown Webhook', code: 10015 } };
      if (method === 'DELETE' && m[3]) return { status: 204 };
      if ((method === 'PATCH' && m[3]) || (method === 'POST' && !m[3])) return { status: 200, json: { ...message('1300000000000000001', body, call.files), webhook_id: applicationId } };
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) return bot ? postToChannel(m[1]!, body, call.files) : unauthorized;
    if (method === 'GET' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) return bot ? listChannel(m[1]!, call.query) : unauthorized;
    if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (!bot) return unauthorized;
      if (m[1] !== applicationId) return { status: 403, json: { message: 'Missing Access', code: 50001 } };
      const commands = (call.body as Record<string, unknown>[]).map((c) => ({ ...c, id: snowflake(), application_id: applicationId, version: snowflake(), ...(m![2] ? { guild_id: m![2] } : {}) }));
      return { status: 200, json: commands };
    }
    return { status: 404, json: { message: '404: Not Found', code: 0 } };
  };

  const handleRest = (req: IncomingMessage, bytes: Buffer, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const type = req.headers['content-type'] ?? '';
    const raw = bytes.toString('utf8');
    const multipart = type.startsWith('multipart/form-data') ? parseMultipart(bytes, type) : undefined;
    const call: RestCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.slice('/api/v10'.length)),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: multipart ? multipart.body : raw ? (JSON.parse(raw) as RestCall['body']) : undefined,
      files: multipart?.files ?? [],
      at: Date.now(),
    };
    calls.push(call);
    const answer = scripts.reduce<RestAnswer | undefined>((found, s) => found ?? s(call, () => defaults(call)), undefined) ?? defaults(call);
    const headers = { ...(answer.json !== undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers };
    const send = (): void => void (res.destroyed || res.writeHead(answer.status, headers).end(answer.json !== undefined ? JSON.stringify(answer.json) : undefined));
    if (answer.hold) void answer.hold.then(send, send);
    else send();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if ((req.url ?? '').startsWith('/api/v10/')) handleRest(req, Buffer.concat(chunks), res);
      else res.writeHead(404).end();
    });
  });

  const send = (ws: WebSocket, payload: Record<string, unknown>): void => ws.send(JSON.stringify(payload));
  const deliver = (ws: WebSocket, sessionId: string, shard: Shard, event: { readonly s: number; readonly t: string; readonly d: unknown }): void => {
    deliveries.push({ sessionId, shard, t: event.t, d: event.d });
    send(ws, { op: 0, ...event });
  };
  /** IDENTIFY's `shard`: absent is shard 0 of 1; an id outside the count is invalid (Discord closes with 4010). */
  const shardOf = (value: unknown): Shard | undefined => {
    if (value === undefined) return [0, 1];
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [id, count] = value as unknown[];
    return Number.isInteger(id) && Number.isInteger(count) && (id as number) >= 0 && (id as number) < (count as number) ? [id as number, count as number] : undefined;
  };
  /** Whether a dispatch is for the shard: a guild's to the shard owning it, any other to shard 0. */
  const owns = ([id, count]: Shard, d: unknown): boolean => {
    const guildId = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)['guild_id'] : undefined;
    return (typeof guildId === 'string' ? shardOfGuild(guildId, count) : 0) === id;
  };
  const onGatewayMessage = (ws: WebSocket, data: string): void => {
    const payload = JSON.parse(data) as { op: number; d: Record<string, unknown> };
    if (payload.op === 1) send(ws, { op: 11, d: null, s: null, t: null });
    if (payload.op === 6) return resume(ws, payload.d);
    if (payload.op !== 2) return;
    identifies.push(payload.d);
    if (payload.d['token'] !== token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const shard = shardOf(payload.d['shard']);
    if (!shard) {
      ws.close(4010, 'Invalid shard.');
      return;
    }
    identified.add(ws);
    const ready = { v: 10, user: botUser, guilds: [], session_id: `session-${identifies.length}`, resume_gateway_url: `ws://127.0.0.1:${port}`, application: { id: applicationId, flags: 0 }, shard };
    sessions.set(ready.session_id, { ws, shard, events: [] });
    send(ws, { op: 0, t: 'READY', s: ++sequence, d: ready });
  };
  /** RESUME: the dispatches the session missed after `seq`, then RESUMED; an unknown session is told to identify again (op 9). */
  const resume = (ws: WebSocket, d: Record<string, unknown>): void => {
    resumes.push(d);
    const session = sessions.get(String(d['session_id']));
    if (!session || d['token'] !== token) return send(ws, { op: 9, d: false, s: null, t: null });
    session.ws = ws;
    identified.add(ws);
    for (const event of session.events) if (event.s > Number(d['seq'])) deliver(ws, String(d['session_id']), session.shard, event);
    send(ws, { op: 0, t: 'RESUMED', s: ++sequence, d: {} });
  };

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    // discord.js asks for API v10 with JSON encoding and, without zlib-sync installed, no compression.
    if (query.get('v') !== '10' || query.get('encoding') !== 'json' || query.has('compress')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        identified.delete(ws);
      });
      ws.on('message', (data) => onGatewayMessage(ws, String(data)));
      send(ws, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 }, s: null, t: null });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  /** Polls until `what` gives a value (vi.waitFor retries while the callback throws). */
  const waitFor = <T>(what: () => T | undefined, timeoutMs = 5000): Promise<T> =>
    vi.waitFor(
      () => {
        const found = what();
        if (found === undefined) throw new Error('discord stand-in: timed out waiting');
        return found;
      },
      { timeout: timeoutMs, interval: 5 },
    );

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    calls,
    created,
    identifies,
    script: (answer) => void scripts.push(answer),
    resumes,
    deliveries,
    dispatch(t, d) {
      const reached = new Set<WebSocket>();
      for (const [sessionId, session] of sessions) {
        if (!owns(session.shard, d)) continue;
        const event = { s: ++sequence, t, d };
        session.events.push(event);
        if (identified.has(session.ws) && !reached.has(session.ws)) deliver(session.ws, sessionId, session.shard, event);
        reached.add(session.ws);
      }
    },
    dropConnections(code = 4000) {
      for (const ws of identified) {
        identified.delete(ws); // what is dispatched from now on waits for RESUME
        ws.close(code, 'Unknown error.');
      }
    },
    waitFor,
    callsTo: (method, path) => calls.filter((c) => c.method === method && path.test(c.path)),
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
