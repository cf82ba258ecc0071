/**
 * Signal handling for `npm start`. Installed before anything else is loaded, so a SIGTERM or
 * SIGINT at any moment (even while a platform logs in) stops Sitrep cleanly: every service started
 * so far stops, last started first, and the process exits 0; a service whose start was under way
 * is stopped as soon as it is added; past the hard limit the process exits 1 anyway.
 */
export interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

export interface ShutdownLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface Shutdown {
  /** True once a signal came in; start-up checks it between steps. */
  readonly requested: boolean;
  /** Registers a started service, to be stopped on shutdown (at once if the shutdown has begun). */
  add(service: Service): void;
  /** Stops every service, last added first; calling it again waits for the same stop. */
  stopAll(): Promise<void>;
  /** Where shutdown reports; stderr until the logger exists. */
  useLog(log: ShutdownLog): void;
}

export interface ShutdownOptions {
  readonly hardLimitMs: number;
  readonly exit?: (code: number) => void;
  readonly signals?: readonly NodeJS.Signals[];
}

const stderrLog: ShutdownLog = {
  info: () => undefined,
  error: (msg, fields) => void process.stderr.write(`sitrep: ${msg}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`),
};

export function installShutdown(options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const services: Service[] = [];
  let log = stderrLog;
  let stopping: Promise<void> | undefined;
  let requested = false;

  const stopOne = (s: Service): Promise<void> =>
    Promise.resolve()
      .then(() => s.stop())
      .catch((error: unknown) => log.error('could not stop cleanly', { service: s.name, error }));
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const s of services.splice(0).reverse()) await stopOne(s);
    })());

  const onSignal = (signal: NodeJS.Signals): void => {
    if (requested) return;
    requested = true;
    log.info('stopping', { signal, limitMs: options.hardLimitMs });
    const limit = setTimeout(() => {
      log.error(`did not stop within ${options.hardLimitMs / 1000} s; exiting`, { signal });
      exit(1);
    }, options.hardLimitMs);
    limit.unref();
    stopAll().then(
      () => exit(0),
      () => exit(1),
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);

  return {
    get requested() {
      return requested;
    },
    add(service) {
      if (stopping) void stopOne(service);
      else services.push(service);
    },
    stopAll,
    useLog: (next) => void (log = next),
  };
}
