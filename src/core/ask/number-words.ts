/** Numbers written as words: "three", "twenty-five", "a dozen", "two million", ordinals "a fourth body". */

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ordinals: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
};
const scales: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** The value of one cardinal number word or hyphenated pair ("twenty-five"), if it is one. */
export function cardinalWord(lower: string): number | undefined {
  if (lower in units) return units[lower];
  if (lower in tens) return tens[lower];
  if (lower === 'dozen') return 12;
  const pair = /^([a-z]+)-([a-z]+)$/.exec(lower);
  if (pair && pair[1]! in tens && pair[2]! in units && units[pair[2]!]! < 10) return tens[pair[1]!]! + units[pair[2]!]!;
  return undefined;
}

/** The value of an ordinal word ("sixth" → 6, "4th" → 4), if it is one. */
export function ordinalWord(lower: string): number | undefined {
  if (lower in ordinals) return ordinals[lower];
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(lower);
  return digits ? Number(digits[1]) : undefined;
}

/** The multiplier of a scale word ("million"), if it is one. */
export function scaleWord(lower: string): number | undefined {
  return scales[lower];
}
