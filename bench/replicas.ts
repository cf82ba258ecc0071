/**
 * Replicas for `npm run bench` (issue 16): two real `npm start` processes (node dist/main.js, as
 * test/store/replica-processes.test.ts spawns them) on one embedded Postgres, 10,000 daily Slack
 * digests due in the same minute, posting to the Slack stand-in in this process. Each replica has
 * its own bot token, so the stand-in tells whose post each one was. Prints the wall time from the
 * due minute until every channel has its digest, posts per second, each replica's share,
 * duplicates and missing (both must be 0) and each replica's peak RSS (VmHWM in /proc). Postgres
 * runs durable (fsync on), as in production. dist/ must be built from the current src/
 * (`npm run build`; the test setup builds it too).
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../src/store/postgres-digest-store.js';
import { startSlackStandIn, type SlackStandIn } from '../test/adapters/slack/slack-stand-in.js';
import { spawnStart, watch } from '../test/main/entry-points.js';
import { startTestPostgres } from '../test/store/support/start-test-postgres.js';
import { seedDir } from '../test/support/seed.js';

const count = 10_000;
/** Past the due minute, the bench gives up. */
const boundMs = 5 * 60_000;
/** Time for the replicas to start (and list 10,000 subscriptions) before the due minute. */
const startUpMs = 30_000;
const channelPrefix = 'C0BENCH';
const channels = Array.from({ length: count }, (_, i) => `${channelPrefix}${String(i).padStart(5, '0')}`);
const tokens = ['xoxb-test-bench-replica-a', 'xoxb-test-bench-replica-b'] as const;

/** Peak resident memory of a process so far (VmHWM), in bytes; 0 once it is gone. */
function peakRssOf(pid: number | undefined): number {
  try {
    const kib = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kib ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Saves one daily digest per channel at `due` (UTC), with 8 writers at once. */
async function seedSubscriptions(url: string, due: Date): Promise<void> {
  const store = await openPostgresStore(url, { maxConnections: 8 });
  let next = 0;
  const writer = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      await store.saveSubscription({
        id: `chat:slack:${channels[i]}:seed`,
        platform: 'slack',
        channelId: channels[i]!,
        topic: 'seed',
        cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`,
        timezone: 'UTC',
        quietWhenUnchanged: false,
        owner: 'chat',
        activeFrom: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  await store.close();
}

/** What the stand-in holds now: digests per replica (by token), duplicate parts, channels reached. */
function tally(slack: SlackStandIn): { byReplica: number[]; duplicates: number; reached: number } {
  const seen = new Set<string>();
  const reached = new Set<string>();
  const byReplica = tokens.map(() => new Set<string>());
  let duplicates = 0;
  for (const call of slack.calls) {
    const channel = String(call.args['channel']);
    if (call.method !== 'chat.postMessage' || !channel.startsWith(channelPrefix)) continue;
    const id = String((call.args['metadata'] as { event_payload?: { delivery_id?: string } } | undefined)?.event_payload?.delivery_id);
    if (seen.has(id)) duplicates++;
    seen.add(id);
    reached.add(channel);
    byReplica[tokens.indexOf(call.token as (typeof tokens)[number])]?.add(channel);
  }
  return { byReplica: byReplica.map((s) => s.size), duplicates, reached: reached.size };
}

export async function benchReplicas(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-replicas-'));
  const postgres = await startTestPostgres({ durable: true });
  const slack = await startSlackStandIn();
  const children: ChildProcessWithoutNullStreams[] = [];
  try {
    await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
    const url = await postgres.createDatabase();
    // The due minute: the first whole minute far enough ahead to seed and start both replicas.
    const seedStart = Date.now();
    const due = new Date(Math.ceil((Date.now() + 15_000 + startUpMs) / 60_000) * 60_000);
    await seedSubscriptions(url, due);
    const seeded = Date.now();
    if (seeded + startUpMs > due.getTime()) throw new Error(`seeding ${count} subscriptions took ${seeded - seedStart} ms: too late for the due minute`);
    const replicas = tokens.map((token) => {
      const child = spawnStart(dir, {
        LOG_LEVEL: 'warn',
        BRIEFINGS_DIR: join(dir, 'briefings'),
        DATABASE_URL: url,
        SLACK_BOT_TOKEN: token,
        SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef',
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      children.push(child);
      return { child, ...watch(child) };
    });
    // Sampled as it runs: VmHWM is the kernel's own peak, read again before each child is stopped.
    const peaks = replicas.map(() => 0);
    const sample = (): void => replicas.forEach((r, i) => (peaks[i] = Math.max(peaks[i]!, peakRssOf(r.child.pid))));
    let done = false;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      sample();
      const exited = replicas.findIndex((r) => r.child.exitCode !== null || r.child.signalCode !== null);
      if (exited >= 0) throw new Error(`replica ${exited + 1} exited early:\n${replicas[exited]!.err().slice(-2000)}`);
      if (tally(slack).reached >= count) {
        done = true;
        break;
      }
      if (Date.now() > due.getTime() + boundMs) break;
    }
    const wallMs = Date.now() - due.getTime();
    // Give a straggler the time to post a second copy, if one would.
    if (done) await new Promise((resolve) => setTimeout(resolve, 3000));
    sample();
    const { byReplica, duplicates, reached } = tally(slack);
    const rate = `${Math.round(reached / (wallMs / 1000))} digests/s`;
    if (done) print(`Replicas (two \`npm start\` processes, one Postgres, Slack stand-in on loopback): ${count} digests due at the same minute, all posted ${(wallMs / 1000).toFixed(1)} s after it (${rate})`);
    else print(`Replicas: FAILED, only ${reached} of ${count} digests due at the same minute were posted ${(wallMs / 1000).toFixed(0)} s after it (${rate}; two \`npm start\` processes, one Postgres)`);
    const charts = slack.uploads.filter((u) => u.channel.startsWith(channelPrefix)).length;
    print(`replica 1 posted ${byReplica[0]}, replica 2 posted ${byReplica[1]}; duplicates ${duplicates}, missing ${count - reached}; charts uploaded after the text: ${charts}`);
    print(`peak RSS: replica 1 ${mib(peaks[0]!)}, replica 2 ${mib(peaks[1]!)} (seeding ${count} subscriptions took ${((seeded - seedStart) / 1000).toFixed(1)} s)`);
    for (const r of replicas) r.child.kill('SIGTERM');
    await Promise.race([Promise.all(replicas.map((r) => r.exited)), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await slack.close();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReplicas((line) => console.log(line));
