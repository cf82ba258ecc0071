#!/usr/bin/env node
// The `sitrep` command: runs the compiled CLI (dist/, built from src/ by `npm ci` / `npm install`
// through the `prepare` script), so a one-shot command starts in plain Node, with no TypeScript loader.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  console.error('sitrep: not built yet: run `npm run build` (npm ci and npm install do it)');
  process.exit(1);
}
process.exitCode = await cli.runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
});
