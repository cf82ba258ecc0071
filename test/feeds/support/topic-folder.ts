import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createTopicLibrary, type TopicLibrary } from '../../../src/topics/topic-library.js';

export const topicName = 'valley-floods';

export interface TopicFolder {
  readonly root: string;
  readonly dir: string;
  readonly topics: TopicLibrary;
}

/** A briefings root with one topic folder: a topic.yml with these feeds and keywords, and these files. */
export async function makeTopicFolder(settings: { feeds?: string[]; keywords?: string[] } = {}, files: Record<string, string> = {}): Promise<TopicFolder> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-feeds-'));
  const dir = join(root, topicName);
  await mkdir(dir);
  await writeFile(join(dir, 'topic.yml'), stringify({ title: 'Valley floods', ...settings }));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return { root, dir, topics: await createTopicLibrary(root) };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2024-05-05T08:00:00Z'): { now: () => Date; advance: (minutes: number) => void } {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (minutes) => void (time += minutes * 60_000) };
}
