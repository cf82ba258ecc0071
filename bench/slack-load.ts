/**
 * The other side of the Slack benchmark, in a worker thread so that the load and the stand-in do
 * not share the adapter's event loop (as Slack's servers would not): serves the Web API and
 * response_url, sends signed slash commands, and reports each command's latency.
 */
import { parentPort } from 'node:worker_threads';
import { startSlackStandIn } from '../test/adapters/slack/slack-stand-in.js';
import { postSigned, slashCommandBody } from '../test/adapters/slack/slack-requests.js';

const port = parentPort!;
const standIn = await startSlackStandIn();
const waiting = new Map<string, (at: number) => void>();
const seen = new Set<string>();
// Resolve waiters as replies land, without polling.
const poll = setInterval(() => {
  for (const r of standIn.responses) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    waiting.get(r.id)?.(r.at);
  }
}, 1);

let n = 0;
/** Milliseconds from sending a command to its reply arriving, and to its HTTP answer (Bolt's ack). */
async function one(commands: readonly (readonly [string, string])[], events: string): Promise<{ reply: number; ack: number }> {
  const id = `b${++n}`;
  const [command, text] = commands[n % commands.length]!;
  const arrived = new Promise<number>((resolve) => waiting.set(id, resolve));
  const t0 = performance.now();
  const res = await postSigned(events, slashCommandBody({ command, text, responseUrl: standIn.responseUrl(id) }));
  if (res.status !== 200) throw new Error(`slack bench: HTTP ${res.status}`);
  const ack = performance.now() - t0;
  return { reply: (await arrived) - t0, ack };
}

port.postMessage({ apiUrl: standIn.apiUrl });
/** One load: `serial` commands one at a time, then `rounds` of 50 in flight (200 and 6 unless given). */
interface LoadRequest {
  readonly events: string;
  readonly commands: [string, string][];
  readonly serial?: number;
  readonly rounds?: number;
  /** Answer after this load and wait for another. */
  readonly more?: boolean;
}

async function serve(msg: LoadRequest): Promise<void> {
  const run = (): Promise<{ reply: number; ack: number }> => one(msg.commands, msg.events);
  for (let i = 0; i < 20; i++) await run();
  const serial: number[] = [];
  for (let i = 0; i < (msg.serial ?? 200); i++) serial.push((await run()).reply);
  const concurrent: number[] = [];
  const acks: number[] = [];
  // When each concurrent command was sent, in epoch milliseconds (comparable across threads).
  const sentAt: number[] = [];
  for (let round = 0; round < (msg.rounds ?? 6); round++) {
    sentAt.push(...Array.from({ length: 50 }, () => performance.timeOrigin + performance.now()));
    const answered = await Promise.all(Array.from({ length: 50 }, run));
    concurrent.push(...answered.map((a) => a.reply));
    acks.push(...answered.map((a) => a.ack));
  }
  if (!msg.more) {
    clearInterval(poll);
    await standIn.close();
  } else port.once('message', (next: LoadRequest) => void serve(next));
  port.postMessage({ serial, concurrent, sentAt, acks });
}
port.once('message', (msg: LoadRequest) => void serve(msg));
