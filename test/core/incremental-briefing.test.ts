import { beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { createBriefingState, reviseBriefing, updateBriefing, type BriefingState } from '../../src/core/briefing-builder.js';
import type { Article } from '../../src/core/types.js';
import { readArticleSet } from '../../src/ingest/read-article-set.js';
import { seedDir, yukosDir } from '../support/seed.js';
import { randomSequence, shuffled, variationsOf, visible } from './support/article-variations.js';

let seed: readonly Article[];
let yukos: readonly Article[];
let variations: readonly Article[];
beforeAll(async () => {
  seed = (await readArticleSet(seedDir)).articles;
  yukos = (await readArticleSet(yukosDir)).articles;
  variations = variationsOf([...seed, ...yukos], 160, 7);
});

const expectSameAsBuild = (state: BriefingState): void => {
  expect(visible(state.briefing)).toEqual(visible(buildBriefing(state.articles)));
};

function addOneByOne(articles: readonly Article[], check: (state: BriefingState, step: number) => void = () => undefined): BriefingState {
  let state = createBriefingState([]);
  articles.forEach((a, step) => {
    state = updateBriefing(state, { added: [a] });
    check(state, step);
  });
  return state;
}

describe('incremental briefing: the same briefing as a full build of the same articles', () => {
  it.each([
    ['seed', () => seed],
    ['Yukos', () => yukos],
  ])('adding the %s articles one at a time matches a full build after every step', (_, set) => {
    const articles = set();
    addOneByOne(articles, (state, step) => {
      expect(state.articles).toEqual(articles.slice(0, step + 1));
      expectSameAsBuild(state);
    });
  });

  it.each([1, 2, 3])('adding seed, Yukos and variations in shuffled order %i matches a full build', (round) => {
    const articles = shuffled([...seed, ...yukos, ...variations.slice(0, 60)], randomSequence(round));
    addOneByOne(articles, (state, step) => {
      if (step % 10 === 9 || step === articles.length - 1) expectSameAsBuild(state);
    });
  });

  it('keeps matching as rare terms become common: 160 recombined articles added in batches', () => {
    let state = createBriefingState([...seed]);
    for (let at = 0; at < variations.length; at += 20) {
      state = updateBriefing(state, { added: variations.slice(at, at + 20) });
      expectSameAsBuild(state);
    }
    expect(state.briefing.keyPoints.some((p) => p.sourceCount >= 3)).toBe(true);
  });

  it('places new articles anywhere in the list, as a folder sorted by file name does', () => {
    const all = [...seed, ...yukos, ...variations.slice(0, 40)];
    const random = randomSequence(11);
    const order = shuffled(all, random);
    let state = createBriefingState([]);
    const present: Article[] = [];
    for (const a of order) {
      present.splice(Math.floor(random() * (present.length + 1)), 0, a);
      state = reviseBriefing(state, present);
      expect(state.articles).toEqual(present);
    }
    expectSameAsBuild(state);
  });

  it('handles a changed article and removed ones (first, middle, last)', () => {
    const articles = [...seed, ...yukos, ...variations.slice(0, 30)];
    let state = createBriefingState(articles);
    const middle = articles[7]!;
    state = updateBriefing(state, { changed: [{ ...middle, text: `${middle.text} Officials estimated 4,500 workers had been sent, up from an earlier estimate of 1,000.` }] });
    expectSameAsBuild(state);
    for (const id of [articles[0]!.id, articles[12]!.id, articles.at(-1)!.id]) {
      state = updateBriefing(state, { removed: [id] });
      expect(state.articles.some((a) => a.id === id)).toBe(false);
      expectSameAsBuild(state);
    }
    state = updateBriefing(state, { added: [articles[0]!], removed: [articles[3]!.id], changed: [{ ...articles[5]!, title: 'Renamed' }] });
    expectSameAsBuild(state);
  });

  it('rebuilds correctly when kept articles are reordered', () => {
    const articles = [...seed, ...yukos];
    const state = reviseBriefing(createBriefingState(articles), [...articles].reverse());
    expectSameAsBuild(state);
  });

  it('reaches the seed briefing from the seed set loaded in two halves', () => {
    const state = updateBriefing(createBriefingState(seed.slice(0, 2)), { added: seed.slice(2) });
    expect(state.briefing.keyPoints.map((p) => p.text)).toEqual(buildBriefing(seed).keyPoints.map((p) => p.text));
    expect(state.briefing.timelines[0]?.latest.estimate?.value).toBe(10000);
  });
});

describe('incremental briefing: values, not shared mutable state', () => {
  it('never changes a briefing handed out before an update', () => {
    const first = createBriefingState([...seed, ...variations.slice(0, 20)]);
    const copy = structuredClone(first.briefing);
    let state = first;
    state = updateBriefing(state, { added: [...yukos, ...variations.slice(20, 60)] });
    state = updateBriefing(state, { removed: [seed[1]!.id], changed: [{ ...seed[2]!, text: 'Officials said 77 brand-new words appeared today in Zanzibar.' }] });
    expect(state.briefing.sentenceCount).not.toBe(first.briefing.sentenceCount);
    expect(first.briefing).toEqual(copy);
    expect(visible(first.briefing)).toEqual(visible(buildBriefing(first.articles)));
  });

  it('lets two updates start from the same state', () => {
    const base = createBriefingState([...seed]);
    const withYukos = updateBriefing(base, { added: yukos });
    const withVariations = updateBriefing(base, { added: variations.slice(0, 30) });
    expectSameAsBuild(withYukos);
    expectSameAsBuild(withVariations);
    expectSameAsBuild(updateBriefing(withVariations, { added: yukos }));
  });
});
