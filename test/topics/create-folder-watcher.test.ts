import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { createFolderWatcher, type FolderChanges, type FolderWatcher } from '../../src/topics/create-folder-watcher.js';
import { silentLogger } from '../../src/logger.js';
import { createTopicLibrary, type TopicLibrary } from '../../src/topics/topic-library.js';

interface Update {
  readonly changes: FolderChanges;
  readonly articles: readonly Article[];
}

let watcher: FolderWatcher | undefined;

afterEach(async () => {
  await watcher?.stop();
  watcher = undefined;
});

async function watchedTopic(debounceMs: number, poll = false): Promise<{ dir: string; topics: TopicLibrary; updates: Update[] }> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-watch-'));
  const dir = join(root, 'storm');
  await mkdir(dir);
  await writeFile(join(dir, 'first.txt'), 'Officials said 40 schools were closed on Tuesday.');
  const topics = await createTopicLibrary(root);
  const updates: Update[] = [];
  watcher = createFolderWatcher({ topics, logger: silentLogger, debounceMs, poll, pollIntervalMs: 100, onUpdate: (topic, changes) => void updates.push({ changes, articles: topic.articles }) });
  await watcher.start();
  return { dir, topics, updates };
}

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the watcher');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watching a topic folder', () => {
  it.each([
    ['file-system events', false],
    ['polling (BRIEFINGS_WATCH_POLL, for mounts without events)', true],
  ])('reloads the topic when a file is added, changed and removed, and says which, by %s', async (_, poll) => {
    const { dir, topics, updates } = await watchedTopic(100, poll);

    await writeFile(join(dir, 'second.md'), '---\ntitle: Rescue update\n---\nRescue teams evacuated an estimated 300 people.');
    await waitFor(() => updates.length === 1);
    expect(updates[0]?.changes).toEqual({ added: ['second.md'], changed: [], removed: [] });
    expect(topics.get('storm')?.articles.map((a) => a.id)).toEqual(['first', 'second']);
    expect(topics.get('storm')?.briefing.sources.map((s) => s.title ?? s.origin)).toContain('Rescue update');

    await writeFile(join(dir, 'first.txt'), 'Officials said 55 schools were closed on Wednesday.');
    await waitFor(() => updates.length === 2);
    expect(updates[1]?.changes).toEqual({ added: [], changed: ['first.txt'], removed: [] });
    expect(topics.get('storm')?.articles.find((a) => a.id === 'first')?.text).toContain('55 schools');

    await rm(join(dir, 'second.md'));
    await waitFor(() => updates.length === 3);
    expect(updates[2]?.changes).toEqual({ added: [], changed: [], removed: ['second.md'] });
    expect(topics.get('storm')?.articles.map((a) => a.id)).toEqual(['first']);
  });

  it('reports nothing for a file the library has read already, as after a feed added it', async () => {
    const { dir, topics, updates } = await watchedTopic(100);
    await writeFile(join(dir, 'fetched.txt'), 'Rescue teams evacuated an estimated 300 people on Friday.');
    const fetched = await topics.reload('storm');
    expect(fetched?.articles.map((a) => a.id)).toEqual(['fetched', 'first']);
    await sleep(800);
    expect(updates).toEqual([]);
    expect(topics.get('storm')).toBe(fetched);
  });

  it('ignores dot-files such as the feed state and temporary files', async () => {
    const { dir, updates } = await watchedTopic(100);
    await writeFile(join(dir, '.feeds-state.json'), '{}');
    await writeFile(join(dir, '.sitrep-abc.tmp'), 'partial');
    await writeFile(join(dir, 'notes.json'), '{}');
    await sleep(500);
    expect(updates).toEqual([]);
  });

  it('does not read a file that is still being written; it is added once, complete', async () => {
    const debounceMs = 400;
    const { dir, updates } = await watchedTopic(debounceMs);
    const path = join(dir, 'late.txt');
    const parts = [
      'Rescue teams reached five villages cut off by the river on Thursday morning.',
      ' Fire service spokesperson Ana Ruiz said crews had evacuated an estimated 300 people.',
      ' Engineers warned that two bridges may have been weakened by debris.',
    ];
    // Each pause is longer than the debounce (a plain debounce would read the file half-way) but
    // shorter than two checks, so the size is never stable across two checks until the end.
    for (const part of parts) {
      await appendFile(path, part);
      await sleep(debounceMs * 1.5);
    }
    await waitFor(() => updates.some((u) => u.changes.added.includes('late.txt')));
    const seen = updates.filter((u) => u.articles.some((a) => a.id === 'late'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.changes.added).toEqual(['late.txt']);
    expect(seen[0]?.articles.find((a) => a.id === 'late')?.text).toBe(parts.join(''));
  });
});
