/** A briefings folder in a temp dir: two small topics written here, plus a copy of the real seed topic. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDir } from '../../support/seed.js';

export const injection = '<!channel> @everyone <@U123>';

export async function writeTopicFolder(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-slack-'));
  await mkdir(join(root, 'harbor-fire'));
  await writeFile(
    join(root, 'harbor-fire', '01-first.txt'),
    'A fire broke out at the harbor warehouses on Monday night. The fire service said about 120 firefighters were at the scene. ' +
      'Residents of the old town were told to keep windows closed.\n',
  );
  await writeFile(
    join(root, 'harbor-fire', '02-update.txt'),
    'The harbor fire was contained on Tuesday morning. The fire service said an estimated 180 firefighters had worked through the night. ' +
      'No one was injured, the mayor said.\n',
  );
  await mkdir(join(root, 'injected'));
  await writeFile(
    join(root, 'injected', '01-spoof.txt'),
    `Officials said ${injection} that 300 residents were evacuated from the valley. ` +
      'The evacuation of the valley ended on Friday & roads <reopened>, officials said.\n',
  );
  await cp(seedDir, join(root, 'north-korea-troops'), { recursive: true });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
