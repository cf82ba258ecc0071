import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTopicLibrary, loadTopic, type Topic, type TopicLibrary } from '../../src/topics/topic-library.js';
import { visible } from '../core/support/article-variations.js';
import { seedDir, yukosDir } from '../support/seed.js';

let root: string;
let dir: string;
let topics: TopicLibrary;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sitrep-topics-'));
  dir = join(root, 'troops');
  await cp(seedDir, dir, { recursive: true });
  topics = await createTopicLibrary(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function reloaded(): Promise<Topic> {
  const topic = await topics.reload('troops');
  if (!topic) throw new Error('topic vanished');
  return topic;
}

/** The topic as a fresh load of the folder gives it. */
async function expectSameAsFreshLoad(topic: Topic): Promise<void> {
  const fresh = await loadTopic(dir, 'troops');
  expect(topic.articles).toEqual(fresh.articles);
  expect(topic.problems).toEqual(fresh.problems);
  expect(visible(topic.briefing)).toEqual(visible(fresh.briefing));
}

describe('topic library reload', () => {
  it('reads only the new file and updates the briefing to what a fresh load gives', async () => {
    const before = topics.get('troops')!;
    await cp(join(yukosDir, '01.md'), join(dir, '005_yukos.md'));
    const after = await reloaded();
    expect(after.articles).toHaveLength(before.articles.length + 1);
    // Unchanged files are not read again: the very same article values are kept.
    before.articles.forEach((a, i) => expect(after.articles[i]).toBe(a));
    await expectSameAsFreshLoad(after);
    expect(topics.get('troops')).toBe(after);
  });

  it('places a new file by name, and follows changed and removed files', async () => {
    await cp(join(yukosDir, '02.md'), join(dir, '001a_between.md'));
    await expectSameAsFreshLoad(await reloaded());
    await writeFile(join(dir, '002_36c4e33044e8f090.txt'), 'Officials said 4,500 workers were sent, up from an earlier estimate of 3,000 workers.');
    await expectSameAsFreshLoad(await reloaded());
    await unlink(join(dir, '000_a394b7e6ef04b1fd.txt'));
    const topic = await reloaded();
    expect(topic.articles.map((a) => a.id)).not.toContain('000_a394b7e6ef04b1fd');
    await expectSameAsFreshLoad(topic);
  });

  it('takes a file that shares its name with another, extension aside, as an article of its own', async () => {
    await writeFile(join(dir, '000_a394b7e6ef04b1fd.md'), 'Rescuers said 40 bridges were unsafe after the storm.');
    const topic = await reloaded();
    expect(topic.articles.map((a) => a.id)).toContain('000_a394b7e6ef04b1fd.txt');
    await expectSameAsFreshLoad(topic);
  });

  it('keeps listing a bad file as a problem until it is fixed', async () => {
    await writeFile(join(dir, '009_empty.txt'), '');
    expect((await reloaded()).problems.map((p) => p.reason)).toEqual(['empty file']);
    expect((await reloaded()).problems).toHaveLength(1);
    await writeFile(join(dir, '009_empty.txt'), 'Rescuers said 40 bridges were unsafe after the storm.');
    const topic = await reloaded();
    expect(topic.problems).toEqual([]);
    expect(topic.articles.map((a) => a.id)).toContain('009_empty');
    await expectSameAsFreshLoad(topic);
  });

  it('gives the very same topic back when a reload finds every file as the last one read it', async () => {
    await cp(join(yukosDir, '01.md'), join(dir, '005_yukos.md'));
    const after = await reloaded();
    expect(await reloaded()).toBe(after);
    expect(topics.get('troops')).toBe(after);
    await writeFile(join(dir, 'topic.yml'), 'title: Troops abroad\n');
    const retitled = await reloaded();
    expect(retitled).not.toBe(after);
    expect(retitled.title).toBe('Troops abroad');
  });

  it('leaves the briefing handed out before a reload as it was', async () => {
    const before = topics.get('troops')!;
    const copy = structuredClone(before.briefing);
    await cp(join(yukosDir, '00.md'), join(dir, '006_yukos.md'));
    await Promise.all([reloaded(), reloaded()]);
    expect(before.briefing).toEqual(copy);
    await expectSameAsFreshLoad(topics.get('troops')!);
  });
});
