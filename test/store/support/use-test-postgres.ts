import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from './start-test-postgres.js';

/**
 * One real Postgres server for the calling test file: started before its first test, stopped
 * (and its data removed) after the last. Returns the getter its tests call.
 */
export function useTestPostgres(): () => TestPostgres {
  let postgres: TestPostgres | undefined;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  return () => {
    if (!postgres) throw new Error('the test Postgres server did not start');
    return postgres;
  };
}
