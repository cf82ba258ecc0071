/** Commands take turns: between one command's work and the next, the event loop polls for I/O (a request waiting to be acked). */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { nextTurn } from '../../src/commands/next-turn.js';

/** Work that holds the thread, as ranking and rendering do. */
const busy = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('nextTurn', () => {
  it('lets a request that arrives during one command\'s work be answered before the next command\'s work', async () => {
    const order: string[] = [];
    const server = createServer((_req, res) => {
      order.push('request answered');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      let answered!: Promise<void>;
      const work = Array.from({ length: 20 }, (_, i) =>
        nextTurn().then(() => {
          order.push(`work ${i}`);
          // The first command's work sends a request and holds the thread until the server has surely received it.
          if (i === 0) answered = new Promise((resolve) => request({ port, host: '127.0.0.1' }, (res) => res.resume().on('end', resolve)).end());
          busy(i === 0 ? 50 : 5);
        }),
      );
      await Promise.all(work);
      await answered;
      // Without turns all twenty would run back to back and the request would be answered last.
      expect(order.indexOf('request answered')).toBeLessThan(order.indexOf('work 19'));
      expect(order.filter((o) => o.startsWith('work'))).toEqual(Array.from({ length: 20 }, (_, i) => `work ${i}`));
    } finally {
      server.close();
    }
  });
});
