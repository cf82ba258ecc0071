import { leadingDateline } from '../core/lead-lines.js';
import { normalizeText } from '../core/text.js';
import { parseWrittenDate, writtenDatePattern } from '../core/written-dates.js';

/** Only the top of a page holds its own date; a date further down is likely an event's. */
const topLines = 6;
const dateLine = new RegExp(`^\\[?(${writtenDatePattern})\\]?$`, 'i');
const stampLine = new RegExp(`^(?:published|posted|first published|date)(?: on)?:?\\s*(${writtenDatePattern})`, 'i');

/**
 * The publication date a page prints at its top, as `YYYY-MM-DD`: a line that is only a date
 * ("[May 3, 2021]"), a "Published:" or "Posted" stamp, or a dateline that carries a year
 * ("Millford, ST - May 3, 2021 - "). Undefined when the first lines hold none of these; a date
 * in the reporting itself is never taken.
 */
export function inferPublishedDate(body: string): string | undefined {
  const lines = body
    .split(/\r?\n/)
    .map((line) => normalizeText(line).replace(/^free website hit counter\b\s*/i, ''))
    .filter(Boolean)
    .slice(0, topLines);
  for (const line of lines) {
    const found = dateLine.exec(line)?.[1] ?? stampLine.exec(line)?.[1] ?? leadingDateline(line);
    const date = found ? parseWrittenDate(found) : undefined;
    if (date) return date;
  }
  return undefined;
}
