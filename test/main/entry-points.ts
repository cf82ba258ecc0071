/**
 * The compiled entry points, spawned as `npm start` and the `sitrep` bin run them (dist/ is built
 * from the current src/ by the global setup, build-dist.ts).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start`'s command (`node dist/main.js`), with its paths made absolute so it runs from any folder. */
export function startCommand(): { readonly command: string; readonly args: string[] } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [program, ...args] = pkg.scripts.start.split(/\s+/);
  if (program !== 'node') throw new Error(`npm start runs ${program}, not node`);
  return { command: process.execPath, args: args.map((a) => (a.startsWith('-') ? a : join(root, a))) };
}

/** `npm start` in `cwd` (a scratch folder, so no .env is read) with only `env`, stdin piped. */
export function spawnStart(cwd: string, env: Record<string, string>): ChildProcessWithoutNullStreams {
  const { command, args } = startCommand();
  return spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Whether util-linux `script` is here to give a child process a terminal. */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `npm start` on a pseudo-terminal (stdin, stdout and stderr are one TTY), through `script`. */
export function spawnStartOnTerminal(cwd: string, env: Record<string, string>): ChildProcessWithoutNullStreams {
  const { command, args } = startCommand();
  const line = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return spawn('script', ['-qfec', line, '/dev/null'], { cwd, env: { PATH: process.env.PATH ?? '', TERM: 'dumb', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Collects a child's output; `exited` resolves with its exit code (or the signal that ended it). */
export function watch(child: ChildProcessWithoutNullStreams): { readonly out: () => string; readonly err: () => string; readonly exited: Promise<number | NodeJS.Signals> } {
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { out: () => out, err: () => err, exited };
}

/** The first JSON log record with message `msg` in a process's stderr, once it has been written. */
export function loggedRecord(stderr: string, msg: string): Record<string, unknown> | undefined {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((record) => record.msg === msg);
}

/** Resolves once `check` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
