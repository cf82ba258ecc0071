/** Story roles: a response, a cause, a record, a pledge, who the dead were, read from a sentence's words, and the brief that takes one of each. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { topPoints } from '../../src/render/top-points.js';
import { causeRole, pledgeRole, recordRole, responseRole, rolesOf, victimsRole } from '../../src/core/story-roles.js';
import type { Article } from '../../src/core/types.js';

describe('rolesOf', () => {
  it.each([
    ['Governor Ana Vell declared a 90-day state of emergency for four counties on Tuesday.', responseRole],
    ['Corran dispatched two hundred rescue teams to the flooded valley.', responseRole],
    ['On Friday, 800 soldiers from the Kessa garrison arrived in the region to help clear roads.', responseRole],
    ['Three carriers issued a "nationwide ground stop" on all departures.', responseRole],
    ['The transport ministry has launched an investigation into the operator.', responseRole],
    ['Norcorp said the outage was not a cyberattack.', causeRole],
    ['"This is not a security incident," the company said.', causeRole],
    ['Investigators said the collapse was caused by a cracked support beam.', causeRole],
    ['It was the deadliest flood to hit Norland since records began.', recordRole],
    ['The outage is considered one of the largest of its kind in history.', recordRole],
    ['President Brill pledged to rebuild every destroyed home within a year.', pledgeRole],
    ['All of the men who died were farm workers from Corran and Kessa.', victimsRole],
    ['The victims were two teachers and a bus driver from Marlow.', victimsRole],
  ])('reads %j as its role', (text, role) => {
    expect(rolesOf(text) & role).toBe(role);
  });

  it.each([
    'Norland deployed', // no one sent
    'Thousands of people traveled to Kessa, the largest port in the region.',
    'Rescuers recorded 40 aftershocks overnight.',
    'The company said it was not sure when service would return.',
    'Officials promised more details on Friday.',
    'The station added that the victims were a man and a woman.', // a detail of a detail, not the subject
    'The dead included 12 people in the town of Kettle Ford.', // where, not who
  ])('gives %j no role', (text) => {
    expect(rolesOf(text)).toBe(0);
  });
});

const article = (id: string, text: string, published: string): Article => ({ id, origin: `${id}.md`, text, published });
/** One article a day from 2 March 2031: the sentences they share, then each one's own. */
const dailyArticles = (common: readonly string[], own: readonly (readonly string[])[]): Article[] =>
  own.map((lines, k) => article(String.fromCharCode(97 + k), [...common, ...lines].join('\n'), `2031-03-0${k + 2}`));

describe('a brief that lacks a role', () => {
  // Every article tells the flood and its toll; one, deep in its body and in words nobody repeats, says how the
  // province responded. Coverage alone fills a short brief with the corroborated picture.
  const common = [
    'Floods swept through the Alden valley in Norland after days of heavy rain, officials said.',
    'The river burst its banks near the town of Kettle Ford and swept away homes and roads.',
    'Rescuers searched collapsed houses in Kettle Ford for survivors on the second day.',
  ];
  const articles = dailyArticles(common, [
    ['Families in Kettle Ford slept in the Marlow school gymnasium.'],
    ['Farmers in the Alden valley lost most of their spring crop to the floods.'],
    ['The Marlow road to the valley remained closed to traffic.', 'Governor Ana Vell declared a 90-day state of emergency for four provinces on Tuesday.'],
    ['Residents of Kettle Ford said the river rose within an hour.'],
  ]);

  it('takes the sentence of that role as a point', () => {
    const briefing = buildBriefing(articles, { keyPoints: { maxPoints: 5, maxWords: 90 } });
    expect(briefing.keyPoints.map((p) => p.text)).toContainEqual(expect.stringMatching(/state of emergency/));
  });

  it('keeps that point when a shorter brief drops points, though coverage would drop it first', () => {
    const briefing = buildBriefing(articles, { keyPoints: { maxPoints: 5, maxWords: 90 } });
    expect(briefing.keyPoints.length).toBeGreaterThan(2);
    expect(topPoints(briefing.keyPoints, briefing.keyPoints.length - 1).map((p) => p.text)).toContainEqual(expect.stringMatching(/state of emergency/));
  });

  it('takes none when no sentence plays it', () => {
    const without = buildBriefing(articles.map((a) => ({ ...a, text: a.text.replace(/\nGovernor Ana Vell.*$/, '') })), { keyPoints: { maxPoints: 5, maxWords: 90 } });
    expect(without.keyPoints.length).toBeGreaterThan(0);
    for (const p of without.keyPoints) expect(rolesOf(p.text)).toBe(0);
  });
});

describe('who the dead were', () => {
  it('is a point of its own: one article\'s sentence, in words nobody repeats, that coverage alone leaves out', () => {
    const common = [
      'The Alden bridge collapsed on Monday night after a barge struck one of its piers, officials said.',
      'Six workers repairing the road surface fell into the river when the span gave way.',
      'Divers searched the river near Kettle Ford for the missing workers on Tuesday.',
    ];
    const articles = dailyArticles(common, [
      ['Traffic on the Marlow ring road backed up for miles.'],
      ['The barge had lost power shortly after leaving the port.'],
      ['The Marlow road to the port remained closed to traffic.', 'All of the men who died were migrant workers from Corran and Kessa.'],
      ['Residents of Kettle Ford said they heard a loud bang.'],
    ]);
    const briefing = buildBriefing(articles, { keyPoints: { maxPoints: 5, maxWords: 90 } });
    expect(briefing.keyPoints.map((p) => p.text)).toContainEqual(expect.stringMatching(/migrant workers from Corran/));
  });
});
