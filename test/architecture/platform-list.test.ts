import { expect, test } from 'vitest';
import { platforms } from '../../src/chat/chat-port.js';
import { migrations } from '../../src/store/sqlite-migrations.js';

test("the SQLite schema's platform CHECK allows exactly the chat port's platforms", () => {
  // Migrations are append only, so the CHECK cannot be built from the constant: the last one wins.
  const checks = [...migrations.join('\n').matchAll(/platform\s+TEXT\s+NOT\s+NULL\s+CHECK\s*\(platform\s+IN\s*\(([^)]*)\)\)/gi)];
  const allowed = checks.at(-1)?.[1]?.split(',').map((name) => name.trim().replace(/^'|'$/g, ''));
  expect(allowed).toEqual([...platforms]);
});
