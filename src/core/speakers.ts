/**
 * Who said a sentence: the named subject of a speech verb ("Fire service spokesperson Mara Quist
 * said", "…," Quist said), relayed sources ("according to Reuters"), and pronouns resolved to the
 * previous speaker of the same article.
 */

const speechVerbs = new Set(
  (
    'said says say told tells stated states warned warns claimed claims estimated estimates estimating believes believe believed ' +
    'assessed assess assesses confirmed confirms announced announces reported reports added adds noted notes indicated indicating ' +
    'revealed reveals suggested suggests alleged alleges projected projects predicted predicts argued argues insisted insists ' +
    'acknowledged acknowledges explained explains wrote writes tweeted posted characterized characterised described describes ' +
    'called calls threatened threatens denied denies estimate assessing projecting warning saying telling'
  ).split(' '),
);

const speechVerbRe = new RegExp(`\\b(?:${[...speechVerbs].join('|')}|according to)\\b`, 'i');

/** Lowercase words that may sit inside a speaker's description ("national security spokesman"). */
const roleWords = new Set(
  (
    'spokesman spokeswoman spokesperson secretary minister president official officials chief director ambassador general ' +
    'commander leader prime foreign defense defence national security state press council office ministry department government ' +
    'agency deputy senior military intelligence adviser advisor head of the for and affairs committee police service spokespeople ' +
    'vice executive chairman chairwoman chair analyst analysts researchers experts sources source staff party army navy force forces ' +
    'public health authority authorities economy finance interior home justice energy trade envoy representative governor mayor ' +
    'lawmaker lawmakers senator officer officers manager boss coach founder ' +
    'team group organization organisation society association institute commission coalition network charity observatory'
  ).split(' '),
);

const pronouns = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
const skippable = new Set(['also', 'previously', 'later', 'further', 'has', 'have', 'had', 'recently', 'then', 'earlier', 'again', 'once', 'repeatedly', 'publicly', 'first', 'initially']);
const notNames = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'But', 'And', 'However', 'While', 'When', 'If', 'As', 'In', 'On', 'At', 'It', 'We', 'He', 'She', 'They', 'I', 'Both', 'Speaking', 'After', 'Before', 'Since', 'Thus', 'Then', 'There', 'Now', 'Also', 'Meanwhile', 'Its', 'His', 'Her', 'Their', 'Our', 'Reports', 'Report', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Dozens', 'Hundreds', 'Thousands', 'Many', 'Some', 'All', 'Most']);

export interface Attribution {
  readonly speaker: string;
  readonly via: string;
  /** Character offset of the speech verb, to find the speaker nearest a figure. */
  readonly at: number;
}

const wordRe = /[A-Za-z][A-Za-z.'-]*[A-Za-z]|[A-Za-z]/g;

interface Word {
  readonly text: string;
  readonly start: number;
}

function words(sentence: string): Word[] {
  const out: Word[] = [];
  wordRe.lastIndex = 0;
  for (let m = wordRe.exec(sentence); m; m = wordRe.exec(sentence)) out.push({ text: m[0], start: m.index });
  return out;
}

const isCapitalized = (w: string): boolean => /^[A-Z]/.test(w);

/** The speaker span ending just before word `end` (exclusive), or '' if it names no one. */
function spanBefore(ws: readonly Word[], end: number, sentence: string): string {
  let i = end - 1;
  while (i >= 0 && skippable.has(ws[i]!.text.toLowerCase())) i--;
  const last = i;
  while (i >= 0) {
    const w = ws[i]!.text;
    const gap = i < last ? sentence.slice(ws[i]!.start + w.length, ws[i + 1]!.start) : ' ';
    if (/[,;:"()—]/.test(gap)) break;
    if (isCapitalized(w) || roleWords.has(w.toLowerCase()) || /'s$/.test(w) || isInnerTitleWord(ws, i, sentence) || isNameParticle(ws, i)) i--;
    else break;
  }
  // "the county that includes Rivertown acknowledged": a name inside a relative clause is its object, not the speaker.
  if (i >= 1 && /^(?:that|which|who|whose)$/i.test(ws[i - 1]!.text) && /^[a-z]/.test(ws[i]!.text)) return '';
  return cleanSpan(ws.slice(i + 1, last + 1), sentence);
}

/** "al-" in "Sami al-Vell", "van" in "Ana van Quist": a lowercase particle inside a name. */
function isNameParticle(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!.text;
  if (!/^(?:al|el|ad|as|ash|at|bin|ibn|abu|van|von|de|da|du|di|dos|das|del|der|den|la|le)(?:-[A-Z][\w'-]*)?$/.test(w)) return false;
  return Boolean(ws[i - 1] && isCapitalized(ws[i - 1]!.text)) && (w.includes('-') || Boolean(ws[i + 1] && isCapitalized(ws[i + 1]!.text)));
}

/**
 * A lowercase word inside a job title, between two role words with only spaces around it:
 * "financial" in "chief financial officer", so the title is not cut to "Norcorp chief"; or between
 * a name and a role word: "rescue" in "the Brill Helpers rescue team".
 */
function isInnerTitleWord(ws: readonly Word[], i: number, sentence: string): boolean {
  const prev = ws[i - 1];
  const word = ws[i]!;
  const next = ws[i + 1];
  if (!prev || !next || !/^[a-z]{4,}$/.test(word.text)) return false;
  const isRole = (w: Word): boolean => roleWords.has(w.text.toLowerCase()) && !edgeWords.has(w.text.toLowerCase());
  // "the Brill Helpers rescue team": a word that says what a named body does, before its role word.
  const named = isCapitalized(prev.text) && !notNames.has(prev.text) && !roleWords.has(word.text);
  if (!(isRole(prev) || named) || !isRole(next)) return false;
  const spaced = (a: Word, b: Word): boolean => /^ +$/.test(sentence.slice(a.start + a.text.length, b.start));
  return spaced(prev, word) && spaced(word, next);
}

/**
 * The speaker after an inverted speech verb: "…," said Ana Vell, or with a lowercase title
 * first, "…," said fire chief Ana Vell (up to three title words, kept when a name follows).
 */
function spanAfter(ws: readonly Word[], start: number, sentence: string): string {
  const out: Word[] = [];
  for (let i = start; i < ws.length && out.length < 6; i++) {
    const w = ws[i]!;
    const gap = i > start ? sentence.slice(ws[i - 1]!.start + ws[i - 1]!.text.length, w.start) : ' ';
    if (/[,;:"()—]/.test(gap)) break;
    const titleThenName = !isCapitalized(w.text) && i - start < 3 && ws.slice(i + 1, start + 4).some((x) => isCapitalized(x.text)) && /^[a-z]+$/.test(w.text) && !edgeWords.has(w.text);
    if (isCapitalized(w.text) || (out.length > 0 && roleWords.has(w.text.toLowerCase())) || (!out.some((x) => isCapitalized(x.text)) && titleThenName)) out.push(w);
    else break;
  }
  while (out.length && !isCapitalized(out.at(-1)!.text)) out.pop();
  return cleanSpan(out, sentence);
}

const edgeWords = new Set(['of', 'the', 'and', 'for']);

/** The span as the article wrote it (verbatim, "U.S." keeps its period), without leading or trailing glue words. */
function cleanSpan(words: readonly Word[], sentence: string): string {
  const span = [...words];
  while (span.length && (notNames.has(span[0]!.text) || edgeWords.has(span[0]!.text))) span.shift();
  while (span.length && edgeWords.has(span.at(-1)!.text)) span.pop();
  if (!span.some((w) => isCapitalized(w.text) && !notNames.has(w.text))) return '';
  const first = span[0]!;
  const last = span.at(-1)!;
  let end = last.start + last.text.length;
  if (/^[A-Z](?:\.[A-Z])+$/.test(last.text) && sentence[end] === '.') end++; // "U.S."
  // "the Disaster Authority [DA] said": an acronym in brackets is cut off whole, never left open.
  return sentence.slice(first.start, end).replace(/\s*[[(][^\])]*$/, '');
}

/** The name span that opens a sentence (after a leading connective): its grammatical subject. */
function sentenceSubject(ws: readonly Word[], sentence: string): string {
  let i = 0;
  if (ws[0] && notNames.has(ws[0].text) && /,/.test(sentence.slice(ws[0].start, ws[1]?.start ?? 0))) i = 1;
  let end = i;
  let comma = -1;
  while (end < ws.length && (isCapitalized(ws[end]!.text) || roleWords.has(ws[end]!.text.toLowerCase()) || isInnerTitleWord(ws, end, sentence) || isNameParticle(ws, end))) {
    if (end > i && comma < 0 && /,/.test(sentence.slice(ws[end - 1]!.start + ws[end - 1]!.text.length, ws[end]!.start))) comma = end;
    end++;
  }
  // "Ana Vell, head of the city-run agency's …, said": an apposition cut short is left off; "Ana Vell, the fire chief" is kept.
  if (comma > 0) {
    let last = end - 1;
    while (last >= comma && edgeWords.has(ws[last]!.text)) last--;
    if (last < comma || !roleWords.has(ws[last]!.text.toLowerCase())) end = comma;
  }
  return cleanSpan(ws.slice(i, end), sentence);
}

const pluralNounBefore =
  /^(?:the|these|those|its|their|his|her|our|all|other|both|several|many|some|such|member|US|U\.S\.|United|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)$/;

/** Whether a position lies inside a quotation that opens in the sentence (an odd number of quote marks before it). */
function insideQuote(sentence: string, at: number): boolean {
  let marks = 0;
  for (let k = 0; k < at; k++) if (sentence.charCodeAt(k) === 34) marks++;
  return marks % 2 === 1;
}

/** '"…," Ana Vell, the mayor of Alden, said': the name between a closing quotation and the speech verb, before its apposition. */
function nameAfterQuote(sentence: string, verbAt: number): string {
  const close = Math.max(sentence.lastIndexOf('"', verbAt), sentence.lastIndexOf('”', verbAt));
  // A closing mark has an odd number of marks before it.
  if (close < 0 || (sentence[close] === '"' && !insideQuote(sentence, close))) return '';
  const m = /^\s*,?\s*((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*\.?)\s*,/.exec(sentence.slice(close + 1, verbAt));
  return m?.[1] ?? '';
}

/** Every attribution in one sentence, in order. */
export function findAttributions(sentence: string): Attribution[] {
  // Most sentences name no speaker: one scan for a speech verb or "according to" skips them.
  if (!speechVerbRe.test(sentence)) return [];
  const ws = words(sentence);
  const out: Attribution[] = [];
  const via = (/\baccording to (?:(?:a|an|the) (?:[a-z]+ ){1,2}(?:by|from|of) )?((?:the )?[A-Z][\w.'-]*(?: (?:(?:for|of|on|and) )?[A-Z][\w.'-]*)*)/.exec(sentence)?.[1] ?? '').replace(/^the /, '').replace(/[.,;:]+$/, '').replace(/ on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/, '').replace(/['’]s$/, '');
  ws.forEach((w, i) => {
    if (!speechVerbs.has(w.text.toLowerCase())) return;
    // "six US states", "the reports", "their claims": a plural noun after a determiner or a count, not a verb.
    if (/s$/.test(w.text) && ws[i - 1] && pluralNounBefore.test(ws[i - 1]!.text)) return;
    // A speech verb inside a quotation ('"Directors very rarely pay," he said') is the speaker's words, not an attribution.
    if (insideQuote(sentence, w.start)) return;
    const prev = ws[i - 1];
    const gap = prev ? sentence.slice(prev.start + prev.text.length, w.start) : '';
    let speaker = '';
    if (prev && prev.text === 'and' && out.length) speaker = out.at(-1)!.speaker; // "… revealed X and estimated …"
    else if (/["”]/.test(gap) && /^(said|says|told|added|wrote|asked)$/i.test(w.text) && spanAfter(ws, i + 1, sentence)) speaker = spanAfter(ws, i + 1, sentence); // '"…," said Ana Vell'
    else if (/,/.test(gap)) speaker = nameAfterQuote(sentence, w.start) || (out.at(-1)?.speaker ?? sentenceSubject(ws, sentence)); // '"…," Ana Vell, the mayor, said'; "…, estimating that …"
    else speaker = spanBefore(ws, i, sentence);
    if (pronouns.has(speaker.toLowerCase()) || (!speaker && prev && pronouns.has(prev.text.toLowerCase()))) {
      speaker = out.find((a) => !pronouns.has(a.speaker))?.speaker ?? (prev?.text.toLowerCase() ?? '');
    }
    if (!speaker && /^(said|says|told|added|wrote)$/i.test(w.text)) speaker = spanAfter(ws, i + 1, sentence);
    if (speaker) out.push({ speaker, via: via === speaker ? '' : via, at: w.start });
  });
  if (out.length === 0 && via) out.push({ speaker: via, via: '', at: sentence.indexOf(via) });
  return out;
}

/**
 * The attribution that governs a position: the nearest speech verb before it, else the first after.
 * Given the sentence, a clause that starts a statement of its own (", while …") between the verb
 * and the position ends what the verb governs: then only a verb after the position does.
 */
export function attributionAt(attributions: readonly Attribution[], position: number, text?: string): Attribution | undefined {
  let best: Attribution | undefined;
  for (const a of attributions) if (a.at <= position) best = a;
  // "…, the agency said on Friday, while the toll in Corran was 90": what follows "while" is not what the agency said.
  if (best && text !== undefined && newStatement.test(text.slice(best.at, position))) return attributions.find((a) => a.at > position);
  return best ?? attributions[0];
}

/** A clause that starts a statement of its own after an attribution: ", while …", ", whereas …", "; …". */
const newStatement = /,\s+(?:while|whereas)\s|;\s/;

/** The speaker named most recently before sentence `i` in its article (looking back a few sentences). */
export function previousSpeaker(sentences: readonly { readonly articleId: string; readonly text: string }[], i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const s = sentences[k]!;
    if (s.articleId !== sentences[i]!.articleId) break;
    const named = findAttributions(s.text).find((a) => !/^[a-z]/.test(a.speaker));
    if (named) return named.speaker;
  }
  return '';
}

/** Replaces pronoun speakers with the last named speaker of the article (or drops them). */
export function resolvePronoun(speaker: string, previous: string): string {
  return pronouns.has(speaker) ? previous : speaker;
}
