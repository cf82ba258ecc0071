/** A small invented story in a temp folder, for the summary tests: every name and number here is made up. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const topicName = 'rivertown-flood';

const articles: Record<string, string> = {
  '01-monday.md':
    '---\ntitle: Floodwater reaches Rivertown\nsource: Valley Post\npublished: 2026-03-02\n---\n' +
    'Floodwater rose through the streets of Rivertown on Monday night after days of heavy rain. ' +
    'The fire service said about 120 residents were evacuated from the riverside district. ' +
    'Fire service spokesperson Mara Quist said the levee "held better than anyone had hoped." ' +
    'Norcorp closed its Rivertown plant and sent its 300 workers home.\n',
  '02-tuesday.md':
    '---\ntitle: Evacuations grow in Rivertown\nsource: Alden Herald\npublished: 2026-03-03\n---\n' +
    'The fire service said an estimated 400 people had been evacuated from Rivertown by Tuesday, up from 120 on Monday. ' +
    'Mayor Tomas Alden said repairs to the levee could cost $12 million. ' +
    'Quist said the water was falling slowly and that the shelters at the school would stay open. ' +
    'Norcorp said its plant would stay closed until the water had fallen.\n',
};

export async function writeFloodTopic(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-llm-'));
  await mkdir(join(root, topicName));
  for (const [name, text] of Object.entries(articles)) await writeFile(join(root, topicName, name), text);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
