import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('.env.example', () => {
  const example = readFileSync(`${root}/.env.example`, 'utf8');
  const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);

  it('lists every variable the config module reads, each with a comment', () => {
    const config = readFileSync(`${root}/src/config.ts`, 'utf8');
    const read = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(new Set(listed)).toEqual(new Set(read));
    for (const name of listed) expect(example).toMatch(new RegExp(`#[^\\n]*\\n(?:#[^\\n]*\\n)*${name}=`));
  });

  it('is a valid configuration as it stands: offline, console only', () => {
    const env = Object.fromEntries(listed.map((name) => [name, example.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1] ?? '']));
    const config = loadConfig(env);
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });
});
