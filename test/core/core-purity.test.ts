import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = fileURLToPath(new URL('../../src/core', import.meta.url));
const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'));

describe('the core stays pure', () => {
  it.each(files)('%s imports no platform, I/O or clock and reads no environment', (file) => {
    const source = readFileSync(`${coreDir}/${file}`, 'utf8');
    const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\//);
    expect(source).not.toMatch(/process\.env|Date\.now\(|new Date\(\)|setTimeout|setInterval/);
  });

  it('holds no name of the seed story', () => {
    for (const file of files) {
      expect(readFileSync(`${coreDir}/${file}`, 'utf8')).not.toMatch(/Korea|Pyongyang|Kirby|Pentagon|Zelensky|Kursk|Ukrain|10,000|3,000/);
    }
  });
});
