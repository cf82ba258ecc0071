import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { Briefing } from '../../src/core/types.js';
import { renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';
import { briefingOf, seedDir, seedFacts, seedQuestions } from '../support/seed.js';

let briefing: Briefing;
beforeAll(async () => {
  briefing = await briefingOf(seedDir);
});

describe('seed acceptance questions', () => {
  it.each(seedQuestions().map((q) => [q.question, q] as const))('answers %s', (_, q) => {
    const answer = answerQuestion(q.question, briefing);
    expect(answer.found).toBe(true);
    const text = answer.answer.toLowerCase();
    expect(q.expect_any.some((s) => text.includes(s.toLowerCase())), `"${answer.answer}" should contain one of ${q.expect_any.join(' | ')}`).toBe(true);
    for (const none of q.expect_none) expect(text).not.toContain(none.toLowerCase());
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it("answers 'latest troop estimate' with the Pentagon's 10,000, not South Korea's 12,000 projection, with both beside it", () => {
    const answer = answerQuestion('latest troop estimate', briefing);
    if (!answer.found) throw new Error('not found');
    expect(answer.answer).toMatch(/10,000.*Pentagon/);
    expect(answer.earlier.map((e) => e.value)).toContain(3000);
    expect(answer.related.map((e) => [e.kind, e.value])).toContainEqual(['projection', 12000]);
  });

  it('says plainly when the set does not answer, instead of guessing', () => {
    for (const q of ['What is the capital of France?', 'How many tanks were destroyed?']) {
      const answer = answerQuestion(q, briefing);
      expect(answer.found).toBe(false);
      expect(answer.answer).toMatch(/do not answer/);
    }
  });
});

describe('seed briefing', () => {
  it.each(seedFacts().map((f) => [f.id, f] as const))('carries the key fact %s', (_, fact) => {
    const text = renderText(renderBriefingMessage('Seed', briefing)).toLowerCase();
    expect(fact.must_mention_any.some((m) => text.includes(m.toLowerCase()))).toBe(true);
  });

  it('is a message a person reads in about a minute', () => {
    const words = briefing.keyPoints.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
    expect(briefing.keyPoints.length).toBeLessThanOrEqual(14);
    expect(words).toBeLessThanOrEqual(340);
  });

  it('leads with the revised figure, 10,000 up from 3,000, and says it once: the newest article\'s sentence of it is no point again', () => {
    const text = renderText(renderBriefingMessage('North Korean troops in Russia', briefing));
    expect(text.slice(text.indexOf('Latest:'), text.indexOf('Key points:'))).toMatch(/10,000 .*Pentagon, up from at least 3,000/);
    expect(briefing.keyPoints.some((p) => p.text.includes('estimated 10,000') && p.text.includes('up from'))).toBe(false);
  });

  it('gives the newest article at most two points in five', () => {
    const ranks = [...briefing.index.articleRank];
    const newest = ranks.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    expect(briefing.keyPoints.filter((p) => p.citations[0]!.articleId === newest).length).toBeLessThanOrEqual(Math.ceil(14 * 0.4));
  });

  it('merges near-duplicates across articles into one point that counts its sources', () => {
    // Kirby's "We do not yet know whether these soldiers will enter into combat" runs in three articles.
    const combat = briefing.keyPoints.find((p) => p.text.includes('enter into combat'));
    expect(combat?.sourceCount).toBe(3);
    for (const p of briefing.keyPoints) expect(new Set(p.citations.map((c) => c.articleId)).size).toBe(p.sourceCount);
  });

  it('never shows a point or number that is not in the article it cites', async () => {
    const { readArticleSet } = await import('../../src/ingest/read-article-set.js');
    const texts = new Map((await readArticleSet(seedDir)).articles.map((a) => [a.id, a.text]));
    for (const p of briefing.keyPoints) {
      for (const c of p.citations) expect(texts.get(c.articleId)).toContain(c.quote);
      expect(p.citations[0]!.quote).toContain(p.text.replace(/\.$/, '').slice(1, 60));
    }
    for (const f of briefing.figures) {
      expect(f.citation.quote).toContain(f.display);
      expect(f.citation.quote).toContain(f.counts);
      // A speaker is named in the sentence, or (for "he said") in the sentences just before it.
      expect(texts.get(f.citation.articleId)).toContain(f.speaker);
      expect(texts.get(f.citation.articleId)).toContain(f.citation.quote);
    }
  });

  it('keeps boilerplate such as RELATED STORY lines out of the briefing', () => {
    const text = renderText(renderBriefingMessage('Seed', briefing));
    expect(text).not.toMatch(/RELATED STORY/);
    expect(briefing.index.sentences.some((s) => /RELATED STORY/.test(s.text))).toBe(false);
  });

  it('orders the undated articles by what the text says: the "up from 3,000" article comes last', () => {
    const ranks = [...briefing.index.articleRank.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id.slice(0, 3));
    expect(ranks.at(-1)).toBe('004');
  });

  it('keeps the troop timeline: latest estimate 10,000, earlier 3,000, projection 12,000 apart, claim attributed', () => {
    const troops = briefing.timelines[0]!;
    expect(troops.latest.estimate?.value).toBe(10000);
    expect(troops.latest.estimate?.speaker).toMatch(/Pentagon/);
    expect(troops.latest.projection?.value).toBe(12000);
    expect(troops.latest.claim?.speaker).toMatch(/Zelensky/);
    const three = troops.entries.find((e) => e.value === 3000 && e.kind === 'estimate');
    expect(three?.superseded).toBe(true);
    expect(three?.speaker).toMatch(/Kirby/);
  });
});
