import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/sitrep.js');

async function sitrep(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the sitrep CLI contract', () => {
  it('ask --json gives answer, found and citations; earlier values stay out of the answer', async () => {
    const { code, stdout } = await sitrep('ask', 'latest troop estimate', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { answer: string; found: boolean; citations: { source: string; article: string; quote: string }[]; earlier: { value: number }[] };
    expect(json.found).toBe(true);
    expect(json.answer).toContain('10,000');
    expect(json.answer).not.toMatch(/3,000|12,000/);
    expect(json.citations[0]?.quote).toContain('10,000');
    // The newest seed article carries the revised estimate; the source label names its file.
    expect(json.citations[0]?.article).toBe('004_939c135cb1d63b67');
    expect(json.citations[0]?.source).toContain('(004_939c135cb1d63b67.txt)');
    expect(json.earlier.map((e) => e.value)).toContain(3000);
  });

  it('brief prints the briefing as text, markdown or JSON', async () => {
    const text = await sitrep('brief');
    expect(text.stdout).toMatch(/Key points:/);
    const md = await sitrep('brief', '--format', 'markdown');
    expect(md.stdout).toMatch(/^# /);
    const json = JSON.parse((await sitrep('brief', '--format', 'json')).stdout) as { keyPoints: unknown[]; timelines: unknown[]; sources: unknown[] };
    expect(json.keyPoints.length).toBeGreaterThan(3);
    expect(json.sources).toHaveLength(5);
  });

  it('takes option values after "=" too: --format=json, --set=DIR', async () => {
    const json = JSON.parse((await sitrep('brief', '--format=json', `--set=${join(root, 'briefings/north-korea-troops')}`)).stdout) as { sources: unknown[] };
    expect(json.sources).toHaveLength(5);
    const md = await sitrep('digest', '--format=markdown');
    expect(md.stdout).toMatch(/^# Digest/);
  });

  it.each([['brief', '--help'], ['brief', '-h'], ['help', 'brief']])('%s %s prints the usage of brief and exits 0 without reading a set', async (...args) => {
    const { code, stdout, stderr } = await sitrep(...args, '--set', '/no/such/folder');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sitrep brief \[--set DIR\] \[--format text\|markdown\|json\]/);
    expect(stdout).not.toMatch(/sitrep ask/);
    expect(stderr).toBe('');
  });

  it('--help alone lists every command; no command at all is a usage error', async () => {
    const help = await sitrep('--help');
    expect(help.code).toBe(0);
    for (const command of ['brief', 'ask', 'numbers', 'sources', 'digest']) expect(help.stdout).toContain(`sitrep ${command}`);
    expect((await sitrep()).code).toBe(1);
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await sitrep(flag);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(version);
    }
  });

  it('numbers --json lists timelines with the latest value per kind', async () => {
    const json = JSON.parse((await sitrep('numbers', '--json')).stdout) as { timelines: { latest: { estimate?: { value: number } } }[] };
    expect(json.timelines[0]?.latest.estimate?.value).toBe(10000);
  });

  it('digest --since reports what the articles published since then changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-cli-digest-'));
    const article = (published: string, text: string): string => `---\ntitle: Floods ${published}\nsource: Valley Post\npublished: ${published}\n---\n${text}`;
    await writeFile(join(dir, 'a.md'), article('2024-05-01', 'The council said at least 40 homes were flooded on Monday. Engineers said repairs would take weeks.'));
    await writeFile(join(dir, 'b.md'), article('2024-05-03', 'The council said an estimated 120 homes were flooded, up from 40. Schools across the valley stayed closed on Wednesday.'));
    const since = await sitrep('digest', '--set', dir, '--since', '2024-05-02');
    expect(since.code).toBe(0);
    expect(since.stdout).toMatch(/Floods 2024-05-03/);
    expect(since.stdout).toContain('120');
    const later = await sitrep('digest', '--set', dir, '--since', '2024-06-01');
    expect(later.stdout).toMatch(/No new reporting since/);
    const bad = await sitrep('digest', '--set', dir, '--since', 'yesterday');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--since/);
  });

  it('takes any folder with --set, and reports a broken file while briefing the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-cli-'));
    await writeFile(join(dir, 'a.txt'), 'The council said 120 homes were flooded on Monday. Engineers said repairs would take weeks.');
    await writeFile(join(dir, 'b.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const { code, stdout, stderr } = await sitrep('numbers', '--set', dir);
    expect(code).toBe(0);
    expect(stdout).toContain('120');
    expect(stderr).toMatch(/b\.txt: binary file/);
  });

  it('sources lists a file read with a field left out as a warning, not as skipped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-cli-'));
    await writeFile(join(dir, 'a.md'), '---\npublished: someday\n---\nThe council said 120 homes were flooded on Monday.');
    await writeFile(join(dir, 'b.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const { code, stdout } = await sitrep('sources', '--set', dir, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { sources: unknown[]; skipped: string[]; warnings: string[] };
    expect(json.sources).toHaveLength(1);
    expect(json.skipped).toEqual([expect.stringMatching(/b\.txt: binary file/)]);
    expect(json.warnings).toEqual([expect.stringMatching(/a\.md: front matter field "published" is not a date/)]);
    const text = await sitrep('sources', '--set', dir);
    expect(text.stdout).toMatch(/Read with a warning[\s\S]*a\.md/);
  });

  it.each([
    [['brief', '--set', '/no/such/folder'], /article set not found/],
    [['brief', '--format', 'pdf'], /--format must be/],
    [['brief', '--bogus'], /unknown option --bogus/],
    [['brief', '--format'], /--format needs a value/],
    [['brief', '--set', '--json'], /--set needs a value/],
    [['brief', '--json=yes'], /--json takes no value/],
    [['brief', '--format=pdf'], /--format must be/],
    [['ask'], /ask needs a question/],
    [['frobnicate'], /unknown command/],
  ])('%j exits non-zero with one clear line on stderr', async (args, message) => {
    const { code, stderr } = await sitrep(...args);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('an empty folder exits non-zero', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-empty-'));
    const { code, stderr } = await sitrep('brief', '--set', dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no readable articles/);
  });
});
