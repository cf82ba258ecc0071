/** A small invented story in a temp folder, for the summary tests: every name and number here is made up. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startChatStandIn, type ChatStandIn } from './chat-completions-stand-in.js';

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

/** Four sentences a careful model could write from the flood briefing, each citing its sources. */
export const faithful = [
  'Floodwater rose through the streets of Rivertown on Monday night [1].',
  'The fire service said an estimated 400 people had been evacuated by Tuesday, up from 120 [2].',
  'Mayor Tomas Alden said repairs to the levee could cost $12 million [2].',
  'Norcorp closed its Rivertown plant and sent its 300 workers home [1].',
];

export interface LlmSuite {
  /** The chat-completions stand-in, its script and requests cleared before each test. */
  readonly standIn: ChatStandIn;
  /** The briefings folder holding the flood topic. */
  readonly root: string;
}

/** Starts a stand-in and writes the flood topic for the suite; both are removed after it. */
export function useLlmSuite(): LlmSuite {
  const suite = {} as { standIn: ChatStandIn; root: string; remove: () => Promise<void> };
  beforeAll(async () => {
    suite.standIn = await startChatStandIn();
    const fixture = await writeFloodTopic();
    suite.root = fixture.root;
    suite.remove = fixture.remove;
  });
  afterAll(async () => {
    await suite.standIn.close();
    await suite.remove();
  });
  beforeEach(() => suite.standIn.reset());
  return suite;
}
