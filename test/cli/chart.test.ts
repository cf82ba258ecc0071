/** `sitrep chart [MEASURE] [--set DIR] --out FILE.png`: the chart written to the file, its path printed; mistakes are one line, exit 1. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { pngSize } from '../render/png-size.js';
import { seedDir } from '../support/seed.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-chart-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sitrep(...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

describe('sitrep chart', () => {
  it('writes the chart of the main series of the set and prints its path', async () => {
    const out = join(dir, 'seed.png');
    const { code, stdout, stderr } = await sitrep('chart', '--set', seedDir, '--out', out);
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    expect(stdout).toEqual([out]);
    expect(pngSize(await readFile(out))).toEqual({ width: 1600, height: 800 });
  });

  it('charts the series MEASURE names', async () => {
    const out = join(dir, 'troops.png');
    const { code, stdout } = await sitrep('chart', 'troops', '--set', seedDir, `--out=${out}`);
    expect(code).toBe(0);
    expect(stdout).toEqual([out]);
  });

  it('refuses a missing --out, a series the set lacks and a series of one value, each in one line', async () => {
    expect((await sitrep('chart', '--set', seedDir)).stderr).toEqual(['sitrep: chart needs --out FILE.png']);
    const unknown = await sitrep('chart', 'bridges', '--set', seedDir, '--out', join(dir, 'x.png'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toHaveLength(1);
    expect(unknown.stderr[0]).toMatch(/^sitrep: no series "bridges" in the set \(series: .*troops/);
    const single = await mkdtemp(join(dir, 'single-'));
    await writeFile(join(single, 'a.txt'), 'The Alden Fire Service said 12 people had died in the floods.\n');
    const one = await sitrep('chart', '--set', single, '--out', join(dir, 'one.png'));
    expect(one.code).toBe(1);
    expect(one.stderr.at(-1)).toMatch(/has one value: nothing to chart/);
  });

  it('is listed in the usage and has its own --help', async () => {
    expect((await sitrep('--help')).stdout.join('\n')).toContain('sitrep chart   [MEASURE] [--set DIR] --out FILE.png');
    expect((await sitrep('chart', '--help')).stdout.join('\n')).toMatch(/^Usage: sitrep chart \[MEASURE\]/);
  });
});
