/**
 * `npm run bench`: figures for the README. Each section measures against a baseline taken in the
 * same run on the same machine, so ratios stay honest on a 2-core box.
 */
import { benchChart } from './chart.js';
import { benchDigests } from './digests.js';
import { benchDiscord } from './discord.js';
import { benchEngine } from './engine.js';
import { benchIngestLoad } from './ingest-load.js';
import { benchReplicas } from './replicas.js';
import { benchSlack } from './slack.js';
import { benchStartup } from './startup.js';
import { benchStoreClaims } from './store-claims.js';
import { bbcCorpusDir, trackMemory } from './support.js';
import { benchUpdates } from './update.js';

const peak = trackMemory();
const print = (line: string): void => console.log(line);

print('# Sitrep benchmark');
print('## Start-up (`npm start` answering one piped question; `npx sitrep ask`)');
await benchStartup(print);

print('## Engine');
await benchEngine(print);
print(`peak memory so far (RSS): ${Math.round(peak() / 1024 / 1024)} MiB`);

print('## Digests');
for (const [what, value] of Object.entries(await benchDigests())) print(`${what}: ${value}`);

print('## Slot claims (SQLite file and Postgres server, same run)');
await benchStoreClaims(print);

print('## Replicas (two processes, one Postgres)');
await benchReplicas(print);

print('## Charts (Vega-Lite → SVG → resvg PNG)');
await benchChart(print);

print('## Slack slash commands (Bolt, HTTP mode, loopback)');
await benchSlack(print);

print('## Ack latency while a large article is ingested (Slack, HTTP mode, loopback)');
await benchIngestLoad(print);

print('## Discord slash commands (discord.js gateway, loopback)');
await benchDiscord(print);

print('## Incremental updates');
if (!bbcCorpusDir()) print('BBC corpus not found beside the repository (shared/corpora/bbc-news): the 2,000-article figures are skipped; the seed topic grows from the Yukos fixtures');
await benchUpdates(print);

print(`## Peak memory (RSS) of the whole run: ${Math.round(peak() / 1024 / 1024)} MiB`);
