/**
 * Units a measurement is written in ("17.9 kilometers", "14 inches of rain"): what a question
 * about a size or an amount of something other than money is answered in. One reviewed,
 * story-independent table, by the normalized word.
 */
import { normalizeWord } from './words.js';

export type Dimension = 'length' | 'amount';

const length = 'km kilometer kilometers kilometre kilometres mile miles meter meters metre metres m ft foot feet yard yards inch inches cm centimeter centimeters centimetre centimetres mm millimeter millimeters millimetre millimetres';
const other = 'acre acres hectare hectares gallon gallons litre litres liter liters barrel barrels ton tons tonne tonnes kg kilogram kilograms pound pounds lb lbs';

const lengthUnits = new Set(length.split(' ').map(normalizeWord));
const amountUnits = new Set([...lengthUnits, ...other.split(' ').map(normalizeWord)]);

/** Whether a normalized word is a unit of the dimension: a length for "how deep", any measurement for "how much rain". */
export function isUnitOf(norm: string, dimension: Dimension): boolean {
  return (dimension === 'length' ? lengthUnits : amountUnits).has(norm);
}
