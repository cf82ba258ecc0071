/**
 * A large invented article for the ingest-under-load tests and bench: sentences full of figures,
 * speakers and places, varied enough that the core finds many quantities and near-duplicates to
 * weigh. Deterministic: the same size gives the same text.
 */

const places = ['Rivertown', 'Alden', 'Quistvale', 'Northmere', 'Harlow Bay', 'Eastfield', 'Corran', 'Millbrook'];
const speakers = ['Mara Quist', 'the Rivertown fire service', 'Norcorp spokesperson Ilse Varn', 'Alden council leader Tomas Brede', 'the regional health board', 'harbour master Oren Platt'];
const measures = ['people had been evacuated', 'homes were without power', 'volunteers had joined the clean-up', 'roads remained closed', 'workers were sent to the site', 'families were in temporary shelters'];
const days = ['on Monday', 'on Tuesday', 'by Wednesday evening', 'early on Thursday', 'late on Friday', 'over the weekend'];
const qualifiers = ['at least', 'about', 'an estimated', 'more than', 'nearly', ''];

/** A title line and paragraphs of invented reporting, about `chars` characters long. */
export function largeInventedArticle(chars: number, title = 'Alden flood ledger'): string {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)]!;
  const paragraphs: string[] = [`---\ntitle: ${title}\nsource: Wirepost\n---`];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    for (let i = 0; i < 4; i++) {
      const value = (100 + next(90_000)).toLocaleString('en-US');
      const earlier = (50 + next(900)).toLocaleString('en-US');
      const sentence = `${pick(speakers).replace(/^./, (c) => c.toUpperCase())} said ${pick(qualifiers)} ${value} ${pick(measures)} in ${pick(places)} ${pick(days)}, up from ${earlier} a day earlier.`;
      sentences.push(sentence.replace(/ {2,}/g, ' '));
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join('\n') + '\n';
}
