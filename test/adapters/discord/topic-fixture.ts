/** A briefings folder in a temp dir for the Discord tests: a small story, an injection story, and the seed topic. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDir } from '../../support/seed.js';

/** Everything an article could carry to ping people or spoof formatting in Discord. */
export const discordInjection = '@everyone @here <@123> <@!124> <@&456> <#789> <!channel> [your bank](https://evil.example) ||spoiler|| **loud**';

/** Topic folder → file name → article text. */
const topics: Record<string, Record<string, string>> = {
  'bridge-closure': {
    '01-first.txt':
      'The river bridge was closed to traffic on Monday after inspectors found cracks in two piers. ' +
      'The city transport office said about 40,000 vehicles cross the bridge every day.',
    '02-update.txt':
      'Repairs to the river bridge will take an estimated 6 weeks, the city transport office said on Wednesday. ' +
      'Ferries will carry pedestrians across the river until the bridge reopens.',
  },
  injected: {
    '01-spoof.txt':
      `Officials said ${discordInjection} that 300 residents were evacuated from the valley. ` +
      'The evacuation of the valley ended on Friday and roads reopened, officials said.',
  },
};

export async function writeDiscordTopics(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-discord-'));
  for (const [topic, files] of Object.entries(topics)) {
    await mkdir(join(root, topic));
    for (const [file, text] of Object.entries(files)) await writeFile(join(root, topic, file), `${text}\n`);
  }
  await cp(seedDir, join(root, 'north-korea-troops'), { recursive: true });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
