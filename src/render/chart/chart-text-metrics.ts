/**
 * Text widths for Vega's layout, from the advance widths of the very font resvg draws with.
 * Headless Vega has no canvas and otherwise guesses 0.8 em a character, which squeezes the plot
 * and cuts titles. Glyphs are measured one by one (opentype.js's shaping cannot read Inter's
 * substitution tables); kerning moves a line by a pixel or two at most.
 */
import { readFileSync } from 'node:fs';
import type { Font } from 'opentype.js';

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: number | string;
}
type Measure = (item: TextItem, text: string) => number;

/** A `textMetrics.width` for Vega from the regular and semibold font files. */
export async function fontTextWidth(regularFile: string, boldFile: string): Promise<Measure> {
  const { default: opentype } = await import('opentype.js');
  const advances = (file: string): ((char: string) => number) => {
    const bytes = readFileSync(file);
    const font: Font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cache = new Map<string, number>();
    return (char) => {
      let em = cache.get(char);
      if (em === undefined) {
        em = (font.charToGlyph(char).advanceWidth ?? font.unitsPerEm / 2) / font.unitsPerEm;
        cache.set(char, em);
      }
      return em;
    };
  };
  const regular = advances(regularFile);
  const bold = advances(boldFile);
  return (item, text) => {
    const weight = item.fontWeight === 'bold' ? 700 : Number(item.fontWeight ?? 400);
    const advance = weight >= 600 ? bold : regular;
    let em = 0;
    for (const char of String(text ?? '')) em += advance(char);
    return em * (item.fontSize ?? 11);
  };
}
