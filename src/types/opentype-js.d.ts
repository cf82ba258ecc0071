/** The part of opentype.js (2.x, which ships no types; Node loads its CommonJS build) that the chart renderer uses to measure text. */
declare module 'opentype.js' {
  export interface Font {
    readonly unitsPerEm: number;
    charToGlyph(char: string): { readonly advanceWidth?: number };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
