/**
 * Counts work in progress (digest posts and store writes, `digest` and `add` commands) so that
 * shutdown can wait for it to finish before the platforms and the store close.
 */
export interface InFlight {
  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once nothing is in flight, and nothing started in the turn after (a chain of steps, e.g. claim → post → record). */
  settled(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  const idle = (): Promise<void> => (count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve)));
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    track(work) {
      count++;
      const done = (): void => {
        if (--count > 0) return;
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve();
      };
      work.then(done, done);
      return work;
    },
    async settled() {
      do {
        await idle();
        await nextTurn();
      } while (count > 0);
    },
  };
}

/** The same object, with every method that returns a promise counted by `inFlight`. */
export function trackMethods<T extends object>(target: T, inFlight: InFlight): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        return result instanceof Promise ? inFlight.track(result) : result;
      };
    },
  });
}
