/**
 * What can be checked of the container files without Docker: the Dockerfile's stages (the runtime
 * one runs as a non-root user the dist/ the build stage compiled, and its CMD names a file the build
 * makes), the context it copies from (present, not ignored), the compose files (they parse, mount the
 * article sets and the data folder where the config puts them, name only real settings; the scale
 * one's replicas share a Postgres the config accepts), and the
 * HEALTHCHECK script run against the real Slack receiver.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { signingSecret } from '../adapters/slack/slack-requests.js';
import { harnessBotToken, startSlackHarness, type SlackHarness } from '../adapters/slack/slack-harness.js';
import { root } from './entry-points.js';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped, split into stages at FROM. */
function readStages(): Instruction[][] {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages: Instruction[][] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const stages = readStages();
const buildStage = stages[0] ?? [];
const runtime = stages.at(-1) ?? [];
const args = (stage: Instruction[], keyword: string): string[] => stage.filter((i) => i.keyword === keyword).map((i) => i.args);
/** COPY's sources and destination, without its --flags. */
const copies = (stage: Instruction[]): { from?: string; sources: string[]; dest: string }[] =>
  args(stage, 'COPY').map((a) => {
    const words = a.split(/\s+/);
    const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((w) => !w.startsWith('--'));
    return { ...(from ? { from } : {}), sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
  });

/** .dockerignore's patterns (folder or file names at the context root, as this one is written). */
const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const isIgnored = (path: string): boolean => ignored.some((p) => path === p || path.startsWith(`${p}/`) || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));

describe('Dockerfile', () => {
  it('has a build stage and a runtime stage built from the same Node 20 slim image', () => {
    expect(stages.length).toBe(2);
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect(image).toMatch(/^node:20-(bookworm-)?slim$/);
    expect(args(buildStage, 'FROM')[0]).toBe('${NODE_IMAGE} AS build');
    expect(args(runtime, 'FROM')[0]).toMatch(/^\$\{NODE_IMAGE\}/);
  });

  it('installs with npm ci (scripts on, so better-sqlite3 is built and prepare compiles dist/), then prunes the dev packages', () => {
    const run = args(buildStage, 'RUN').join(' && ');
    expect(run).toMatch(/npm ci(?![^&]*--ignore-scripts)/);
    expect(run).toMatch(/npm ci[^&]*&& npm prune --omit=dev/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; allowScripts: Record<string, boolean> };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
  });

  it('runs as the non-root node user, from the dist/ and node_modules of the build stage', () => {
    const users = args(runtime, 'USER');
    expect(users.at(-1)).toBe('node');
    const runtimeCopies = copies(runtime);
    const fromBuild = runtimeCopies.filter((c) => c.from === 'build').flatMap((c) => c.sources);
    expect(fromBuild).toEqual(expect.arrayContaining(['/app/dist', '/app/node_modules', '/app/package.json']));
    // Nothing of the sources or the dev tools reaches the runtime image.
    for (const c of runtimeCopies.filter((c) => !c.from)) for (const s of c.sources) expect(s).not.toMatch(/^(src|test|node_modules)\b/);
  });

  it("CMD runs npm start's file with plain node, and the build makes that file", () => {
    const cmd = JSON.parse(args(runtime, 'CMD').at(-1) ?? '[]') as string[];
    expect(cmd).toEqual(['node', 'dist/main.js']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(cmd.join(' '));
    // dist/ was just built from src/ by the global setup, as the build stage's npm ci does.
    expect(existsSync(join(root, cmd[1]!))).toBe(true);
  });

  it('copies only files that exist in the repository and that .dockerignore lets into the context', () => {
    const fromContext = [...copies(buildStage), ...copies(runtime)].filter((c) => !c.from).flatMap((c) => c.sources);
    expect(fromContext).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'briefings', 'docker/healthcheck.js']));
    for (const source of fromContext) {
      expect(existsSync(join(root, source)), source).toBe(true);
      expect(isIgnored(source), source).toBe(false);
    }
  });

  it('keeps secrets, installed packages, builds and the store out of the build context', () => {
    for (const path of ['.env', 'node_modules', 'dist', 'data', '.git']) expect(isIgnored(path), path).toBe(true);
  });

  it('checks health with the script it copies', () => {
    const check = args(runtime, 'HEALTHCHECK').at(-1) ?? '';
    expect(check).toMatch(/CMD \["node", "docker\/healthcheck\.js"\]$/);
    expect(copies(runtime).some((c) => c.sources.includes('docker/healthcheck.js') && c.dest === './docker/healthcheck.js')).toBe(true);
  });
});

interface ComposeService {
  readonly env_file?: unknown;
  readonly volumes?: string[];
  readonly environment?: Record<string, string> | string[];
  readonly depends_on?: Record<string, { condition?: string }>;
  readonly ports?: string[];
}

const composeFile = (name: string): { text: string; services: Record<string, ComposeService> } => {
  const text = readFileSync(join(root, name), 'utf8');
  return { text, services: (parse(text, { merge: true }) as { services: Record<string, ComposeService> }).services };
};
const environmentOf = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.environment) ? Object.fromEntries(service.environment.map((e) => e.split('=') as [string, string])) : { ...service.environment };

/** Every `${NAME}` a compose file reads and every variable it sets is a setting of src/config.ts (or the compose file's own). */
function expectOnlySettings(text: string, services: readonly ComposeService[], own: readonly string[] = []): void {
  const config = readFileSync(join(root, 'src/config.ts'), 'utf8');
  const settings = new Set([...[...config.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!), ...own]);
  const interpolated = [...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!);
  const named = [...interpolated, ...services.flatMap((s) => Object.keys(environmentOf(s)))];
  expect(named).toContain('PORT');
  for (const name of named) expect(settings.has(name), name).toBe(true);
}

const workdir = args(runtime, 'WORKDIR').at(-1) ?? '';

describe('docker-compose.single.yml', () => {
  const { text, services } = composeFile('docker-compose.single.yml');
  const service = services.sitrep!;

  it('parses, with one sitrep service reading its settings from .env', () => {
    expect(Object.keys(services)).toEqual(['sitrep']);
    expect(service.env_file).toBe('.env');
  });

  it("mounts the article sets and the data folder where the config's defaults put them in the image", () => {
    const defaults = loadConfig({}, { checkBriefingsDir: false });
    const targets = (service.volumes ?? []).map((v) => v.split(':')[1]);
    expect(targets).toContain(posix.join(workdir, defaults.briefingsDir));
    expect(targets).toContain(posix.join(workdir, dirname(defaults.databasePath)));
    expect(service.volumes).toContain('./briefings:/app/briefings');
  });

  it('names only variables that are settings of src/config.ts', () => {
    expectOnlySettings(text, [service]);
  });
});

describe('docker-compose.yml: Postgres and two replicas', () => {
  const { text, services } = composeFile('docker-compose.yml');
  const replicas = [services['sitrep-a']!, services['sitrep-b']!];

  it('parses, with Postgres and two Sitrep replicas that wait for it to be healthy', () => {
    expect(Object.keys(services).sort()).toEqual(['postgres', 'sitrep-a', 'sitrep-b']);
    for (const replica of replicas) {
      expect(replica.env_file).toBe('.env');
      expect(replica.depends_on?.['postgres']?.condition).toBe('service_healthy');
    }
  });

  it("points both replicas at the compose file's Postgres with a DATABASE_URL the config accepts", () => {
    const postgres = environmentOf(services.postgres!);
    for (const replica of replicas) {
      const url = environmentOf(replica)['DATABASE_URL']!.replace('${POSTGRES_PASSWORD}', 'fake-password');
      expect(url).toBe(`postgres://${postgres['POSTGRES_USER']}:fake-password@postgres:5432/${postgres['POSTGRES_DB']}`);
      expect(loadConfig({ DATABASE_URL: url }, { checkBriefingsDir: false }).postgres?.displayUrl).toBe('postgres://sitrep:***@postgres:5432/sitrep');
    }
  });

  it('shares the topic folders, lets one replica poll the feeds, and publishes each on its own local port', () => {
    for (const replica of replicas) expect(replica.volumes).toContain('./briefings:/app/briefings');
    expect(replicas.map((r) => environmentOf(r)['FEEDS_POLL'] ?? 'on')).toEqual(['on', '0']);
    expect(replicas.map((r) => r.ports?.[0]?.split(':').slice(0, 2).join(':'))).toEqual(['127.0.0.1:3001', '127.0.0.1:3002']);
  });

  it('names only variables that are settings of src/config.ts or its own (the Postgres password, the shard slices)', () => {
    expectOnlySettings(text, replicas, ['POSTGRES_PASSWORD', 'POSTGRES_USER', 'POSTGRES_DB', 'SITREP_A_SHARDS', 'SITREP_B_SHARDS']);
  });
});

describe('docker/healthcheck.js', () => {
  let harness: SlackHarness;
  // A scratch working folder, so no developer's .env is read by the script's dotenv.
  const cwd = mkdtempSync(join(tmpdir(), 'sitrep-healthcheck-'));

  const healthcheck = (env: Record<string, string>): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(root, 'docker/healthcheck.js')], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  beforeAll(async () => {
    harness = await startSlackHarness();
  });

  afterAll(async () => {
    await harness?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("passes while Slack's HTTP receiver answers /healthz, and fails once it is gone", async () => {
    const env = { SLACK_BOT_TOKEN: harnessBotToken, SLACK_SIGNING_SECRET: signingSecret, PORT: String(harness.adapter.port), HOST: '127.0.0.1' };
    expect(await healthcheck(env)).toEqual({ code: 0, stderr: '' });
    await harness.adapter.stop();
    const gone = await healthcheck(env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`no answer from http://127.0.0.1:${env.PORT}/healthz`);
  });

  it('passes without asking anything when no HTTP port is open (console, Socket Mode, Discord)', async () => {
    // Port 1: nothing listens there, so a check that asked would fail.
    expect((await healthcheck({ PORT: '1' })).code).toBe(0);
    expect((await healthcheck({ PORT: '1', SLACK_BOT_TOKEN: harnessBotToken, SLACK_APP_TOKEN: 'xapp-test-not-a-real-token' })).code).toBe(0);
    expect((await healthcheck({ PORT: '1', DISCORD_TOKEN: 'not-a-real-token', DISCORD_APPLICATION_ID: '123456789012345678' })).code).toBe(0);
  });
});
