/**
 * An OpenAI-compatible chat-completions server on loopback, as Ollama, llama.cpp's server and
 * vLLM speak it: `POST /v1/chat/completions` with a JSON body (`model`, `messages`), answered with
 * `{ id, object: 'chat.completion', choices: [{ index, message: { role, content }, finish_reason }] }`,
 * or a status code. Each request takes the next scripted reply; the requests are kept.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
  /** A completion whose message content is this text, after an optional delay before the headers. */
  | { readonly content: string; readonly delayMs?: number }
  /** An error status (429, 500, 503, 401 …), with an optional `Retry-After` header. */
  | { readonly status: number; readonly retryAfter?: string; readonly body?: string }
  /** A 200 whose body is this text as it stands (garbage, a wrong shape). */
  | { readonly raw: string };

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: { model?: string; messages?: { role: string; content: string }[] } & Record<string, unknown>;
  /** When it arrived, by the test's clock (Date.now). */
  readonly at: number;
}

export interface ChatStandIn {
  /** What LLM_BASE_URL is set to: `http://127.0.0.1:P/v1`. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Queues replies, answered in order; with none queued, a request gets 503. */
  script(...replies: ScriptedReply[]): void;
  /** Forgets the queued replies and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startChatStandIn(): Promise<ChatStandIn> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions' || !/^application\/json/.test(req.headers['content-type'] ?? '')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body: RecordedRequest['body'];
      try {
        body = JSON.parse(raw) as RecordedRequest['body'];
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'invalid JSON' } }));
        return;
      }
      requests.push({ path: req.url, headers: req.headers, body, at: Date.now() });
      const reply = queue.shift() ?? { status: 503 };
      if ('raw' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(reply.raw);
      } else if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.retryAfter ? { 'retry-after': reply.retryAfter } : {}) });
        res.end(reply.body ?? JSON.stringify({ error: { message: `status ${reply.status}` } }));
      } else {
        const send = (): void => {
          if (res.destroyed) return;
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              id: `chatcmpl-${requests.length}`,
              object: 'chat.completion',
              created: Math.floor(Date.now() / 1000),
              model: body.model ?? 'stand-in',
              choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
            }),
          );
        };
        if (!reply.delayMs) send();
        else {
          const timer = setTimeout(() => (timers.delete(timer), send()), reply.delayMs);
          timers.add(timer);
        }
      }
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => void queue.push(...replies),
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
