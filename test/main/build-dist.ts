/**
 * Vitest global setup: compiles src/ into dist/ (what `npm start` and `bin/sitrep.js` run) before
 * any test file starts, so the end-to-end tests always spawn the current code. Incremental: when
 * nothing changed it writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function buildDist(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  // Exit 2 is "type errors, output written": the typecheck step reports those; the tests can still run.
  if (build.status !== 0 && build.status !== 2) throw new Error(`could not build dist/ for the end-to-end tests:\n${build.stdout}${build.stderr}`);
}
