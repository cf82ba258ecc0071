import { describe, expect, it } from 'vitest';
import { isHardWrapped, unwrapHardWraps } from '../../src/core/hard-wraps.js';
import { isHeadlineRepeat, headlineKeys, leadingDateline } from '../../src/core/lead-lines.js';
import { cleanArticle, cleanArticleText } from '../../src/core/text.js';
import { parseWrittenDate } from '../../src/core/written-dates.js';
import { htmlToText, looksLikeHtml } from '../../src/ingest/html-to-text.js';
import { parseArticleFile } from '../../src/ingest/parse-article-file.js';
import { inferPublishedDate } from '../../src/ingest/published-date.js';

const parse = (name: string, content: string) => {
  const parsed = parseArticleFile(name, new TextEncoder().encode(content));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.article;
};

describe('hard-wrapped lines', () => {
  it('joins a tab-indented wrapped paragraph and keeps paragraphs apart at blank and whitespace-only lines', () => {
    const raw = [
      '\t\tHARBORTOWN, Ore. (AP) — Crews reopened the coastal highway on ',
      '\t\tMonday after a landslide closed it for nine days, the state ',
      '\t\ttransport agency said.',
      ' \t',
      '\t\tThe agency said 14 homes near the slide were still without ',
      '\t\twater and that repairs would take two more weeks.',
    ].join('\n');
    expect(cleanArticleText(raw)).toBe(
      'Crews reopened the coastal highway on Monday after a landslide closed it for nine days, the state transport agency said.\n' +
        'The agency said 14 homes near the slide were still without water and that repairs would take two more weeks.',
    );
  });

  it('leaves a file with one paragraph per line unchanged', () => {
    const raw = 'The council met on Tuesday.\nIt approved a budget of $3 million for road repairs.\n\nA second vote is due in May.';
    expect(unwrapHardWraps(raw)).toBe(raw);
    expect(cleanArticleText(raw)).toBe('The council met on Tuesday.\nIt approved a budget of $3 million for road repairs.\nA second vote is due in May.');
  });

  it('keeps list items on their own lines inside a wrapped block', () => {
    const raw = [
      'Officials listed the roads that stay closed for the rest of the',
      'week while engineers inspect them:',
      '• Route 9 north of the river',
      '- Mill Lane between the bridge and the school',
      '* Harbor Road',
      '1. The old ferry ramp',
    ].join('\n');
    expect(unwrapHardWraps(raw).split('\n')).toEqual([
      'Officials listed the roads that stay closed for the rest of the week while engineers inspect them:',
      '• Route 9 north of the river',
      '- Mill Lane between the bridge and the school',
      '* Harbor Road',
      '1. The old ferry ramp',
    ]);
  });

  it('does not join a short subhead to the long one-line paragraph under it', () => {
    const block = ['Damage and repairs', 'Engineers said the pier lost about a third of its pilings in the storm surge, and that it would stay closed to the public until inspectors had checked every remaining support.'];
    expect(isHardWrapped(block)).toBe(false);
  });

  it('does not join a headline and its dek, two lines that both stop without punctuation', () => {
    expect(isHardWrapped(['Storm closes coastal highway', 'Crews expect to reopen it within days'])).toBe(false);
  });

  it('does not join a short headline to a short first sentence under it', () => {
    expect(isHardWrapped(['Bridge reopens after six-week repair', 'The bridge reopened on Friday.'])).toBe(false);
    expect(isHardWrapped(['The bridge reopened on Friday after a six-week', 'repair, officials said.'])).toBe(true);
  });

  it('rejoins a word split at its hyphen without a space', () => {
    expect(unwrapHardWraps('The county counted 12 storm-\nrelated deaths on the first night,\nofficials said.')).toBe('The county counted 12 storm-related deaths on the first night, officials said.');
  });
});

describe('headline and dek lines repeated in the body', () => {
  const title = 'River flooding forces 3,000 from homes in valley towns';

  it('drops the title repeated at the top, ignoring case and punctuation', () => {
    const text = cleanArticleText('RIVER FLOODING FORCES 3000 FROM HOMES IN VALLEY TOWNS\n\nThe river rose two meters overnight, officials said.', { title });
    expect(text).toBe('The river rose two meters overnight, officials said.');
  });

  it('drops the title with a site suffix or a widget prefix, and a title hard-wrapped over two lines', () => {
    const raw = 'free website hit counter River flooding forces 3,000 from homes in valley towns — Valley Courier\nRiver flooding forces 3,000 from\nhomes in valley towns\nThe river rose two meters overnight, officials said.';
    expect(cleanArticleText(raw, { title })).toBe('The river rose two meters overnight, officials said.');
  });

  it('drops a headline line that matches the URL slug when the title differs', () => {
    const raw = 'Valley braces for more rain\nThe river rose two meters overnight, officials said.';
    expect(cleanArticleText(raw, { title, url: 'https://news.example/2024/05/valley-braces-for-more-rain-123456.html' })).toBe('The river rose two meters overnight, officials said.');
  });

  it('keeps a lead sentence that repeats the title but ends with a period, and a title-like line further down', () => {
    const lead = 'River flooding forces 3,000 from homes in valley towns.';
    expect(cleanArticleText(`${lead}\nThe river rose two meters overnight.`, { title })).toBe(`${lead}\nThe river rose two meters overnight.`);
    const later = 'A.\nB.\nC.\nRiver flooding forces 3,000 from homes in valley towns';
    expect(cleanArticleText(later, { title })).toBe(later);
  });

  it('keeps a line that only shares some words with the title', () => {
    expect(isHeadlineRepeat('Valley towns count the cost of flooding', headlineKeys({ title }))).toBe(false);
  });

  it('makes a title-less article\'s headline line its title, but never a sentence', () => {
    expect(cleanArticle('Bridge reopens after six-week repair\nThe bridge reopened on Friday.', { findHeadline: true })).toEqual({
      text: 'The bridge reopened on Friday.',
      headline: 'Bridge reopens after six-week repair',
    });
    expect(cleanArticle('The bridge reopened on Friday.\nTraffic was light.', { findHeadline: true })).toEqual({ text: 'The bridge reopened on Friday.\nTraffic was light.' });
    const a = parse('a.txt', 'Bridge reopens after six-week repair\n\nBridge reopens after six-week repair\n\nThe bridge reopened on Friday.');
    expect(a).toMatchObject({ title: 'Bridge reopens after six-week repair', text: 'The bridge reopened on Friday.' });
  });

  it('gets the title from front matter and from an HTML <title> with a site suffix', () => {
    expect(parse('a.md', '---\ntitle: Bridge reopens after repair\n---\nBridge reopens after repair\n\nThe bridge reopened on Friday.').text).toBe('The bridge reopened on Friday.');
    const html = '<html><head><title>Bridge reopens after repair | City Paper</title></head><body><p>Bridge reopens after repair</p><p>The bridge reopened on Friday.</p></body></html>';
    expect(parse('a.html', html).text).toBe('The bridge reopened on Friday.');
  });
});

describe('datelines', () => {
  it.each([
    ['HARBORTOWN, Ore. (AP) — Crews reopened the road.'],
    ['MILLFORD (Reuters) - Crews reopened the road.'],
    ['MILLFORD — Crews reopened the road.'],
    ['PORT ELLIS, Freeland — Crews reopened the road.'],
    ['PORT ELLIS Freeland — Crews reopened the road.'],
    ['Eastfield/Westbury, July 9 (City Bureau) Crews reopened the road.'],
    ['Freeland, Sept 19: Crews reopened the road.'],
    ['Millford, ST - June 3, 2024 - Crews reopened the road.'],
    ['Millford, Ore. — Crews reopened the road.'],
    ['Millford (AP) — Crews reopened the road.'],
    ['NEWSDESK — Crews reopened the road.'],
    ['MILLFORD -- Crews reopened the road.'],
  ])('strips %j and keeps the sentence', (line) => {
    expect(cleanArticleText(line)).toBe('Crews reopened the road.');
  });

  it('drops a dateline on its own line and the credit that opens the next line', () => {
    expect(cleanArticleText('MILLFORD, Ore.\n(AP) — Crews reopened the road.')).toBe('Crews reopened the road.');
  });

  it('keeps sentences that only look like datelines, and datelines below the first lines', () => {
    for (const line of [
      'Officials — including the mayor — said 12 roads were closed.',
      'FEMA — the federal agency — sent 40 trucks.',
      'Georgia: Gov. Ann Reyes said 11 people had died.',
      'Paris, Texas, reported 4 inches of rain.',
      'Update 2024-02-07 (4): Officials said 30 roads were closed.',
    ]) {
      expect(cleanArticleText(line)).toBe(line);
    }
    const text = 'One.\nTwo.\nThree.\nMILLFORD — Crews reopened the road.';
    expect(cleanArticleText(text)).toBe(text);
  });

  it('names the dateline it found', () => {
    expect(leadingDateline('Millford, ST - June 3, 2024 - Crews reopened the road.')).toBe('Millford, ST - June 3, 2024 - ');
    expect(leadingDateline('Crews reopened the road.')).toBeUndefined();
  });
});

describe('credits and page furniture', () => {
  it('drops date stamps, bylines, share prompts, bracketed dates, list labels and lone pipes', () => {
    const raw = [
      'Published: Mar. 4, 2024 at 6:47 AM EST|Updated: Mar. 5, 2024 at 9:00 AM EST',
      'Posted Jul 9, 2024 3:27 AM CDT',
      'Posted on 06/03/24 | News Source: City Wire',
      'By Ann Reyes, Valley Courier Staff',
      'By Staff, Agencies',
      'Email This Link',
      'Send a link to a friend',
      'Share on X',
      'Share on Pinterest',
      '[March 4, 2024]',
      'Key Points',
      '|',
      'Crews reopened the road.',
    ].join('\n');
    expect(cleanArticleText(raw)).toBe('Crews reopened the road.');
  });

  it('drops trailers: source lines, republication notes, copyright and mail links', () => {
    const raw = [
      'Crews reopened the road.',
      'This content was originally published in Road reopens on the City Wire website.',
      'Source: City Wire',
      'Ann Reyes ✉',
      '© 2024 Valley Courier. All rights reserved.',
      'All rights reserved.',
    ].join('\n');
    expect(cleanArticleText(raw)).toBe('Crews reopened the road.');
  });

  it('drops wire notes between updates but keeps the reporting around them', () => {
    const raw = 'Officials said 40 homes were lost.\nTHIS IS A BREAKING NEWS UPDATE. City Wire\'s earlier story follows below.\nEarlier, officials said 12 homes were lost.';
    expect(cleanArticleText(raw)).toBe('Officials said 40 homes were lost.\nEarlier, officials said 12 homes were lost.');
  });

  it('keeps sentences of reporting that superficially resemble furniture', () => {
    const sentences = [
      'Posted on social media, the video drew 40,000 views.',
      'Updated figures released on Mar. 4, 2024 showed 40 deaths.',
      'By Tuesday, most roads had reopened.',
      'Share prices fell 11% on Friday.',
      'Source: a senior official said 40 people had died.',
      'Key points of the plan were released on Tuesday.',
      'The update is breaking news for residents.',
      'This story was first reported by a local radio station, which said 3 people died.',
      'The contract said all rights reserved by the city would pass to the state.',
    ];
    expect(cleanArticleText(sentences.join('\n'))).toBe(sentences.join('\n'));
  });
});

describe('publication date inferred at ingest', () => {
  it.each([
    ['|\nBridge reopens\n[October 3, 2024]\nCrews reopened the bridge.', '2024-10-03'],
    ['Bridge reopens\nBy Ann Reyes, City Staff\nPosted Jul 9, 2024 3:27 AM CDT\nCrews reopened the bridge.', '2024-07-09'],
    ['Published: Sep. 7, 2024 at 6:47 AM EDT|Updated: Sep. 8, 2024 at 12:37 AM EDT\nCrews reopened the bridge.', '2024-09-07'],
    ['Millford, ST - June 3, 2024 - Crews reopened the bridge.', '2024-06-03'],
    ['Posted on 06/10/24 | News Source: City Wire\nCrews reopened the bridge.', '2024-06-10'],
  ])('reads the page\'s own date from %j', (text, date) => {
    expect(inferPublishedDate(text)).toBe(date);
  });

  it('never takes a date from the reporting, nor from below the first lines', () => {
    expect(inferPublishedDate('The bridge closed on October 3, 2024, officials said.\nIt reopened on Friday.')).toBeUndefined();
    expect(inferPublishedDate('A.\nB.\nC.\nD.\nE.\nF.\n[October 3, 2024]')).toBeUndefined();
    expect(inferPublishedDate('Updated: Sep. 8, 2024 at 12:37 AM EDT\nCrews reopened the bridge.')).toBeUndefined();
  });

  it('sets `published` with a warning when the front matter has none, and leaves a front matter date alone', () => {
    const body = 'Bridge reopens\n\n[October 3, 2024]\n\nCrews reopened the bridge.';
    expect(parse('a.md', `---\ntitle: Bridge reopens\npublished: null\n---\n${body}`)).toEqual({
      id: 'a',
      origin: 'a.md',
      title: 'Bridge reopens',
      text: 'Crews reopened the bridge.',
      published: '2024-10-03',
      warnings: ['published date inferred from the text: 2024-10-03'],
    });
    const dated = parse('b.md', `---\npublished: 2024-10-04\n---\n${body}`);
    expect(dated.published).toBe('2024-10-04');
    expect(dated.warnings).toBeUndefined();
  });

  it('parses only real, full dates', () => {
    expect(parseWrittenDate('Sept. 19, 2023')).toBe('2023-09-19');
    expect(parseWrittenDate('19 September 2023')).toBe('2023-09-19');
    expect(parseWrittenDate('2/30/24')).toBeUndefined();
    expect(parseWrittenDate('Sept. 19')).toBeUndefined();
  });
});

describe('HTML in a .txt file', () => {
  it('reads a .txt file that holds an HTML page as HTML', () => {
    const a = parse('a.txt', '<!doctype html>\n<html><head><title>Bridge reopens</title></head><body><p>Crews reopened the\nbridge on Friday.</p><p>Traffic was light.</p></body></html>');
    expect(a).toMatchObject({ title: 'Bridge reopens', text: 'Crews reopened the bridge on Friday.\nTraffic was light.' });
  });

  it('reads paragraph markup without a page as HTML, but not text that mentions a tag', () => {
    expect(looksLikeHtml('<p>Crews reopened the bridge.</p>\n<p>Traffic was light.</p>')).toBe(true);
    expect(looksLikeHtml('The page used a <p> tag for each paragraph.\nIt was slow.')).toBe(false);
    expect(parse('b.txt', '<div><p>Crews reopened the bridge.</p><p>Traffic was light.</p></div>').text).toBe('Crews reopened the bridge.\nTraffic was light.');
  });

  it('treats line breaks inside an HTML paragraph as spaces', () => {
    expect(htmlToText('<p>Crews reopened\n   the bridge.</p>').text).toBe('Crews reopened the bridge.');
  });

  it('decodes every HTML entity, named or numeric, and leaves an unknown one as written', () => {
    expect(htmlToText('<p>The caf&eacute; on Ma&iuml;a Street reopened &mdash; 40&nbsp;m from the quay &#x2014; &amp; &bogus; stayed.</p>').text).toBe('The café on Maïa Street reopened — 40 m from the quay — & &bogus; stayed.');
  });
});
