/**
 * Second references, as an editor writes them: once a point has named someone with their title
 * ("Defense Secretary Ana Vell"), a later point that opens with the title again names the person
 * alone ("Ana Vell also said …"). Only a title that opens the point goes, so no words that stood
 * apart are joined, and the name is kept whole: which word is the surname depends on the language.
 */
import { titleWord } from './titles.js';

/** Two or three capitalised words: a person's name (a possessive or a stop after it is not part of it). */
const name = String.raw`[A-Z][\w’'.-]*[a-z][\w’'-]*(?:\s+[A-Z][\w’'-]*[a-z][\w’'-]*){1,2}`;

/** A title of at most six words before the name, with no comma or quote inside, opening the point. */
const opening = new RegExp(String.raw`^((?:[^\s,;:"“”]+\s+){0,6}?${titleWord})\s+(${name})(?=[\s,.:;’']|$)`);
const titled = new RegExp(String.raw`\b${titleWord}\s+(${name})(?=[\s,.:;’']|$)`, 'g');

/** The points' texts in order, each opening title dropped where an earlier point gave the same person with a title. */
export function secondReferences(texts: readonly string[]): string[] {
  const named = new Set<string>();
  return texts.map((text) => {
    const m = opening.exec(text);
    const shown = m && named.has(bare(m[2]!)) ? text.slice(m[1]!.length).trimStart() : text;
    for (const t of text.matchAll(titled)) named.add(bare(t[1]!));
    return shown;
  });
}

/** "Ana Vell’s" and "Ana Vell" are one person. */
function bare(person: string): string {
  return person.replace(/[’']s?$/, '');
}
