/**
 * Hard-wrapped text: pages stored at a fixed width break sentences across lines, with paragraphs
 * set apart by blank lines. Rejoining them must happen before blank lines are collapsed, because
 * the blank lines are the only record of where a paragraph ends.
 */

/** Whether a line ends as a sentence or a lead-in does: `. ! ? … :`, with any closing quote or bracket. */
export function endsSentence(line: string): boolean {
  return /[.!?…:]["'”’)\]]*$/.test(line.trimEnd());
}

/** Whether a line is a list item (`•`, `-`, `*`, `1.`), which stays a line of its own. */
export function isListItem(line: string): boolean {
  return /^\s*(?:[•·▪*+-]|\d{1,2}[.)])\s+\S/.test(line);
}

/** Takes the bullet off list items (`• `, `- `, `* `); numbered items keep their numbers. */
export function withoutListMarkers(text: string): string {
  return text.replace(/^[ \t]*[•·▪*+-][ \t]+(?=\S)/gm, '');
}

/**
 * Joins the lines of each hard-wrapped paragraph with single spaces. Paragraphs are runs of
 * non-blank lines (a whitespace-only line is blank); a run is wrapped when `isHardWrapped` says so.
 * List items stay separate. Text with one paragraph per line is returned unchanged.
 */
export function unwrapHardWraps(text: string): string {
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    out.push(...(isHardWrapped(block) ? joinWrapped(block) : block));
    block = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim()) block.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/**
 * A run of lines reads as one wrapped paragraph when at least half of its lines but the last
 * (list items aside) stop without sentence punctuation, and most of those are full: the next
 * line's first word would not have fitted within the run's width. Two lines that both stop open
 * are a headline and a dek; a single open line counts only when the next line carries on in
 * lowercase (a short headline above a short sentence is not a wrap).
 */
export function isHardWrapped(block: readonly string[]): boolean {
  const lines = block.map((l) => l.trim()).filter((l) => l && !isListItem(l));
  if (lines.length < 2) return false;
  const open = lines.slice(0, -1).flatMap((line, i) => (endsSentence(line) ? [] : [{ line, next: lines[i + 1]! }]));
  if (open.length === 0 || open.length * 2 < lines.length - 1) return false;
  if (lines.length === 2 && !endsSentence(lines[1]!)) return false;
  if (open.length === 1 && !/^[a-z0-9]/.test(open[0]!.next)) return false;
  const width = Math.max(...lines.map((l) => l.length));
  const full = open.filter(({ line, next }) => line.length + 1 + (next.split(' ')[0]?.length ?? 0) > 0.9 * width);
  return full.length * 2 >= open.length;
}

/** The lines of one wrapped paragraph joined; a list item starts a new line. */
function joinWrapped(block: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of block) {
    const line = raw.trim();
    if (!line) continue;
    const last = out[out.length - 1];
    if (last === undefined || isListItem(line) || (isListItem(last) && endsSentence(last))) out.push(line);
    else out[out.length - 1] = /[A-Za-z]-$/.test(last) && /^[a-z]/.test(line) ? last + line : `${last} ${line}`;
  }
  return out;
}
