/**
 * `npm run bench`: figures for the README. Each section measures against a baseline taken in the
 * same run on the same machine, so ratios stay honest on a 2-core box.
 */
import { benchEngine } from './engine.js';
import { trackMemory } from './support.js';

const peak = trackMemory();
const print = (line: string): void => console.log(line);

print('# Sitrep benchmark');
print('## Engine');
await benchEngine(print);
print(`peak memory (RSS): ${Math.round(peak() / 1024 / 1024)} MiB`);
