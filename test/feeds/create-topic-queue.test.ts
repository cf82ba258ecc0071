import { describe, expect, it } from 'vitest';
import { createTopicQueue } from '../../src/feeds/create-topic-queue.js';

describe('the per-topic queue', () => {
  it("runs a topic's work one at a time, a person's before waiting feed items, other topics alongside", async () => {
    const queue = createTopicQueue();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const work = (name: string, wait?: Promise<void>) => async (): Promise<string> => {
      order.push(`start ${name}`);
      await wait;
      order.push(`end ${name}`);
      return name;
    };
    const runs = [
      queue.run('floods', 'feed', work('feed 1', held)),
      queue.run('floods', 'feed', work('feed 2')),
      queue.run('floods', 'feed', work('feed 3')),
      queue.run('floods', 'person', work('add')),
      queue.run('fire', 'feed', work('other topic')),
    ];
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['start feed 1', 'start other topic', 'end other topic']);
    release();
    expect(await Promise.all(runs)).toEqual(['feed 1', 'feed 2', 'feed 3', 'add', 'other topic']);
    expect(order.slice(3)).toEqual(['end feed 1', 'start add', 'end add', 'start feed 2', 'end feed 2', 'start feed 3', 'end feed 3']);
  });

  it("keeps going after a task fails, and the failure is the caller's", async () => {
    const queue = createTopicQueue();
    const failing = queue.run('floods', 'feed', () => Promise.reject(new Error('disk full')));
    const next = queue.run('floods', 'person', () => Promise.resolve('stored'));
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('stored');
  });
});
