import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../src/shared/create-serial-queue.js';
import { errorText } from '../../src/shared/error-text.js';
import { plural } from '../../src/shared/plural.js';

describe('a serial queue', () => {
  it('runs the tasks of one key one after another, past a failure, and those of other keys beside them', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const slow = queue.run('C1', () => new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('C1 first')));
    const failing = queue.run('C1', async () => {
      log.push('C1 second');
      throw new Error('refused');
    });
    const third = queue.run('C1', async () => void log.push('C1 third'));
    await queue.run('C2', async () => void log.push('C2'));
    expect(log).toEqual(['C2']);
    release();
    await slow;
    await expect(failing).rejects.toThrow('refused');
    await third;
    expect(log).toEqual(['C2', 'C1 first', 'C1 second', 'C1 third']);
  });
});

describe('words', () => {
  it('counts with the right number: 1 article, 2 articles, 3 quantities', () => {
    expect([plural(1, 'article'), plural(2, 'article'), plural(3, 'quantity', 'quantities'), plural(0, 'source')]).toEqual(['1 article', '2 articles', '3 quantities', '0 sources']);
  });

  it('gives an error as its message, anything else as a string', () => {
    expect([errorText(new Error('ECONNRESET')), errorText('timeout'), errorText(42)]).toEqual(['ECONNRESET', 'timeout', '42']);
  });
});
