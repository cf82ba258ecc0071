/**
 * A client for an OpenAI-compatible `POST {base}/chat/completions` (hosted APIs, Ollama,
 * llama.cpp's server, vLLM). One call has one budget (`timeoutMs`) for all its attempts: each
 * request is aborted at what is left of it, and 429s and 5xx are retried with backoff (or after
 * `Retry-After`) only while the wait still fits in it. Every failure is a value, never a throw, so
 * a caller falls back to the extractive brief.
 */
import { backoffMs } from '../shared/backoff-ms.js';
import { errorText } from '../shared/error-text.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export type CompletionFailure = 'timeout' | 'http' | 'network' | 'garbage';

export type CompletionResult =
  | { readonly ok: true; readonly content: string; readonly attempts: number }
  | { readonly ok: false; readonly failure: CompletionFailure; readonly detail: string; readonly attempts: number };

/** The one thing the summarizer needs from a model: messages in, text (or why not) out. */
export interface ChatCompletions {
  complete(messages: readonly ChatMessage[]): Promise<CompletionResult>;
}

export interface ChatCompletionsOptions {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
  /** At most this many requests a call (default 3). */
  readonly maxAttempts?: number;
  /** First backoff after a 429/5xx without Retry-After (default 250 ms, doubled each time). */
  readonly backoffBaseMs?: number;
  /** Injected for tests; default the global fetch, `Date.now` and a timer. */
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Summaries are short; this bounds what a runaway model can send back. */
const maxTokens = 600;

const defaultSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export function createChatCompletionsClient(options: ChatCompletionsOptions): ChatCompletions {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = options.maxAttempts ?? 3;
  const url = `${options.baseUrl}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function attempt(messages: readonly ChatMessage[], budgetMs: number): Promise<Attempt> {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: options.model, messages, temperature: 0, max_tokens: maxTokens, stream: false }),
        signal: AbortSignal.timeout(budgetMs),
      });
      const body = await response.text();
      if (response.status === 429 || response.status >= 500) {
        return { retry: true, failure: 'http', detail: `HTTP ${response.status}`, retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()) };
      }
      if (!response.ok) return { retry: false, failure: 'http', detail: `HTTP ${response.status}` };
      const content = contentOf(body);
      return content === undefined ? { retry: false, failure: 'garbage', detail: 'no choices[0].message.content in the reply' } : { content };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return { retry: false, failure: 'timeout', detail: `no reply within ${options.timeoutMs} ms` };
      return { retry: true, failure: 'network', detail: errorText(error) };
    }
  }

  return {
    async complete(messages) {
      const deadline = now() + options.timeoutMs;
      let last: Exclude<Attempt, { content: string }> = { retry: false, failure: 'timeout', detail: `no reply within ${options.timeoutMs} ms` };
      for (let n = 1; n <= maxAttempts; n++) {
        const left = deadline - now();
        if (left <= 0) return { ok: false, failure: 'timeout', detail: `no reply within ${options.timeoutMs} ms (${last.detail})`, attempts: n - 1 };
        const result = await attempt(messages, left);
        if ('content' in result) return { ok: true, content: result.content, attempts: n };
        last = result;
        if (!result.retry || n === maxAttempts) return { ok: false, failure: result.failure, detail: result.detail, attempts: n };
        const wait = result.retryAfterMs ?? backoffMs(n, options.backoffBaseMs ?? 250, 4000);
        // A wait that would end past the deadline is not worth starting: the reply goes out now.
        if (now() + wait >= deadline) return { ok: false, failure: result.failure, detail: `${result.detail}; the retry would not fit in ${options.timeoutMs} ms`, attempts: n };
        await sleep(wait);
      }
      return { ok: false, failure: last.failure, detail: last.detail, attempts: maxAttempts };
    },
  };
}

type Attempt =
  | { readonly content: string }
  | { readonly retry: boolean; readonly failure: CompletionFailure; readonly detail: string; readonly retryAfterMs?: number | undefined };

/** `choices[0].message.content` of a chat-completions reply, if the body is one. */
function contentOf(body: string): string | undefined {
  try {
    const value = JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] };
    const content = value.choices?.[0]?.message?.content;
    return typeof content === 'string' && content.trim() ? content : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as whole seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
