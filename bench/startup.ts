/**
 * Start-up figures for `npm run bench`: how long `npm start` takes to answer one piped question on
 * the bundled story and exit, and how long `npx sitrep ask` takes, each as the median of several
 * runs beside `node -e 0` (a bare Node start) measured in the same run. The compiled entry points
 * are also timed without npm, and `npx sitrep --version` without the engine, to show what npm and
 * npx themselves add.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, percentiles } from './support.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const question = 'latest troop estimate';

interface Subject {
  readonly what: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly input?: string;
  /** What the output must hold, so a run that failed fast is never counted as a fast start. */
  readonly expect?: string;
}

function timeRun(subject: Subject, env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(subject.command, subject.args, { cwd: root, env, input: subject.input ?? '', encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (run.status !== 0 || (subject.expect && !run.stdout.includes(subject.expect))) {
    throw new Error(`${subject.what} failed (exit ${run.status}): ${run.stderr.trim().split('\n')[0] ?? ''}`);
  }
  return elapsed;
}

/**
 * Median wall time of each subject over `runs` rounds, after one warm-up round that fills the file
 * cache. Rounds interleave the subjects, so a busy moment on a shared machine hits all of them
 * alike and the ratios to `node -e 0` stay fair.
 */
function medians(subjects: readonly Subject[], env: NodeJS.ProcessEnv, runs: number): number[] {
  for (const subject of subjects) timeRun(subject, env);
  const samples = subjects.map((): number[] => []);
  for (let round = 0; round < runs; round++) subjects.forEach((subject, i) => samples[i]!.push(timeRun(subject, env)));
  return samples.map((times) => percentiles(times).p50);
}

export async function benchStartup(print: (line: string) => void, runs = 7): Promise<void> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
  const scratch = mkdtempSync(join(tmpdir(), 'sitrep-bench-startup-'));
  // The console on the bundled story, whatever a developer's .env holds (an empty value wins over .env).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: join(scratch, 'sitrep.sqlite'),
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: '',
    SLACK_SIGNING_SECRET: '',
    SLACK_APP_TOKEN: '',
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
    SITREP_CONSOLE: '',
  };
  const piped = `/ask ${question}\n`;
  const subjects: Subject[] = [
    { what: 'node -e 0 (baseline)', command: process.execPath, args: ['-e', '0'] },
    { what: 'npm start, one piped question', command: 'npm', args: ['start', '--silent'], input: piped, expect: '10,000' },
    { what: '  node dist/main.js (the same, without npm)', command: process.execPath, args: ['dist/main.js'], input: piped, expect: '10,000' },
    { what: 'npx -c true (npm and npx starting, running nothing)', command: 'npx', args: ['-c', 'true'] },
    { what: `npx sitrep ask "${question}"`, command: 'npx', args: ['sitrep', 'ask', question], expect: '10,000' },
    // What npx adds for a package's own bin (it loads the whole node_modules tree first), with no engine loaded.
    { what: '  npx sitrep --version (npx and the CLI, no engine)', command: 'npx', args: ['sitrep', '--version'], expect: '.' },
    { what: '  node bin/sitrep.js ask (the same, without npx)', command: process.execPath, args: ['bin/sitrep.js', 'ask', question], expect: '10,000' },
  ];
  try {
    const p50s = medians(subjects, env, runs);
    const baseline = p50s[0]!;
    subjects.forEach((subject, i) => {
      const ratio = i === 0 ? '' : ` (${(p50s[i]! / baseline).toFixed(1)}× node -e 0)`;
      print(`${subject.what}: median ${ms(p50s[i]!)} of ${runs} runs${ratio}`);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
