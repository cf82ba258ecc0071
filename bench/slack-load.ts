/**
 * The other side of the Slack benchmark, in a worker thread so that the load and the stand-in do
 * not share the adapter's event loop (as Slack's servers would not): serves the Web API and
 * response_url, sends signed slash commands, and reports each command's latency.
 */
import { parentPort } from 'node:worker_threads';
import { startSlackStandIn } from '../test/slack/slack-stand-in.js';
import { postSigned, slashCommandBody } from '../test/slack/slack-requests.js';

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
async function one(commands: readonly (readonly [string, string])[], events: string): Promise<number> {
  const id = `b${++n}`;
  const [command, text] = commands[n % commands.length]!;
  const arrived = new Promise<number>((resolve) => waiting.set(id, resolve));
  const t0 = performance.now();
  const res = await postSigned(events, slashCommandBody({ command, text, responseUrl: standIn.responseUrl(id) }));
  if (res.status !== 200) throw new Error(`slack bench: HTTP ${res.status}`);
  return (await arrived) - t0;
}

port.postMessage({ apiUrl: standIn.apiUrl });
port.once('message', async (msg: { events: string; commands: [string, string][] }) => {
  const run = (): Promise<number> => one(msg.commands, msg.events);
  for (let i = 0; i < 20; i++) await run();
  const serial: number[] = [];
  for (let i = 0; i < 200; i++) serial.push(await run());
  const concurrent: number[] = [];
  for (let round = 0; round < 6; round++) concurrent.push(...(await Promise.all(Array.from({ length: 50 }, run))));
  clearInterval(poll);
  await standIn.close();
  port.postMessage({ serial, concurrent });
});
