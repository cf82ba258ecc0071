/**
 * Replicas for real: two `npm start` processes (dist/main.js) with one DATABASE_URL, posting to the
 * Slack stand-in. 100 subscriptions are due in the same minute; between them the channels get
 * every digest once. Killed with SIGKILL in the middle, one replica leaves claims behind; the
 * other, started after their lease, posts what is left and finds (in the channel's history) what
 * the dead one had already posted: still every digest once.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-digest-store.js';
import { spawnStart, until, watch } from '../main/entry-points.js';
import { startSlackStandIn, type SlackStandIn } from '../adapters/slack/slack-stand-in.js';
import { usePostgresWorkspace } from './support/use-postgres-workspace.js';

const count = 100;
/** The lease of the kill test: short, so the survivor may take the dead one's claims soon. */
const leaseSeconds = 3;
const channels = Array.from({ length: count }, (_, i) => `C0REPLICA${String(i).padStart(3, '0')}`);

const workspace = usePostgresWorkspace();

let standIn: SlackStandIn | undefined;
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await standIn?.close();
});

/** A database holding `count` daily digests whose slot was five minutes ago: due at start-up. */
async function databaseWithDueDigests(): Promise<string> {
  const url = await workspace.postgres().createDatabase();
  const store = await openPostgresStore(url);
  const slot = new Date(Date.now() - 5 * 60_000);
  for (const channelId of channels) {
    await store.saveSubscription({
      id: `chat:slack:${channelId}:seed`,
      platform: 'slack',
      channelId,
      topic: 'seed',
      cron: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
      timezone: 'UTC',
      quietWhenUnchanged: false,
      owner: 'chat',
      activeFrom: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
  }
  await store.close();
  return url;
}

function startReplica(url: string, slack: SlackStandIn, lease = leaseSeconds): ReturnType<typeof watch> & { child: ChildProcessWithoutNullStreams } {
  const child = spawnStart(workspace.dir(), {
    LOG_LEVEL: 'info',
    BRIEFINGS_DIR: join(workspace.dir(), 'briefings'),
    DATABASE_URL: url,
    DIGEST_LEASE_SECONDS: String(lease),
    SLACK_BOT_TOKEN: 'xoxb-test-replicas-not-a-real-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef',
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  children.push(child);
  return { child, ...watch(child) };
}

/** Each digest part the channels hold, by the delivery id its metadata carries. */
const deliveryIds = (slack: SlackStandIn): string[] =>
  slack.messages.filter((m) => m.channel.startsWith('C0REPLICA')).map((m) => String((m.metadata as { event_payload?: { delivery_id?: string } } | undefined)?.event_payload?.delivery_id));
const channelsReached = (slack: SlackStandIn): number => new Set(slack.messages.filter((m) => m.channel.startsWith('C0REPLICA')).map((m) => m.channel)).size;

/** Every channel got its digest, and no part of any digest was posted twice. */
function expectEachDigestOnce(slack: SlackStandIn): void {
  expect(channelsReached(slack)).toBe(count);
  const ids = deliveryIds(slack);
  expect(new Set(ids).size).toBe(ids.length);
  // Every digest has the same parts (one topic): the part count divides the total evenly.
  expect(ids.length % count).toBe(0);
}

describe(`two Sitrep processes on one Postgres database, ${count} digests due in the same minute`, () => {
  it('post each digest once between them', async () => {
    const slack = (standIn = await startSlackStandIn());
    const url = await databaseWithDueDigests();
    // A lease longer than the test: on a loaded machine a post can take more than 3 s, and a
    // replica would then (rightly) take the slot over and find it posted, delivering it twice in the log.
    const replicas = [startReplica(url, slack, 600), startReplica(url, slack, 600)];
    // A replica logs a delivery once every part of it has landed.
    const delivered = (): number[] => replicas.map((r) => r.err().split('\n').filter((line) => line.includes('digest delivered')).length);
    await until(() => delivered()[0]! + delivered()[1]! >= count, 150_000, 'the replicas to deliver every digest');
    // Give a straggler the time to post a second copy, if one could.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expectEachDigestOnce(slack);
    // Both served: the digests were shared out by the database, not all taken by whichever started first.
    expect(delivered()[0]! + delivered()[1]!).toBe(count);
    expect(Math.min(...delivered())).toBeGreaterThan(0);
    for (const r of replicas) r.child.kill('SIGTERM');
    expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);
  }, 300_000);

  it('finish after one is killed with SIGKILL in the middle, still once each', async () => {
    const slack = (standIn = await startSlackStandIn());
    // Slow answers, so that the first replica is killed with a post in flight: posted, not yet answered.
    slack.script('chat.postMessage', (_call, _nth, defaults) => ({ ...defaults(), hold: new Promise((resolve) => setTimeout(resolve, 250)) }));
    const url = await databaseWithDueDigests();
    const first = startReplica(url, slack);
    await until(() => channelsReached(slack) >= count / 3, 150_000, 'a third of the channels to get their digest');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const reachedBeforeKill = channelsReached(slack);
    expect(reachedBeforeKill).toBeLessThan(count);
    await new Promise((resolve) => setTimeout(resolve, (leaseSeconds + 0.5) * 1000));
    const second = startReplica(url, slack);
    // The survivor logs each digest it delivers, those it took over from the dead replica included.
    const delivered = (): number => second.err().split('\n').filter((line) => line.includes('digest delivered')).length;
    await until(() => channelsReached(slack) === count && delivered() >= count - reachedBeforeKill, 150_000, 'the survivor to deliver the rest');
    await new Promise((resolve) => setTimeout(resolve, (leaseSeconds + 1) * 1000));
    expectEachDigestOnce(slack);
    // The dead replica's unanswered post was looked up in the channel, not posted again.
    expect(slack.calls.some((c) => c.method === 'conversations.history')).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 300_000);
});
