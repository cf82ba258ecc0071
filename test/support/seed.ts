import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Briefing } from '../../src/core/types.js';
import { readArticleSet } from '../../src/ingest/read-article-set.js';

export const seedDir = fileURLToPath(new URL('../../briefings/north-korea-troops', import.meta.url));
export const yukosDir = fileURLToPath(new URL('../fixtures/yukos', import.meta.url));
/** The workplace's acceptance data beside the repository when present, else the copy in test/fixtures (see its README). */
const sharedAcceptance = fileURLToPath(new URL('../../../shared/acceptance', import.meta.url));
const acceptanceDir = existsSync(`${sharedAcceptance}/seed-questions.json`) ? sharedAcceptance : fileURLToPath(new URL('../fixtures/acceptance', import.meta.url));

export async function briefingOf(dir: string): Promise<Briefing> {
  const set = await readArticleSet(dir);
  return buildBriefing(set.articles);
}

export interface SeedQuestion {
  question: string;
  expect_any: string[];
  expect_none: string[];
  why: string;
}
export interface SeedFact {
  id: string;
  must_mention_any: string[];
  source_articles: string[];
}

export const seedQuestions = (): SeedQuestion[] => JSON.parse(readFileSync(`${acceptanceDir}/seed-questions.json`, 'utf8')) as SeedQuestion[];
export const seedFacts = (): SeedFact[] => JSON.parse(readFileSync(`${acceptanceDir}/seed-facts.json`, 'utf8')) as SeedFact[];
