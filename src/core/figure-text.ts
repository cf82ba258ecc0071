/**
 * Cheap readings of the text around a number: what it ends with, the clause before it, its last
 * words. Each gives what the regular expression or split it stands for gives, without scanning or
 * splitting the whole text (a sentence's figures read these thousands of times in a large set).
 */

/**
 * The end of `text` that a pattern of the form `\b(?:words)\s*$` can match in, for words of at
 * most `longest` characters: the text without its trailing whitespace, from two characters
 * before the longest word (so that `\b` still sees the character before a word). Testing the
 * tail rather than the text gives the same answer without trying every position of the text.
 */
export function tail(text: string, longest: number): string {
  const trimmed = text.trimEnd();
  return trimmed.length > longest + 2 ? trimmed.slice(trimmed.length - longest - 2) : trimmed;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** `/[A-Za-z][-/]?$/.test(text)`, without a scan of the text. */
export function endsWithLetter(text: string): boolean {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (isLetter(last)) return true;
  return (last === 45 || last === 47) && isLetter(text.charCodeAt(n - 2));
}

/** `/\d[-:/]$/.test(text)`, without a scan of the text. */
export function endsWithDigitAndSeparator(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  const previous = text.charCodeAt(text.length - 2);
  return (last === 45 || last === 58 || last === 47) && previous >= 48 && previous <= 57;
}

/** Whether `/\bfrom\s*$/i` could match: the text ends with "from" and whitespace. */
export function endsWithFrom(text: string): boolean {
  const trimmed = text.trimEnd();
  return trimmed.length >= 4 && trimmed.slice(-4).toLowerCase() === 'from';
}

/**
 * The current clause before position `at` of a sentence (the text after the last clause boundary:
 * `;`, `:`, `"` or ` — `), within the 80 and within the 120 characters before `at`. The last
 * boundary of the wider window is the last of the narrower one when it lies inside it.
 */
export function clausesBefore(sentence: string, at: number): { readonly within80: string; readonly within120: string } {
  const from120 = Math.max(0, at - 120);
  const from80 = Math.max(0, at - 80);
  let cut120 = -1;
  let cut80 = -1;
  for (const boundary of boundaries) {
    const last = at - boundary.length;
    const found = last >= 0 ? sentence.lastIndexOf(boundary, last) : -1;
    if (found >= from120 && found > cut120) cut120 = found;
    if (found >= from80 && found > cut80) cut80 = found;
  }
  return { within80: sentence.slice(cut80 >= 0 ? cut80 + 1 : from80, at), within120: sentence.slice(cut120 >= 0 ? cut120 + 1 : from120, at) };
}

const boundaries = [';', ':', '"', ' — '];

/** Whitespace other than single spaces. */
const otherSpace = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Whether a text has whitespace other than single spaces (`/[^\S ]| {2}/`, as two quick scans). */
export function irregularSpace(text: string): boolean {
  return text.includes('  ') || otherSpace.test(text);
}

/**
 * `text.split(/\s+/).slice(-count).join(' ')`: the last words of a text, one space apart. Where
 * the text has single spaces only, that is the text after its count-th last space.
 */
export function lastWords(text: string, count: number): string {
  if (irregularSpace(text)) return text.split(/\s+/).slice(-count).join(' ');
  let at = text.length;
  for (let k = 0; k < count; k++) {
    at = at > 0 ? text.lastIndexOf(' ', at - 1) : -1;
    if (at < 0) return text;
  }
  return text.slice(at + 1);
}
