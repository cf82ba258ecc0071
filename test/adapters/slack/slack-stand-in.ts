/**
 * A local stand-in for Slack, over loopback: the Web API (`POST /api/<method>`, form-encoded as the
 * WebClient sends it, bearer token checked), response_url endpoints (`POST /respond/<id>`) and a
 * Socket Mode WebSocket (`/link`) that says hello and carries envelopes. It records what it gets,
 * keeps the messages chat.postMessage posted (with their metadata) and answers conversations.history
 * from them. File uploads go as files.uploadV2 makes them: files.getUploadURLExternal hands out an
 * upload URL (`POST /upload/<file id>`, which takes the bytes), files.completeUploadExternal shares
 * the uploaded files to a channel; `uploads` keeps what was shared. OAuth: oauth.v2.access trades a
 * code from `oauth.codes` (once) for its workspace's bot token when the client id and secret are
 * right, auth.test answers with the workspace of the token it is given, api.test needs no token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  readonly method: string;
  readonly token: string | undefined;
  readonly args: Record<string, unknown>;
  readonly at: number;
}

export interface ResponsePost {
  readonly id: string;
  readonly body: Record<string, unknown>;
  /** performance.now() when it arrived (the benchmark's reply time). */
  readonly at: number;
}

export interface ApiAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly json: unknown;
  /** The answer is sent once this settles (never, for a response that a crash cuts off). */
  readonly hold?: Promise<unknown>;
}

/**
 * Answers one Web API call; return undefined to fall through to the default answer. `defaults`
 * runs the stand-in's own handling (posting the message, say), for a script that fails afterwards.
 */
export type ApiScript = (call: ApiCall, nth: number, defaults: () => ApiAnswer) => ApiAnswer | undefined;

/** A message chat.postMessage posted. */
export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
  readonly text: unknown;
  readonly blocks: unknown;
  readonly metadata?: unknown;
  /** Date.now() when it was posted: what conversations.history's `oldest` is compared with. */
  readonly at: number;
}

/** A file shared to a channel by files.completeUploadExternal. */
export interface UploadedFile {
  readonly id: string;
  readonly channel: string;
  readonly filename: string;
  readonly title: string;
  readonly altText: string;
  /** The length files.getUploadURLExternal was told. */
  readonly length: number;
  /** The body of the upload POST, as sent (a multipart form or the bare bytes). */
  readonly body: Buffer;
}

/** What an install's code is worth at oauth.v2.access: one workspace and its bot token. */
export interface OAuthGrant {
  readonly teamId: string;
  readonly teamName: string;
  /** Must look like a test bot token (xoxb-test-…). */
  readonly botToken: string;
  /**
   * Token rotation on: the token expires this many seconds after it is issued and comes with a
   * refresh token; oauth.v2.access with grant_type=refresh_token issues the next one (valid 12 h),
   * and the token it replaces is refused from then on (token_expired).
   */
  readonly expiresIn?: number;
}

export interface SlackStandIn {
  /** The app's client credentials, and the grant of each code not yet used. */
  readonly oauth: { clientId: string; clientSecret: string; readonly codes: Map<string, OAuthGrant> };
  readonly baseUrl: string;
  /** For SLACK_API_URL / clientOptions.slackApiUrl (trailing slash included). */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponsePost[];
  readonly socketAcks: Record<string, unknown>[];
  /** Messages posted to channels, oldest first. */
  readonly messages: PostedMessage[];
  /** Files shared to channels, in the order they were completed. */
  readonly uploads: UploadedFile[];
  responseUrl(id: string): string;
  script(method: string, answer: ApiScript): void;
  /** Users for users.info: id → flags. */
  readonly users: Map<string, { is_admin?: boolean; is_owner?: boolean }>;
  waitFor<T>(what: () => T | undefined, timeoutMs?: number): Promise<T>;
  responsesTo(id: string): Record<string, unknown>[];
  /** Resolves with the Socket Mode connection once a client has connected and been greeted. */
  socket(): Promise<WebSocket>;
  close(): Promise<void>;
}

const botToken = /^xoxb-test-/;
const appToken = /^xapp-test-/;

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const socketAcks: Record<string, unknown>[] = [];
  const messages: PostedMessage[] = [];
  const uploads: UploadedFile[] = [];
  const pending = new Map<string, { filename: string; altText: string; length: number; body?: Buffer }>();
  let fileCounter = 0;
  const scripts = new Map<string, ApiScript>();
  const users = new Map<string, { is_admin?: boolean; is_owner?: boolean }>();
  const counts = new Map<string, number>();
  let tsCounter = 0;
  const sockets = new Set<WebSocket>();
  let greeted: WebSocket | undefined;

  const oauth = { clientId: '1111111111.2222222222', clientSecret: 'test-client-secret-not-real', codes: new Map<string, OAuthGrant>() };
  /** Bot token → the workspace it was issued for. */
  const issued = new Map<string, OAuthGrant>();

  /** Refresh token → the workspace and the access token it replaces. */
  const refreshable = new Map<string, { grant: OAuthGrant; token: string }>();
  /** Access tokens replaced by a refresh. */
  const expired = new Set<string>();
  let rotations = 0;

  const rotationFields = (grant: OAuthGrant, token: string, expiresIn: number | undefined): Record<string, unknown> => {
    if (expiresIn === undefined) return {};
    const refreshToken = `xoxe-1-test-refresh-${grant.teamId}-${++rotations}`;
    refreshable.set(refreshToken, { grant, token });
    return { refresh_token: refreshToken, expires_in: expiresIn };
  };

  const refresh = (args: Record<string, unknown>): ApiAnswer => {
    const held = refreshable.get(String(args['refresh_token']));
    if (!held) return { json: { ok: false, error: 'invalid_refresh_token' } };
    refreshable.delete(String(args['refresh_token']));
    expired.add(held.token);
    const token = `${held.grant.botToken}-rotated-${rotations + 1}`;
    issued.set(token, held.grant);
    return { json: { ok: true, app_id: 'A0TEST', token_type: 'bot', access_token: token, scope: 'commands,chat:write', bot_user_id: `U0BOT${held.grant.teamId}`, team: { id: held.grant.teamId, name: held.grant.teamName }, enterprise: null, is_enterprise_install: false, ...rotationFields(held.grant, token, 43_200) } };
  };

  const exchangeCode = (args: Record<string, unknown>): ApiAnswer => {
    if (args['client_id'] !== oauth.clientId || args['client_secret'] !== oauth.clientSecret) return { json: { ok: false, error: 'invalid_client_id' } };
    if (args['grant_type'] === 'refresh_token') return refresh(args);
    const grant = oauth.codes.get(String(args['code']));
    if (!grant) return { json: { ok: false, error: 'invalid_code' } };
    oauth.codes.delete(String(args['code']));
    issued.set(grant.botToken, grant);
    return {
      json: {
        ...rotationFields(grant, grant.botToken, grant.expiresIn),
        ok: true,
        app_id: 'A0TEST',
        authed_user: { id: 'U0INSTALLER' },
        scope: 'commands,chat:write,chat:write.public,files:write,users:read,channels:history,groups:history',
        token_type: 'bot',
        access_token: grant.botToken,
        bot_user_id: `U0BOT${grant.teamId}`,
        team: { id: grant.teamId, name: grant.teamName },
        enterprise: null,
        is_enterprise_install: false,
      },
    };
  };

  const defaults = (call: ApiCall): ApiAnswer => {
    if (call.method === 'oauth.v2.access') return exchangeCode(call.args);
    if (call.method === 'api.test') return { json: { ok: true } };
    const wanted = call.method === 'apps.connections.open' ? appToken : botToken;
    if (!call.token || !wanted.test(call.token)) return { json: { ok: false, error: 'invalid_auth' } };
    if (expired.has(call.token)) return { json: { ok: false, error: 'token_expired' } };
    switch (call.method) {
      case 'auth.test': {
        const grant = issued.get(call.token);
        if (grant) return { json: { ok: true, url: `https://${grant.teamId.toLowerCase()}.slack.com/`, team: grant.teamName, user: 'sitrep', team_id: grant.teamId, user_id: `U0BOT${grant.teamId}`, bot_id: `B0BOT${grant.teamId}` } };
        return { json: { ok: true, url: 'https://sitrep-test.slack.com/', team: 'Sitrep Test', user: 'sitrep', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' } };
      }
      case 'apps.connections.open':
        return { json: { ok: true, url: `ws://127.0.0.1:${port}/link?ticket=test` } };
      case 'chat.postMessage': {
        const ts = `1700000000.${String(++tsCounter).padStart(6, '0')}`;
        const { channel, text, blocks, metadata } = call.args;
        messages.push({ channel: String(channel), ts, text, blocks, ...(metadata !== undefined ? { metadata } : {}), at: Date.now() });
        return { json: { ok: true, channel: call.args['channel'], ts, message: { type: 'message', ts, text: call.args['text'] } } };
      }
      case 'conversations.history':
        return { json: history(call.args) };
      case 'files.getUploadURLExternal': {
        const length = Number(call.args['length']);
        if (!call.args['filename'] || !Number.isInteger(length) || length <= 0) return { json: { ok: false, error: 'invalid_arguments' } };
        const id = `F0UP${String(++fileCounter).padStart(4, '0')}`;
        pending.set(id, { filename: String(call.args['filename']), altText: String(call.args['alt_text'] ?? ''), length });
        return { json: { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id } };
      }
      case 'files.completeUploadExternal': {
        const files = (call.args['files'] ?? []) as { id: string; title?: string }[];
        const channel = String(call.args['channel_id'] ?? call.args['channels'] ?? '');
        if (!files.length || files.some((f) => !pending.get(f.id)?.body)) return { json: { ok: false, error: 'file_not_found' } };
        const shared = files.map((f) => {
          const upload = pending.get(f.id)!;
          const file: UploadedFile = { id: f.id, channel, filename: upload.filename, title: f.title ?? upload.filename, altText: upload.altText, length: upload.length, body: upload.body! };
          if (channel) uploads.push(file);
          return { id: f.id, name: file.filename, title: file.title, mimetype: 'image/png' };
        });
        return { json: { ok: true, files: shared } };
      }
      case 'users.info': {
        const id = String(call.args['user']);
        const flags = users.get(id);
        return flags ? { json: { ok: true, user: { id, name: id.toLowerCase(), is_admin: false, is_owner: false, ...flags } } } : { json: { ok: false, error: 'user_not_found' } };
      }
      default:
        return { json: { ok: false, error: 'unknown_method' } };
    }
  };

  /** Newest first, from `oldest` (Unix seconds) on, `limit` a page, the cursor an offset; metadata only when asked for. */
  const history = (args: Record<string, unknown>): Record<string, unknown> => {
    const oldest = Number(args['oldest'] ?? 0) * 1000;
    const limit = Number(args['limit'] ?? 100);
    const offset = Number(args['cursor'] ?? 0);
    const withMetadata = String(args['include_all_metadata']) === 'true';
    const inChannel = messages.filter((m) => m.channel === args['channel'] && m.at >= oldest).reverse();
    const page = inChannel.slice(offset, offset + limit).map((m) => ({
      type: 'message',
      ts: m.ts,
      text: m.text,
      bot_id: 'B0BOT',
      ...(withMetadata && m.metadata !== undefined ? { metadata: m.metadata } : {}),
    }));
    const more = offset + limit < inChannel.length;
    return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(offset + limit) : '' } };
  };

  const handleApi = (method: string, req: IncomingMessage, raw: string, res: ServerResponse): void => {
    const type = req.headers['content-type'] ?? '';
    const args: Record<string, unknown> = type.startsWith('application/json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
    // The WebClient sends nested arguments (blocks) as JSON strings inside the form.
    for (const key of ['blocks', 'attachments', 'metadata', 'files']) if (typeof args[key] === 'string') args[key] = JSON.parse(args[key] as string) as unknown;
    const auth = req.headers.authorization;
    const call: ApiCall = { method, token: auth?.startsWith('Bearer ') ? auth.slice(7) : (args['token'] as string | undefined), args, at: Date.now() };
    calls.push(call);
    const nth = (counts.get(method) ?? 0) + 1;
    counts.set(method, nth);
    const answer = scripts.get(method)?.(call, nth, () => defaults(call)) ?? defaults(call);
    const send = (): void => {
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(JSON.stringify(answer.json));
    };
    if (answer.hold) void answer.hold.then(send, send);
    else send();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const upload = req.method === 'POST' && path.startsWith('/upload/') ? pending.get(path.slice(8)) : undefined;
      if (upload) {
        upload.body = bytes;
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
      } else if (req.method === 'POST' && path.startsWith('/api/')) {
        handleApi(path.slice(5), req, raw, res);
      } else if (req.method === 'POST' && path.startsWith('/respond/')) {
        responses.push({ id: decodeURIComponent(path.slice(9)), body: JSON.parse(raw) as Record<string, unknown>, at: performance.now() });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else {
        res.writeHead(404).end();
      }
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/link')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => socketAcks.push(JSON.parse(data.toString()) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'standin', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0TEST' } }));
      greeted = ws;
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const waitFor = async <T>(what: () => T | undefined, timeoutMs = 8000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = what();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error('stand-in: timed out waiting');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  return {
    oauth,
    baseUrl,
    apiUrl: `${baseUrl}/api/`,
    calls,
    responses,
    socketAcks,
    messages,
    uploads,
    users,
    responseUrl: (id) => `${baseUrl}/respond/${encodeURIComponent(id)}`,
    script: (method, answer) => void scripts.set(method, answer),
    waitFor,
    responsesTo: (id) => responses.filter((r) => r.id === id).map((r) => r.body),
    socket: () => waitFor(() => greeted),
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
