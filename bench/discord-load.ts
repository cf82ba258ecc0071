/**
 * The other side of the Discord benchmark, in a worker thread so that the load and the stand-in do
 * not share the adapter's event loop (as Discord's servers would not): serves the gateway and REST,
 * dispatches `/ask` slash commands as INTERACTION_CREATE, and reports for each command the time to
 * its deferral (the interaction callback, which Discord's 3-second deadline applies to) and to its
 * answer (the PATCH of @original, or a follow-up POST).
 *
 * Times are taken on this thread's clock: `performance.now()` just before the dispatch, and again
 * from a pass-through stand-in script when the REST call arrives. That is the moment the stand-in
 * stamps `RestCall.at`, but `at` is Date.now(), whole milliseconds; this keeps sub-millisecond resolution.
 */
import { parentPort } from 'node:worker_threads';
import { slashCommand, str } from '../test/adapters/discord/discord-interactions.js';
import { startDiscordStandIn } from '../test/adapters/discord/discord-stand-in.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.bench-bot-token.not-real-0123456789';
const applicationId = '1100000000000000001';

/** The worker's first message: where the adapter should log in, and as whom. */
export interface DiscordLoadReady {
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
}

export interface DiscordLoadRequest {
  readonly question: string;
  readonly warmup: number;
  readonly serial: number;
  readonly rounds: number;
  readonly inFlight: number;
}

/** One command's milliseconds from dispatch to deferral and to answer. */
export interface Timing {
  readonly deferral: number;
  readonly answer: number;
}

export interface DiscordLoadResult {
  readonly serial: Timing[];
  readonly concurrent: Timing[];
  /** Wall-clock milliseconds of each phase, for throughput. */
  readonly serialMs: number;
  readonly concurrentMs: number;
}

interface Waiter {
  deferredAt?: number;
  resolve(answer: { at: number; method: string; body: unknown }): void;
}

const port = parentPort!;
const standIn = await startDiscordStandIn({ token, applicationId });
const waiting = new Map<string, Waiter>();
standIn.script((call) => {
  const at = performance.now();
  const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path);
  if (callback) {
    const waiter = waiting.get(callback[1]!);
    if (waiter) waiter.deferredAt = at;
    return undefined;
  }
  const answer = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/@original)?$/.exec(call.path);
  if (answer && (call.method === 'PATCH' || call.method === 'POST')) waiting.get(answer[1]!)?.resolve({ at, method: call.method, body: call.body });
  return undefined;
});

const one = async (question: string): Promise<Timing> => {
  const { token: interactionToken, payload } = slashCommand({ applicationId, name: 'ask', options: [str('question', question)] });
  let timer: NodeJS.Timeout | undefined;
  const waiter = { resolve: () => undefined } as Waiter;
  const answered = new Promise<{ at: number; method: string; body: unknown }>((resolve, reject) => {
    waiter.resolve = resolve;
    timer = setTimeout(() => reject(new Error('discord bench: no answer within 10 s')), 10_000);
  });
  waiting.set(interactionToken, waiter);
  const t0 = performance.now();
  standIn.dispatch('INTERACTION_CREATE', payload);
  try {
    const answer = await answered;
    // The answer must be the real one (Pentagon's 10,000), not an error follow-up.
    if (answer.method !== 'PATCH' || !JSON.stringify(answer.body).includes('10,000')) throw new Error(`discord bench: unexpected answer ${JSON.stringify(answer.body).slice(0, 200)}`);
    if (waiter.deferredAt === undefined) throw new Error('discord bench: answered without a deferral');
    return { deferral: waiter.deferredAt - t0, answer: answer.at - t0 };
  } finally {
    clearTimeout(timer);
    waiting.delete(interactionToken);
  }
};

const ready: DiscordLoadReady = { apiUrl: standIn.apiUrl, token, applicationId };
port.postMessage(ready);
port.once('message', (msg: DiscordLoadRequest) => {
  void (async () => {
    const run = (): Promise<Timing> => one(msg.question);
    for (let i = 0; i < msg.warmup; i++) await run();
    const serial: Timing[] = [];
    let t0 = performance.now();
    for (let i = 0; i < msg.serial; i++) serial.push(await run());
    const serialMs = performance.now() - t0;
    const concurrent: Timing[] = [];
    t0 = performance.now();
    for (let round = 0; round < msg.rounds; round++) concurrent.push(...(await Promise.all(Array.from({ length: msg.inFlight }, run))));
    const concurrentMs = performance.now() - t0;
    const result: DiscordLoadResult = { serial, concurrent, serialMs, concurrentMs };
    port.postMessage(result);
  })().catch((error: unknown) => port.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }));
});
