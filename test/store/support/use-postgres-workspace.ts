import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { seedDir } from '../../support/seed.js';
import type { TestPostgres } from './start-test-postgres.js';
import { useTestPostgres } from './use-test-postgres.js';

export interface PostgresWorkspace {
  /** The test file's server (started before its first test). */
  readonly postgres: () => TestPostgres;
  /** A scratch folder holding `briefings/seed`, for a Sitrep process to run in. */
  readonly dir: () => string;
}

/** For a test file that runs Sitrep on Postgres: one server and one seed workspace, removed after. */
export function usePostgresWorkspace(): PostgresWorkspace {
  const postgres = useTestPostgres();
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-postgres-workspace-'));
    await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    postgres,
    dir: () => {
      if (dir === undefined) throw new Error('the Postgres workspace is not set up');
      return dir;
    },
  };
}
