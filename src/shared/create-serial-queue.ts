/** Runs tasks one after another per key (a channel, a topic). */
export interface SerialQueue {
  /** Starts `task` once every task queued before it under `key` has settled; its outcome is the caller's alone. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** A per-key serial queue: a failed task does not stop the ones behind it, and a key with nothing queued is forgotten. */
export function createSerialQueue(): SerialQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const run = (tails.get(key) ?? Promise.resolve()).then(() => task());
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
  };
}
