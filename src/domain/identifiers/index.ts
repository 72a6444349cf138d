export { parseAgb, isAgb, agbPrefix, agbKindOf, AGB_KINDS, type Agb, type AgbKindPrefix } from './agb.js';
export { parseUzovi, isUzovi, type Uzovi } from './uzovi.js';
export { parseBsn, isBsn, bsnElfproefValid, maskBsn, type Bsn } from './bsn.js';
export { parseKvk, isKvk, type KvkNumber } from './kvk.js';
export { parseCareProductCode, isCareProductCode, type CareProductCode } from './care-product-code.js';
export {
  parseZiNumber,
  isZiNumber,
  ziCheckDigitValid,
  isZiFreeRange,
  type ZiNumber,
  type ZiNumberOptions,
} from './zi-number.js';
export type { Brand } from './digit-code.js';
