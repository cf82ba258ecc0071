import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The engine must work on any story, so src/ holds no name or number of one: no "North Korea", no
 * "Pyongyang", no "10,000" in a rule, a list, a comment or a string. The distinctive words are taken
 * from the stories themselves, so a new story's words are guarded as soon as its texts are here:
 * - the bundled story (briefings/), always present;
 * - the story-like test fixtures (test/fixtures/, and the wire copy of test/feeds/support/stories.ts);
 * - the dev stories beside the repository (../shared/dev-stories), when present: third-party texts
 *   that are never copied into the repository, so this test must not need them.
 * A word is distinctive when it is capitalized, has 4 letters or more, never occurs lowercase in the
 * article texts and is not a common English word (or month or day name). Multi-word names ("North
 * Korea", "Red Crescent") are runs of capitalized words in the texts, and the last word of such a name
 * is a name of its own ("Zelensky"). Numbers are those of 3 digits or more, as written ("3,958") and bare
 * ("3958"), except round ones (a multiple of 10 below 1,000, of 100 above: sizes and platform limits
 * such as "3,000 characters a section" are round too) and years.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const devStories = join(root, '../shared/dev-stories');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(name) ? [path] : [];
    });
}

const articleFile = (name: string): boolean => /\.(txt|md|html?)$/i.test(name) && !/^readme\./i.test(name);
/** The string literals of a TypeScript file (wire copy written as fixtures), not its identifiers. */
const stringsOf = (source: string): string =>
  [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1')).join('\n');
/** Every string value of a JSON file (questions, facts): they name the story, in chat case. */
const jsonStrings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(jsonStrings) : value && typeof value === 'object' ? Object.values(value).flatMap(jsonStrings) : [];

const read = (path: string): string => readFileSync(path, 'utf8');
/** An article file's text without its front matter, whose only story text is the title (the rest: outlet, URL, curators' notes). */
const articleText = (path: string): string =>
  read(path).replace(/^---\r?\n([\s\S]*?)\r?\n---\r?\n/, (_, front: string) => (front.match(/^title:\s*(.*)$/m)?.[1] ?? '').replace(/^["']|["']$/g, '') + '\n');
/** Prose: articles and wire copy, properly cased, so a word seen lowercase here is an English word. */
const prose: string[] = [
  ...filesUnder(join(root, 'briefings'), articleFile).map(articleText),
  ...filesUnder(join(root, 'test/fixtures'), articleFile).map(articleText),
  ...filesUnder(join(root, 'test/feeds/support'), (n) => n === 'stories.ts').map((p) => stringsOf(read(p))),
  ...filesUnder(devStories, articleFile).map(articleText),
];
/** Checks and settings name the story too, but in chat case ("derna"), so they add names and never clear one. */
const checks: string[] = [
  ...filesUnder(join(root, 'briefings'), (n) => /\.ya?ml$/.test(n)).map((p) => read(p).match(/^title:\s*(.*)$/m)?.[1] ?? ''),
  ...[...filesUnder(join(root, 'test/fixtures'), (n) => n.endsWith('.json')), ...filesUnder(devStories, (n) => n.endsWith('.json'))].flatMap((p) =>
    jsonStrings(JSON.parse(read(p))),
  ),
];
const withoutUrls = (text: string): string => text.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ');

const common = new Set(
  (
    'a an and as at but by for if in of on or so the to ' +
    'about above across after again against almost along already also although always among another any around away back because ' +
    'been before behind being below between both came come could does doing down during each earlier early either else enough ' +
    'even ever every few first following former from further given going good great have having here however into just last later ' +
    'latest least less like many meanwhile more most much must near nearly never next none nothing only other others over perhaps ' +
    'rather same several should since some still such than that their them then there these they this those though through thus ' +
    'today together tomorrow under unless until upon very what whatever when where whether which while whom whose will with within ' +
    'without would yesterday your yours ' +
    'january february march april june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    // The furniture of news pages (ingest strips it by these words) and share prompts.
    'advertisement subscribe related story updated published source sources caption copyright rights reserved read share email ' +
    'photo image video watch news breaking update editor note link posted staff pinterest linkedin facebook twitter whatsapp'
  ).split(' '),
);
/** Words that name no story on their own, though they begin or end names ("North Korea", "Security Council"). */
const generic = new Set(
  (
    'north south east west northern southern eastern western ' +
    // Bodies and titles in general: the head of "Security Council" or "Health Department" names no story.
    'affairs agency authority board bureau cabinet command committee congress corporation corps council department ' +
    'federation government ministry nations office organization province secretary society union united ' +
    // Languages and spellings the engine names ("British/American spelling"), and a wire agency every story cites.
    'english british american reuters'
  ).split(' '),
);

const lowercaseSeen = new Set<string>();
// The project's own English (README, docs) is evidence too: a word written lowercase there is not a name.
// Code spans, links and slugs (`north-korea-troops`) are left out.
for (const path of [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), (n) => n.endsWith('.md'))]) {
  const text = withoutUrls(read(path)).replace(/`[^`]*`/g, ' ');
  for (const [w] of text.matchAll(/(?<![\p{L}\p{M}\p{N}_\-/.])\p{Ll}[\p{L}\p{M}]*(?![\p{L}\p{M}\p{N}_\-/])/gu)) lowercaseSeen.add(w);
}
for (const text of prose) for (const [w] of withoutUrls(text).matchAll(/\p{L}[\p{L}\p{M}]*/gu)) if (w[0] !== w[0]!.toUpperCase()) lowercaseSeen.add(w.toLowerCase());

/** A word seen lowercase, or the plural of one ("States": "state"). */
const english = (w: string): boolean => [w, w.replace(/s$/, ''), w.replace(/es$/, '')].some((v) => lowercaseSeen.has(v) || common.has(v) || generic.has(v));
/** A capitalized word that names something of a story, not an English word. */
const distinctive = (w: string): boolean => w.length >= 4 && !english(w.toLowerCase());

/** Single names ("Pyongyang", "Kirby") and multi-word names ("North Korea", "Red Crescent"). */
const names = new Set<string>();
const phrases = new Set<string>();
/** Numbers of 3 digits or more, as written ("3,958") and bare ("3958"); not round, not years. */
const numbers = new Set<string>();
/** Whether a word at the end of `before` opens a sentence (or a quotation), where any word is capitalized. */
const sentenceStart = (before: string): boolean =>
  /^[\s"“'‘([|>*•–—-]*$/.test(before) || /[.!?:;]["'”’)\]]*\s+["“'‘(]?$/.test(before) || /\s["“‘]$/.test(before);
for (const text of [...prose, ...checks].map(withoutUrls)) {
  for (const line of text.split('\n')) {
    // A run of capitalized words with single spaces between: one name, or a word opening a sentence.
    for (const m of line.matchAll(/(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*)*/gu)) {
      const words = m[0].split(' ');
      let trimmed = false;
      while (words.length && common.has(words[0]!.toLowerCase())) {
        words.shift();
        trimmed = true;
      }
      while (words.length && common.has(words.at(-1)!.toLowerCase())) words.pop();
      if (words.length === 1 && (trimmed || !sentenceStart(line.slice(0, m.index))) && distinctive(words[0]!)) names.add(words[0]!);
      if (words.length >= 2 && words.some((w) => w.length >= 4)) phrases.add(words.join(' '));
      // The head of a name is a name of its own: "Zelensky" of "President Volodymyr Zelensky", "Korea" of "North Korea".
      if (words.length >= 2 && distinctive(words.at(-1)!)) names.add(words.at(-1)!);
    }
    for (const [n] of line.matchAll(/(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{3,})(?![\d,]|\.\d)/g)) {
      const bare = n.replace(/,/g, '');
      if (Number(bare) % (bare.length === 3 ? 10 : 100) !== 0 && !/^(19|20)\d\d$/.test(bare)) numbers.add(n).add(bare);
    }
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (terms: Iterable<string>): string => [...terms].sort((a, b) => b.length - a.length).map(escape).join('|');
/** Whole words, case-sensitive; not a piece of a path or a time zone id (`Europe/Kyiv` names a zone, not a story). */
const wordMatcher = (terms: Iterable<string>): RegExp => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_/])(?:${longestFirst(terms)})(?![\\p{L}\\p{M}\\p{N}_/])`, 'gu');
const numberMatcher = (terms: Iterable<string>): RegExp => new RegExp(`(?<![\\w.,])(?:${longestFirst(terms)})(?!\\w|[.,]\\d)`, 'g');

const srcFiles = filesUnder(join(root, 'src'), (n) => n.endsWith('.ts'));

describe('src/ holds no word of a story', () => {
  it('collects the words of the bundled story at least', () => {
    expect(names.size).toBeGreaterThan(20);
    for (const n of ['Pyongyang', 'Kirby', 'Zelensky']) expect(names, n).toContain(n);
    expect(phrases).toContain('North Korea');
  });

  it('finds no story name, multi-word name or number in src/**/*.ts (comments and strings included)', () => {
    const terms = wordMatcher([...names, ...phrases]);
    const figures = numbers.size ? numberMatcher(numbers) : /(?!)/g;
    const hits: string[] = [];
    for (const file of srcFiles) {
      read(file)
        .split('\n')
        .forEach((line, i) => {
          const found = [...line.matchAll(terms), ...line.matchAll(figures)].map((m) => m[0]);
          if (found.length) hits.push(`${relative(root, file)}:${i + 1}: ${[...new Set(found)].join(', ')}`);
        });
    }
    expect(hits, `story words in src/:\n${hits.join('\n')}`).toEqual([]);
  });
});
