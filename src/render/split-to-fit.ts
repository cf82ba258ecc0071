import { splitAtSentences } from './message.js';

/**
 * Splits raw text at sentence ends so that each piece, once transformed (escaped: `&` grows to
 * `&amp;`), is at most `max` characters. The split happens on the raw text, so an escape sequence
 * or a sentence is never cut in two unless one sentence alone is longer than `max`.
 */
export function splitToFit(raw: string, max: number, transform: (piece: string) => string): string[] {
  const out: string[] = [];
  for (const piece of splitAtSentences(raw, max)) {
    const done = transform(piece);
    if (done.length <= max) {
      out.push(done);
      continue;
    }
    // The piece grew past the limit: split it again with a budget shrunk by how much it grew.
    const smaller = Math.max(20, Math.floor((max * piece.length) / done.length) - 8);
    out.push(...splitToFit(piece, Math.min(smaller, piece.length - 1), transform));
  }
  return out;
}

/** Joins lines with `\n` into as few chunks of at most `max` characters as possible (each line already fits). */
export function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis (for titles and previews only). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max - 1);
  const space = window.lastIndexOf(' ');
  return `${(space > max / 2 ? window.slice(0, space) : window).replace(/&[a-z]*$/, '').trimEnd()}…`;
}
