import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { seedDir } from '../../support/seed.js';
import { startTestPostgres, type TestPostgres } from './start-test-postgres.js';

export interface PostgresWorkspace {
  /** The test file's server (started before its first test). */
  readonly postgres: () => TestPostgres;
  /** A scratch folder holding `briefings/seed`, for a Sitrep process to run in. */
  readonly dir: () => string;
}

/** For a test file that runs Sitrep on Postgres: one server and one seed workspace, removed after. */
export function usePostgresWorkspace(): PostgresWorkspace {
  let postgres: TestPostgres | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-postgres-workspace-'));
    await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Postgres workspace is not set up');
    return value;
  };
  return { postgres: () => ready(postgres), dir: () => ready(dir) };
}
